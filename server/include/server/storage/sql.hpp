#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantMap>
#include <stdexcept>

namespace server::storage {

/// The database refused or could not be reached. Answered 503 `database-unavailable`; the
/// statement's text and the driver's message go to the log, never to the client.
class StorageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Prepares, binds (`:name` placeholders; the same text runs on SQLite and PostgreSQL) and runs.
QSqlQuery run(const QSqlDatabase& db, const QString& sql, const QVariantMap& binds = {});

/// The first column of the first row, or an invalid QVariant when there is no row.
QVariant scalar(const QSqlDatabase& db, const QString& sql, const QVariantMap& binds = {});

/// Rolls back unless commit() ran: a failed handler leaves nothing half-written.
class Transaction {
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    QSqlDatabase db_;
    bool done_ = false;
};

/// A savepoint inside an open Transaction: one part of a larger write that can be undone on its
/// own (a batch item that fails), leaving the rest of the transaction as it was.
class Savepoint {
public:
    explicit Savepoint(QSqlDatabase db);
    ~Savepoint();
    Savepoint(const Savepoint&) = delete;
    Savepoint& operator=(const Savepoint&) = delete;
    /// Keeps what was written since the savepoint (it commits with the transaction).
    void release();
    /// Undoes what was written since the savepoint; the transaction stays open.
    void rollback();

private:
    QSqlDatabase db_;
    bool done_ = false;
};

/// Next value of a named counter (vacancy sequences, person and audit ids), atomic on its own.
/// Inside a transaction the counter's row stays locked until commit or rollback (PostgreSQL;
/// SQLite locks the whole file): later takers wait, so numbers commit in the order they were
/// taken. The change feed relies on that (takeChangeSeq in vacancy_store.hpp).
qint64 nextCounter(const QSqlDatabase& db, const QString& name);

/// Milliseconds since the epoch, UTC: how every timestamp is stored.
qint64 nowMillis();

} // namespace server::storage
