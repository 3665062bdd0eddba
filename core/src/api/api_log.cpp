#include "api_log.hpp"

namespace core::api {

Q_LOGGING_CATEGORY(lcApi, "shiqiuren.api", QtInfoMsg)

} // namespace core::api
