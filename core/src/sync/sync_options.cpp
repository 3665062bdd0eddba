#include "core/sync/sync_options.hpp"

#include <QRandomGenerator>
#include <algorithm>
#include <cmath>

namespace core::sync {

QDateTime currentTime(const SyncOptions& options)
{
    return options.clock ? options.clock() : QDateTime::currentDateTimeUtc();
}

std::chrono::milliseconds retryDelay(int attempts, const SyncOptions& options)
{
    const int exponent = std::clamp(attempts - 1, 0, 40);
    const double raw = double(options.backoffBase.count()) * std::pow(2.0, exponent);
    const double capped = std::min(raw, double(options.backoffCap.count()));
    const double random
        = options.random ? options.random() : QRandomGenerator::global()->generateDouble();
    // Equal jitter: between half and all of the delay.
    return std::chrono::milliseconds(static_cast<qint64>(capped / 2 + random * capped / 2));
}

} // namespace core::sync
