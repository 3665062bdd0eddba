#pragma once

#include "server/http/http_message.hpp"
#include "server/http/rate_limiter.hpp"

namespace server::accounts {

/// Stands in front of every password check or hash (scrypt costs tens of MiB and real CPU): a
/// limit per client address and one for the whole service, on top of the per-account lockout
/// (LoginThrottle). A refused attempt gets `429 too-many-attempts` with Retry-After, the same
/// answer as the lockout, so the client needs nothing new. Thread-safe.
class PasswordGate {
public:
    PasswordGate(int perClientPerMinute, int globalPerMinute);

    /// Takes one attempt for `request.remote`; throws the 429 ApiError when a limit is reached.
    void admit(const http::HttpRequest& request);

private:
    http::RateLimiter perClient_;
    http::RateLimiter global_;
};

} // namespace server::accounts
