#pragma once

#include <QList>
#include <QMutex>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>
#include <atomic>
#include <functional>

namespace core::store::detail {

/// What one statement gave back: its rows (read to the end, so no statement stays open) and
/// how many rows it changed.
struct StatementResult {
    QList<QVariantList> rows;
    int affected = 0;
};

/// The local database file and its connections. QtSql connections belong to the thread that
/// made them, so each thread gets its own, named from this object and the thread id; it is
/// opened (WAL, synchronous=FULL, foreign_keys=ON, busy timeout) and migrated on first use. The
/// connections go when this object goes, or when their thread ends.
///
/// run() is the one place every statement of the store goes through, and therefore where the
/// fault-injection counter lives. Every failure is a StoreError.
class StoreDatabase {
public:
    explicit StoreDatabase(const QString& file);
    ~StoreDatabase();
    StoreDatabase(const StoreDatabase&) = delete;
    StoreDatabase& operator=(const StoreDatabase&) = delete;

    const QString& file() const { return file_; }

    /// This thread's connection (opened and migrated when new).
    QSqlDatabase connection() const;

    /// One statement with positional `?` values.
    StatementResult run(const QString& sql, const QVariantList& values = {}) const;

    /// `work` in one transaction (BEGIN IMMEDIATE … COMMIT) on this thread's connection; a nested
    /// call is a savepoint inside it, so a failure undoes exactly the nested part before the
    /// exception reaches the outer work. Any exception rolls back and is rethrown.
    void transaction(const std::function<void()>& work) const;

    /// The n-th statement from now fails (StoreError), then the counter is off again. 0 = off.
    void failStatementAfter(int n) { countdown_.store(n); }
    /// True while a fault is armed and has not fired yet.
    bool faultPending() const { return countdown_.load() > 0; }

private:
    QString connectionName() const;
    void open(const QString& name) const;

    QString file_; // canonical path
    quint64 serial_; // tells this object's connections from another's on the same file
    mutable QMutex mutex_;
    mutable QSet<QString> names_; // every connection opened, on any thread
    mutable std::atomic<int> countdown_ { 0 };
};

} // namespace core::store::detail
