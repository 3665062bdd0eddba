#include "server/http/rate_limiter.hpp"

#include <algorithm>
#include <cmath>

namespace server::http {
namespace {
// Above this many keys, those that would be full anyway are dropped: a flood of addresses cannot
// grow the table without end, and forgetting a full bucket changes nothing.
constexpr qsizetype pruneAbove = 4096;
} // namespace

RateLimiter::RateLimiter(int perMinute)
    : capacity_(std::max(1, perMinute))
    , perSecond_(std::max(1, perMinute) / 60.0)
{ }

RateLimiter::Bucket& RateLimiter::refilled(const QString& key, Clock::time_point now)
{
    auto found = buckets_.find(key);
    if (found == buckets_.end()) {
        if (buckets_.size() >= pruneAbove)
            forgetFullBuckets(now);
        found = buckets_.insert(key, Bucket { capacity_, now });
    }
    Bucket& bucket = found.value();
    const std::chrono::duration<double> elapsed = now - bucket.updated;
    bucket.tokens = std::min(capacity_, bucket.tokens + elapsed.count() * perSecond_);
    bucket.updated = now;
    return bucket;
}

void RateLimiter::forgetFullBuckets(Clock::time_point now)
{
    for (auto it = buckets_.begin(); it != buckets_.end();) {
        const std::chrono::duration<double> elapsed = now - it->updated;
        if (it->tokens + elapsed.count() * perSecond_ >= capacity_)
            it = buckets_.erase(it);
        else
            ++it;
    }
}

std::optional<int> RateLimiter::take(const QString& key)
{
    const std::lock_guard lock(mutex_);
    Bucket& bucket = refilled(key, Clock::now());
    if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return std::nullopt;
    }
    return std::max(1, static_cast<int>(std::ceil((1 - bucket.tokens) / perSecond_)));
}

void RateLimiter::refund(const QString& key)
{
    const std::lock_guard lock(mutex_);
    Bucket& bucket = refilled(key, Clock::now());
    bucket.tokens = std::min(capacity_, bucket.tokens + 1);
}

} // namespace server::http
