#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QThread>
#include <QVariantMap>

namespace core::auth::detail {

/// The PIN ledger's SQLite file: created with mode 0600, WAL, synchronous=FULL, and its table
/// migrated on every connection. This is the part core/store will take over (one local database
/// per user); the ledger's logic stays in PinLedger.
///
/// QtSql connections belong to the thread that made them, so each thread gets its own, named
/// from the file and the thread id. The constructing thread's connection closes when the last
/// LedgerDatabase of that file made on that thread goes; any other thread's closes when that
/// thread ends. Every failure is a LedgerError.
class LedgerDatabase {
public:
    explicit LedgerDatabase(const QString& file);
    ~LedgerDatabase();
    LedgerDatabase(const LedgerDatabase&) = delete;
    LedgerDatabase& operator=(const LedgerDatabase&) = delete;

    /// Runs one statement on this thread's connection with named `bindings` (":key" → value);
    /// the returned query is positioned before its first row.
    QSqlQuery run(const QString& sql, const QVariantMap& bindings = {}) const;

private:
    QSqlDatabase connection() const;

    QString file_; // canonical path
    Qt::HANDLE ownerThread_;
};

} // namespace core::auth::detail
