#pragma once

#include "core/api/service_error.hpp"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace core::api {

/// How a call to the central service went wrong.
enum class ErrorKind {
    None, ///< no failure
    Network, ///< no answer: connection refused or reset, DNS, the connection broke
    Timeout, ///< no complete answer within ServiceConfig::timeout
    Tls, ///< the TLS handshake failed: untrusted certificate, pin mismatch, protocol
    Http, ///< the server answered with an error status (and usually an error body)
    /// an answer that is not what the contract says: a 2xx body of the wrong shape, or any
    /// answer cut off or larger than 16 MiB
    BadResponse,
};

/// Everything known about a failed call. `kind` says which members mean something: the HTTP
/// members only for Http (and `httpStatus` also for BadResponse). One Http failure comes from
/// the client itself: `httpStatus` 0 with RequestInvalid when a header value (token, key, tag)
/// holds control characters — then nothing was sent.
struct Failure {
    ErrorKind kind = ErrorKind::None;
    int httpStatus = 0; ///< 0 when no HTTP answer came
    ServiceError error = ServiceError::Unknown; ///< from `code`
    QString code; ///< the body's `error`, as sent (also an unknown one)
    QString message; ///< the server's zh-TW sentence (for logs; the UI translates `error`)
    QJsonObject fields; ///< field → reasons, when the server named fields
    QJsonObject body; ///< the whole error body, e.g. 412's `current` record
    /// `Retry-After` (or the body's `retryAfterSeconds`) in seconds: 429, 409 in-flight.
    std::optional<int> retryAfterSeconds;
    /// Technical, for logs: what broke and where. Never holds tokens, passwords or bodies.
    QString detail;

    /// Whether the same request may succeed later unchanged: Network, Timeout, any 5xx, 429,
    /// 408 and 409 idempotency-key-in-flight. The one rule for answers: the sync engine's
    /// classification uses it too. (A write is safe to resend only with its Idempotency-Key or
    /// If-Match.)
    bool retriable() const;
    /// One line for logs: kind, status, code, detail.
    QString summary() const;
};

} // namespace core::api
