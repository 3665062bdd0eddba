#pragma once

#include <QString>

namespace bench {

struct ListOptions {
    int rows = 100'000; ///< vacancies in the store
    int reps = 25; ///< timed repetitions per query and side
    bool cpuTime = false; ///< the thread's CPU time instead of the wall clock
    QString file; ///< the store file to make; empty: a temporary one
    bool plans = false; ///< print SQLite's query plans
};

/// The list view's queries over a store of `rows` vacancies, beside the same SQL on the sqlite3
/// C API; prints the table of docs/performance.md.
void benchList(const ListOptions& options);

} // namespace bench
