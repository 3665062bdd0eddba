#pragma once

#include "server/http/http_message.hpp"

#include <QLoggingCategory>

namespace server::http {

Q_DECLARE_LOGGING_CATEGORY(lcRequests)

/// One line per request: method, path (never the query), status, milliseconds, who, error code.
/// Tokens, passwords, PINs and ID numbers cannot reach it: none of them is in a path or a name.
void logRequest(const HttpRequest& request, const HttpResponse& response, qint64 milliseconds);

} // namespace server::http
