#include "store/store_schema.hpp"

#include "core/store/store_types.hpp"
#include "store/list_index_schema.hpp"

#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <array>
#include <functional>

namespace core::store::detail {

namespace {

// Step 1: the tables. Other parts of core rely on these exact names (the list view reads the
// list columns, which LocalStore rewrites from data_json and base_json on every write of a row).
constexpr std::array stepOne {
    R"sql(CREATE TABLE vacancies(local_id TEXT PRIMARY KEY,
  server_id TEXT UNIQUE, etag TEXT, base_json TEXT,
  data_json TEXT NOT NULL, state TEXT NOT NULL /*draft|pending|synced|conflict|rejected*/,
  deleted INTEGER NOT NULL DEFAULT 0, server_deleted INTEGER NOT NULL DEFAULT 0,
  rejection_json TEXT, rejection_code TEXT, updated_at INTEGER NOT NULL /*ms UTC*/,
  title TEXT NOT NULL DEFAULT '', agency_name TEXT NOT NULL DEFAULT '',
  person_kind TEXT NOT NULL DEFAULT '', server_status TEXT /*scheduled|published|ended|withdrawn|rejected or NULL*/,
  valid_from TEXT /*yyyy-MM-dd*/, valid_to TEXT, openings INTEGER NOT NULL DEFAULT 0,
  search_body TEXT NOT NULL DEFAULT '' /*qualifications, duties, work address*/))sql",
    R"sql(CREATE TABLE outbox(sequence INTEGER PRIMARY KEY AUTOINCREMENT,
  operation_id TEXT NOT NULL UNIQUE /*the Idempotency-Key*/,
  local_id TEXT NOT NULL REFERENCES vacancies(local_id),
  kind TEXT NOT NULL /*create|update|delete*/, body BLOB /*the exact bytes sent on every try*/,
  attempts INTEGER NOT NULL DEFAULT 0 /*tries started*/, next_attempt_at INTEGER /*ms UTC*/,
  last_error TEXT, created_at INTEGER NOT NULL /*ms UTC*/))sql",
    // nextDue() looks up each record's first row.
    "CREATE INDEX outbox_by_record ON outbox(local_id, sequence)",
    R"sql(CREATE TABLE conflicts(local_id TEXT PRIMARY KEY REFERENCES vacancies(local_id),
  mine_json TEXT NOT NULL, server_json TEXT NOT NULL, base_json TEXT NOT NULL,
  server_etag TEXT, fields_json TEXT NOT NULL /*JSON array of vacancy JSON keys*/,
  detected_at INTEGER NOT NULL /*ms UTC*/))sql",
    "CREATE TABLE code_lists(name TEXT PRIMARY KEY, etag TEXT, body BLOB)",
    "CREATE TABLE sync_state(key TEXT PRIMARY KEY, value TEXT)",
};

void run(const QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        throw StoreError("local store: migration: " + query.lastError().text().toStdString()
            + " in: " + sql.left(120).toStdString());
}

int userVersion(const QSqlDatabase& db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        throw StoreError("local store: cannot read the schema version: "
            + query.lastError().text().toStdString());
    return query.value(0).toInt();
}

// Step i takes the schema from version i to i + 1.
const std::array<std::function<void(const QSqlDatabase&)>, 3> steps {
    [](const QSqlDatabase& db) {
        for (const char* sql : stepOne)
            run(db, QString::fromUtf8(sql));
    },
    // Step 2 belongs to the list view: its indexes and the FTS5 search table.
    [](const QSqlDatabase& db) { applyListIndexes(db); },
    // Step 3: the service's reason for its verdict 審核未通過, kept beside server_status so the
    // list and the preview can say why (NULL for any other verdict).
    [](const QSqlDatabase& db) {
        run(db, QStringLiteral("ALTER TABLE vacancies ADD COLUMN server_rejection_reason TEXT"));
    },
};

} // namespace

int latestSchemaVersion()
{
    return static_cast<int>(steps.size());
}

void migrate(const QSqlDatabase& db)
{
    // IMMEDIATE takes the write lock first, so two processes starting together cannot both run
    // the same step.
    run(db, QStringLiteral("BEGIN IMMEDIATE"));
    try {
        const int current = userVersion(db);
        const int latest = latestSchemaVersion();
        if (current > latest)
            throw StoreError("local store: schema version " + std::to_string(current)
                + " is newer than this program's " + std::to_string(latest));
        for (int step = current; step < latest; ++step)
            steps[static_cast<std::size_t>(step)](db);
        // PRAGMA takes no bound values; the number is ours.
        if (current < latest)
            run(db, QStringLiteral("PRAGMA user_version = %1").arg(latest));
        run(db, QStringLiteral("COMMIT"));
    } catch (...) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        throw;
    }
}

} // namespace core::store::detail
