#pragma once

#include "core/api/failure.hpp"
#include "http_exchange.hpp"

namespace core::api::detail {

/// The Http failure for an answer the operation does not expect: status, the contract's error
/// body (code, message, fields, the whole body) and Retry-After. An answer without an error
/// body (a proxy's page) is still an Http failure, with ServiceError::Unknown.
Failure failureFromAnswer(const HttpAnswer& answer);

} // namespace core::api::detail
