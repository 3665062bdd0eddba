#pragma once

// HTTP/1.1 framing for the fault proxy: just enough to find where each request and response
// ends, so faults can act per request on a keep-alive connection. The bytes are never rewritten.

#include "fault_proxy.hpp"

#include <QByteArray>

namespace synctest::http {

enum class Parse { Incomplete, Bad, Done };

/// The first header called `name` (any case); empty when there is none.
QByteArray headerValue(const HeaderList& headers, const QByteArray& name);
bool hasHeader(const HeaderList& headers, const QByteArray& name);

struct Request {
    QByteArray raw; ///< the whole request as it came, to forward byte for byte
    QByteArray method;
    QByteArray target;
    HeaderList headers;
    bool close = false; ///< the client will not send more on this connection
};

/// Takes one complete request off the front of `buffer`.
Parse takeRequest(QByteArray& buffer, Request& request);

struct Response {
    qsizetype length = 0;
    int status = 0;
    bool close = false; ///< the server closes the connection after it
};

/// Finds the end of the response at the front of `buffer`; `eof`: the server closed.
Parse measureResponse(const QByteArray& buffer, bool headRequest, bool eof, Response& response);

} // namespace synctest::http
