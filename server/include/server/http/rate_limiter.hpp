#pragma once

#include <QHash>
#include <QString>
#include <chrono>
#include <mutex>
#include <optional>

namespace server::http {

/// Token buckets by key (a client address, or one key for everyone): `perMinute` tokens refill
/// evenly over a minute and a key may spend at most that many at once. Thread-safe.
class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;

    explicit RateLimiter(int perMinute);

    /// Spends one token of `key`. nullopt when allowed, else the whole seconds until one is back.
    std::optional<int> take(const QString& key);
    /// Gives back a token taken by mistake (another limit refused the same attempt).
    void refund(const QString& key);

private:
    struct Bucket {
        double tokens = 0;
        Clock::time_point updated;
    };
    Bucket& refilled(const QString& key, Clock::time_point now);
    void forgetFullBuckets(Clock::time_point now);

    const double capacity_;
    const double perSecond_;
    std::mutex mutex_;
    QHash<QString, Bucket> buckets_;
};

} // namespace server::http
