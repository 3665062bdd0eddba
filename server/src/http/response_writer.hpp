#pragma once

#include "server/http/http_message.hpp"

#include <QByteArray>

namespace server::http {

/// How the connection goes on after an answer.
enum class AfterAnswer {
    KeepOpen, ///< HTTP/1.1 default: nothing said
    KeepAliveSaid, ///< HTTP/1.0 with `Connection: keep-alive`: say it back, or the client closes
    Close, ///< `Connection: close` is sent and the connection closed after the answer
};

/// The whole HTTP/1.1 answer as bytes: status line, headers (`Cache-Control: no-store` unless the
/// handler set one, Content-Length, Connection) and the body unless `head`.
QByteArray serializeResponse(const HttpResponse& response, bool head, AfterAnswer after);

/// Whether the client asked to close after this request: `Connection: close`, or HTTP/1.0
/// without `Connection: keep-alive` (RFC 9112 §9.3).
AfterAnswer afterAnswerFor(const QByteArray& connectionHeader, bool http10);

} // namespace server::http
