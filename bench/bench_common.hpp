#pragma once

// What both of bench-store's measurements share: failing loudly, the clock, and the machine's
// load (figures taken on a busy machine say so).

#include <QString>
#include <chrono>

namespace bench {

using Clock = std::chrono::steady_clock;

/// Prints the message, stops the server if one runs (bench_push), and exits with 1.
[[noreturn]] void die(const QString& message);

/// The machine's 1, 5 and 15-minute load averages.
QString loadAverage();

/// Called by die() before exiting; bench_push sets it while its server runs.
extern void (*beforeExit)();

} // namespace bench
