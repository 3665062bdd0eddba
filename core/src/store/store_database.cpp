#include "store/store_database.hpp"

#include "core/store/store_types.hpp"
#include "sqlite/sqlite_file.hpp"
#include "store/store_schema.hpp"

#include <QHash>
#include <QMutexLocker>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QThread>
#include <unordered_map>

namespace core::store::detail {

namespace {

std::atomic<quint64> nextSerial { 1 };

/// This thread's transaction depth per connection; node-based, so a reference survives
/// insertions.
using TransactionDepths = std::unordered_map<QString, int>;

TransactionDepths& transactionDepths()
{
    thread_local TransactionDepths depths;
    return depths;
}

[[noreturn]] void fail(const QSqlError& error, const QString& sql)
{
    throw StoreError("local store: " + error.text().toStdString()
        + " in: " + sql.simplified().left(160).toStdString());
}

/// A statement outside the fault counter: connection setup and rollbacks, which must work for
/// the store to get back to a consistent state.
void runRaw(const QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        fail(query.lastError(), sql);
}

QString createFile(const QString& file)
{
    try {
        return sqlite::ownerOnlyDatabaseFile(file);
    } catch (const sqlite::FileProblem& problem) {
        throw StoreError(std::string("local store: ") + problem.what());
    }
}

} // namespace

StoreDatabase::StoreDatabase(const QString& file)
    : file_(createFile(file))
    , serial_(nextSerial.fetch_add(1))
{
    // Open now, so a missing, corrupt or newer file is reported when the store is made.
    connection();
}

StoreDatabase::~StoreDatabase()
{
    // Whoever destroys the store guarantees no thread uses it any more, so the other threads'
    // connections can go too (SQLite allows closing a handle from another thread).
    const QMutexLocker lock(&mutex_);
    for (const QString& name : std::as_const(names_)) {
        sqlite::forgetThreadConnection(name);
        transactionDepths().erase(name);
        if (QSqlDatabase::contains(name))
            QSqlDatabase::removeDatabase(name);
    }
}

QString StoreDatabase::connectionName() const
{
    return QStringLiteral("shiqiuren-store:%1#%2:%3")
        .arg(serial_)
        .arg(reinterpret_cast<quintptr>(QThread::currentThreadId()), 0, 16)
        .arg(file_);
}

void StoreDatabase::open(const QString& name) const
{
    try {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        if (!db.isValid())
            throw StoreError("local store: no QSQLITE driver");
        db.setDatabaseName(file_);
        // Another connection (the UI thread, the sync thread, shiqiuren-card) may hold the write
        // lock for a moment: wait for it rather than fail.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open())
            throw StoreError("local store: cannot open " + file_.toStdString() + ": "
                + db.lastError().text().toStdString());
        QSqlQuery mode(db);
        if (!mode.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !mode.next()
            || mode.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
            throw StoreError("local store: cannot switch " + file_.toStdString()
                + " to WAL: " + mode.lastError().text().toStdString());
        mode.finish();
        // FULL: a commit is on disk when it returns, so an acknowledged operation stays
        // acknowledged through a power cut.
        runRaw(db, QStringLiteral("PRAGMA synchronous=FULL"));
        runRaw(db, QStringLiteral("PRAGMA foreign_keys=ON"));
        migrate(db);
    } catch (...) {
        // Every handle on the connection is gone by now, so it can go without QtSql's warning.
        QSqlDatabase::removeDatabase(name);
        throw;
    }
    sqlite::removeWhenThreadEnds(name);
    const QMutexLocker lock(&mutex_);
    names_.insert(name);
}

QSqlDatabase StoreDatabase::connection() const
{
    const QString name = connectionName();
    if (!QSqlDatabase::contains(name))
        open(name);
    return QSqlDatabase::database(name, false);
}

StatementResult StoreDatabase::run(const QString& sql, const QVariantList& values) const
{
    // The fault counter: fires on the statement that takes it from 1 to 0.
    int left = countdown_.load();
    while (left > 0 && !countdown_.compare_exchange_weak(left, left - 1)) { }
    if (left == 1)
        throw StoreError(
            "local store: injected fault in: " + sql.simplified().left(160).toStdString());

    const QSqlDatabase db = connection();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        fail(query.lastError(), sql);
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        fail(query.lastError(), sql);
    StatementResult result;
    if (query.isSelect()) {
        const int columns = query.record().count();
        while (query.next()) {
            QVariantList row;
            row.reserve(columns);
            for (int i = 0; i < columns; ++i)
                row.append(query.value(i));
            result.rows.append(row);
        }
        if (query.lastError().isValid())
            fail(query.lastError(), sql);
    } else {
        result.affected = query.numRowsAffected();
    }
    query.finish();
    return result;
}

void StoreDatabase::transaction(const std::function<void()>& work) const
{
    const QSqlDatabase db = connection();
    const QString name = connectionName();
    int& depth = transactionDepths()[name];
    const int level = depth;
    const QString savepoint = QStringLiteral("store_level_%1").arg(level);
    run(level == 0 ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("SAVEPOINT ") + savepoint);
    ++depth;
    const auto undo = [&] {
        depth = level;
        QSqlQuery rollback(db);
        if (level == 0) {
            rollback.exec(QStringLiteral("ROLLBACK"));
        } else {
            rollback.exec(QStringLiteral("ROLLBACK TO ") + savepoint);
            rollback.exec(QStringLiteral("RELEASE ") + savepoint);
        }
    };
    try {
        work();
        run(level == 0 ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE ") + savepoint);
        depth = level;
    } catch (...) {
        undo();
        throw;
    }
}

} // namespace core::store::detail
