#include "ledger_database.hpp"

#include "core/auth/pin_ledger.hpp"
#include "sqlite/sqlite_file.hpp"

#include <QHash>
#include <QSqlError>
#include <array>

namespace core::auth::detail {

namespace {

// SQLite's primary result codes (sqlite3.h), as QSqlError::nativeErrorCode() reports them.
constexpr int sqliteCorrupt = 11;
constexpr int sqliteCantOpen = 14;
constexpr int sqliteNotADatabase = 26;

constexpr auto component = "pin_ledger";

// Additive only: a released step is never edited; a new column or table is a new step. Step i
// takes the ledger from version i to i + 1. core/store will adopt these as its own migrations.
constexpr std::array migrations {
    R"sql(CREATE TABLE pin_ledger (
        card_key TEXT PRIMARY KEY NOT NULL,  -- "card:<card number>" or "cert:<serial hex>"
        failures INTEGER NOT NULL CHECK (failures >= 0),  -- wrong PINs since the last success
        blocked INTEGER NOT NULL CHECK (blocked IN (0, 1)),
        updated_at TEXT NOT NULL  -- ISO 8601 UTC, for support: when the entry last changed
    ))sql",
};

[[noreturn]] void fail(const QSqlError& error, const char* doing,
    LedgerError::Reason otherwise = LedgerError::Reason::Failed)
{
    bool numeric = false;
    // Extended codes carry the primary code in their low byte.
    const int code = error.nativeErrorCode().toInt(&numeric) & 0xFF;
    LedgerError::Reason reason = otherwise;
    if (numeric && (code == sqliteCorrupt || code == sqliteNotADatabase))
        reason = LedgerError::Reason::Corrupt;
    else if (numeric && code == sqliteCantOpen)
        reason = LedgerError::Reason::CannotOpen;
    throw LedgerError(
        reason, std::string("PIN ledger: ") + doing + ": " + error.text().toStdString());
}

QSqlQuery execute(const QSqlDatabase& db, const QString& sql, const QVariantMap& bindings = {})
{
    QSqlQuery query(db);
    if (!query.prepare(sql))
        fail(query.lastError(), "prepare");
    for (auto it = bindings.cbegin(); it != bindings.cend(); ++it)
        query.bindValue(it.key(), it.value());
    if (!query.exec())
        fail(query.lastError(), "execute");
    return query;
}

QString connectionName(const QString& file)
{
    return QStringLiteral("shiqiuren-pin-ledger:%1#%2")
        .arg(file)
        .arg(reinterpret_cast<quintptr>(QThread::currentThreadId()), 0, 16);
}

/// Per thread: connection → LedgerDatabase objects constructed on that thread.
QHash<QString, int>& connectionOwners()
{
    thread_local QHash<QString, int> owners;
    return owners;
}

QString createFile(const QString& file)
{
    try {
        return sqlite::ownerOnlyDatabaseFile(file);
    } catch (const sqlite::FileProblem& problem) {
        throw LedgerError(
            LedgerError::Reason::CannotOpen, std::string("PIN ledger: ") + problem.what());
    }
}

void configure(const QSqlDatabase& db)
{
    // WAL: readers never wait for the writer. FULL: a recorded failure survives a power cut,
    // which is the whole point of counting it.
    QSqlQuery mode = execute(db, QStringLiteral("PRAGMA journal_mode=WAL"));
    if (!mode.next()
        || mode.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        throw LedgerError(LedgerError::Reason::Failed, "PIN ledger: cannot switch to WAL");
    execute(db, QStringLiteral("PRAGMA synchronous=FULL"));
}

int currentVersion(const QSqlDatabase& db)
{
    QSqlQuery query = execute(db,
        QStringLiteral("SELECT version FROM schema_version WHERE component = :component"),
        { { QStringLiteral(":component"), QLatin1String(component) } });
    return query.next() ? query.value(0).toInt() : 0;
}

void migrate(const QSqlDatabase& db)
{
    // IMMEDIATE takes the write lock first, so two processes starting together cannot both
    // decide to run the same step.
    execute(db, QStringLiteral("BEGIN IMMEDIATE"));
    try {
        // A table of versions per component, not PRAGMA user_version: the ledger shares the
        // local database with core/store, whose schema has its own version.
        execute(db,
            QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                           "component TEXT PRIMARY KEY NOT NULL, version INTEGER NOT NULL)"));
        const int current = currentVersion(db);
        const int latest = static_cast<int>(migrations.size());
        if (current > latest)
            throw LedgerError(LedgerError::Reason::NewerSchema,
                "PIN ledger: schema version " + std::to_string(current) + " is newer than "
                    + std::to_string(latest));
        for (int step = current; step < latest; ++step)
            execute(db, QString::fromUtf8(migrations[static_cast<std::size_t>(step)]));
        if (current < latest)
            execute(db,
                QStringLiteral("INSERT INTO schema_version (component, version) "
                               "VALUES (:component, :version) ON CONFLICT (component) "
                               "DO UPDATE SET version = excluded.version"),
                { { QStringLiteral(":component"), QLatin1String(component) },
                    { QStringLiteral(":version"), latest } });
        execute(db, QStringLiteral("COMMIT"));
    } catch (...) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        throw;
    }
}

/// Opens, configures and migrates a new connection; on any failure it is removed again.
void openConnection(const QString& name, const QString& file)
{
    try {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        if (!db.isValid())
            throw LedgerError(LedgerError::Reason::Failed, "PIN ledger: no QSQLITE driver");
        db.setDatabaseName(file);
        // Another process (a second window, the command-line tool) may hold the write lock for
        // a moment; wait for it rather than fail.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open())
            fail(db.lastError(), "open", LedgerError::Reason::CannotOpen);
        configure(db);
        migrate(db);
    } catch (...) {
        // Every handle on the connection is gone by now (the try block's locals are destroyed
        // before this runs), so it can be removed without QtSql's "still in use" warning.
        QSqlDatabase::removeDatabase(name);
        throw;
    }
    sqlite::removeWhenThreadEnds(name);
}

} // namespace

LedgerDatabase::LedgerDatabase(const QString& file)
    : file_(createFile(file))
    , ownerThread_(QThread::currentThreadId())
{
    // Open now, so a missing or corrupt file is reported when the ledger is made, not at the
    // first PIN.
    connection();
    ++connectionOwners()[connectionName(file_)];
}

LedgerDatabase::~LedgerDatabase()
{
    // Another thread's connections cannot be closed from here; they go when their thread ends.
    if (QThread::currentThreadId() != ownerThread_)
        return;
    const QString name = connectionName(file_);
    auto& owners = connectionOwners();
    if (--owners[name] > 0)
        return;
    owners.remove(name);
    sqlite::forgetThreadConnection(name);
    QSqlDatabase::removeDatabase(name);
}

QSqlDatabase LedgerDatabase::connection() const
{
    const QString name = connectionName(file_);
    if (!QSqlDatabase::contains(name))
        openConnection(name, file_);
    return QSqlDatabase::database(name, false);
}

QSqlQuery LedgerDatabase::run(const QString& sql, const QVariantMap& bindings) const
{
    return execute(connection(), sql, bindings);
}

} // namespace core::auth::detail
