#pragma once

#include <QLoggingCategory>

namespace core::api {

/// `shiqiuren.api`: one line per request (method, path, status, duration) and the reason of each
/// failure. Never a token, a password, a query string or a body.
Q_DECLARE_LOGGING_CATEGORY(lcApi)

} // namespace core::api
