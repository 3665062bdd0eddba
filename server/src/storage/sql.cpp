#include "server/storage/sql.hpp"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlError>

namespace server::storage {
namespace {
Q_LOGGING_CATEGORY(lcSql, "shiqiuren.server.sql")
}

QSqlQuery run(const QSqlDatabase& db, const QString& sql, const QVariantMap& binds)
{
    QSqlQuery query(db);
    // QPSQL turns prepare() into a server-side PREPARE, which PostgreSQL refuses for DDL: a
    // statement without values runs directly.
    if (binds.isEmpty()) {
        if (!query.exec(sql)) {
            qCWarning(lcSql).noquote()
                << "statement failed:" << query.lastError().text() << "in" << sql;
            throw StorageError("the database refused a statement");
        }
        return query;
    }
    if (!query.prepare(sql)) {
        qCWarning(lcSql).noquote() << "prepare failed:" << query.lastError().text() << "in" << sql;
        throw StorageError("the database refused a statement");
    }
    for (auto it = binds.begin(); it != binds.end(); ++it)
        query.bindValue(u':' + it.key(), it.value());
    if (!query.exec()) {
        qCWarning(lcSql).noquote()
            << "statement failed:" << query.lastError().text() << "in" << sql;
        throw StorageError("the database refused a statement");
    }
    return query;
}

QVariant scalar(const QSqlDatabase& db, const QString& sql, const QVariantMap& binds)
{
    QSqlQuery query = run(db, sql, binds);
    const QVariant value = query.next() ? query.value(0) : QVariant();
    // An unfinished SELECT keeps SQLite's read snapshot, which a later write on this connection
    // cannot upgrade once another process has written ("database is locked").
    query.finish();
    return value;
}

namespace {

bool isSqlite(const QSqlDatabase& db)
{
    return db.driverName() == QLatin1String("QSQLITE");
}

bool execute(const QSqlDatabase& db, const char* statement)
{
    QSqlQuery query(db);
    return query.exec(QString::fromLatin1(statement));
}

} // namespace

Transaction::Transaction(QSqlDatabase db)
    : db_(std::move(db))
{
    // SQLite: take the write lock up front (BEGIN IMMEDIATE). A deferred transaction that reads
    // first and writes later fails at once with SQLITE_BUSY when another process wrote in
    // between — the busy timeout does not apply to that upgrade — while IMMEDIATE waits its turn.
    const bool started = isSqlite(db_) ? execute(db_, "BEGIN IMMEDIATE") : db_.transaction();
    if (!started)
        throw StorageError("the database could not start a transaction");
}

Transaction::~Transaction()
{
    if (done_)
        return;
    if (isSqlite(db_))
        execute(db_, "ROLLBACK");
    else
        db_.rollback();
}

void Transaction::commit()
{
    const bool committed = isSqlite(db_) ? execute(db_, "COMMIT") : db_.commit();
    if (!committed)
        throw StorageError("the database could not commit");
    done_ = true;
}

Savepoint::Savepoint(QSqlDatabase db)
    : db_(std::move(db))
{
    // The same statements on SQLite and PostgreSQL; one name is enough, as savepoints here
    // never nest.
    if (!execute(db_, "SAVEPOINT batch_item"))
        throw StorageError("the database could not set a savepoint");
}

Savepoint::~Savepoint()
{
    // Unwinding: the enclosing transaction rolls back as well, so a failure here changes nothing.
    if (!done_ && execute(db_, "ROLLBACK TO SAVEPOINT batch_item"))
        execute(db_, "RELEASE SAVEPOINT batch_item");
}

void Savepoint::release()
{
    done_ = true;
    if (!execute(db_, "RELEASE SAVEPOINT batch_item"))
        throw StorageError("the database could not release a savepoint");
}

void Savepoint::rollback()
{
    done_ = true;
    // ROLLBACK TO leaves the savepoint in place; RELEASE drops it so the names never pile up.
    const bool undone = execute(db_, "ROLLBACK TO SAVEPOINT batch_item")
        && execute(db_, "RELEASE SAVEPOINT batch_item");
    if (!undone)
        throw StorageError("the database could not roll back to a savepoint");
}

qint64 nextCounter(const QSqlDatabase& db, const QString& name)
{
    run(db,
        QStringLiteral("INSERT INTO counters (name, value) VALUES (:name, 0) "
                       "ON CONFLICT (name) DO NOTHING"),
        { { "name", name } });
    // Increment and read in one statement: two server processes never get the same number, even
    // outside a transaction (the audit log's ids); a separate SELECT could see the other's +1.
    return scalar(db,
        QStringLiteral("UPDATE counters SET value = value + 1 WHERE name = :name RETURNING value"),
        { { "name", name } })
        .toLongLong();
}

qint64 nowMillis()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace server::storage
