#pragma once

#include <QDateTime>
#include <chrono>
#include <functional>

namespace core::sync {

/// The knobs, injectable for tests.
struct SyncOptions {
    /// Retry delay after the n-th failed try: base · 2^(n−1), capped, then jittered to between
    /// half and all of it (so clients that failed together do not come back together). A
    /// server's Retry-After is a floor.
    std::chrono::milliseconds backoffBase { std::chrono::seconds(2) };
    std::chrono::milliseconds backoffCap { std::chrono::minutes(10) };
    /// A number in [0, 1) for the jitter; default QRandomGenerator::global().
    std::function<double()> random;
    /// "Now", UTC; default QDateTime::currentDateTimeUtc().
    std::function<QDateTime()> clock;
    /// Change-feed entries per request (1–500).
    int feedPageSize = 100;
    /// How often the code lists are revalidated (If-None-Match). Zero: every sync.
    std::chrono::milliseconds codeListsInterval { std::chrono::hours(12) };
    /// Per request (the HTTP remote's transfer timeout).
    std::chrono::milliseconds requestTimeout { std::chrono::seconds(30) };
    /// How often one record may be merged and sent again after a 412 within one run before it
    /// waits for the next (someone else keeps writing it).
    int maxResendsPerRun = 3;
    /// Queued creates sent together: their tries are written in one transaction, the requests
    /// go out side by side, and their answers are written in one transaction. 1 sends every
    /// operation on its own, each try and answer its own transaction.
    int pipelineDepth = 16;
    /// Queued creates sent as one `POST /vacancy-batches` (one request, one server transaction:
    /// the server commits once for all of them); it replaces pipelineDepth for creates. 0 or 1:
    /// never; a server without the route (404/405) gets them by the pipelined path instead.
    int createBatchSize = 100;
};

/// "Now" as the options say.
QDateTime currentTime(const SyncOptions& options);

/// The delay before try number `attempts` + 1 after `attempts` failed ones (jitter applied).
std::chrono::milliseconds retryDelay(int attempts, const SyncOptions& options);

} // namespace core::sync
