#include "store/list_index_schema.hpp"

#include "core/store/store_types.hpp"

#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <array>
#include <utility>

namespace core::store::detail {

namespace {

void run(const QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        throw StoreError("list indexes: " + query.lastError().text().toStdString()
            + " in: " + sql.left(120).toStdString());
}

/// FTS5 is a compile-time option of SQLite and the trigram tokenizer came with 3.34: ask the
/// library Qt actually loaded by making a throw-away table with both.
bool trigramAvailable(const QSqlDatabase& db)
{
    QSqlQuery probe(db);
    if (!probe.exec(QStringLiteral(
            "CREATE VIRTUAL TABLE temp.shiqiuren_trigram_probe USING fts5(x, tokenize='trigram')")))
        return false;
    run(db, QStringLiteral("DROP TABLE temp.shiqiuren_trigram_probe"));
    return true;
}

// The table's rows are large (two JSON copies each, about one row per 4 KiB page), so a list
// query should read the table only for the rows it shows, and the plan should not depend on
// statistics (nothing runs ANALYZE). Hence:
// - one index per sort column, ending in local_id (the list's tie-break, so the index yields rows
//   in ORDER BY order in both directions and LIMIT stops early), then carrying the filter
//   columns (deleted, state, server_status), so rows filtered out or skipped by OFFSET are never
//   looked up in the table. server_id's UNIQUE index cannot serve that order (drafts share NULL),
//   hence its own.
// - a small index of just the filter columns, which a page's COUNT scans instead of the table.
// - the searched text, which the LIKE search of short words scans instead of the table (a tenth
//   of its size).
// No index leads with `deleted`: without statistics SQLite takes any equality on an index's
// first column as highly selective, and `deleted = 0` (nearly every row) would then be searched
// through that index and sorted, instead of scanning the sort column's index in order.
constexpr auto filterColumns = "local_id, deleted, state, server_status";
constexpr std::array sortColumns {
    std::pair { "title", "title" },
    std::pair { "agency", "agency_name" },
    std::pair { "valid_from", "valid_from" },
    std::pair { "valid_to", "valid_to" },
    std::pair { "openings", "openings" },
    std::pair { "updated_at", "updated_at" },
    std::pair { "server_id", "server_id" },
    std::pair { "status", statusOrderExpression },
};

// External content: the FTS table stores only its index; the text stays in `vacancies`. The
// triggers are the standard ones for such a table (the FTS5 documentation, "External Content
// Tables"): a 'delete' command must be given the old values exactly as they were indexed.
// The update trigger fires only when an indexed column's value changes: the store's upsert
// writes every column on each save, and re-indexing unchanged text would cost every sync ack.
constexpr std::array searchIndex {
    "CREATE VIRTUAL TABLE vacancies_fts USING fts5(title, agency_name, search_body,"
    " content='vacancies', tokenize='trigram')",
    "CREATE TRIGGER vacancies_fts_insert AFTER INSERT ON vacancies BEGIN"
    " INSERT INTO vacancies_fts(rowid, title, agency_name, search_body)"
    " VALUES (new.rowid, new.title, new.agency_name, new.search_body); END",
    "CREATE TRIGGER vacancies_fts_delete AFTER DELETE ON vacancies BEGIN"
    " INSERT INTO vacancies_fts(vacancies_fts, rowid, title, agency_name, search_body)"
    " VALUES ('delete', old.rowid, old.title, old.agency_name, old.search_body); END",
    "CREATE TRIGGER vacancies_fts_update AFTER UPDATE OF title, agency_name, search_body"
    " ON vacancies WHEN old.title IS NOT new.title OR old.agency_name IS NOT new.agency_name"
    " OR old.search_body IS NOT new.search_body BEGIN"
    " INSERT INTO vacancies_fts(vacancies_fts, rowid, title, agency_name, search_body)"
    " VALUES ('delete', old.rowid, old.title, old.agency_name, old.search_body);"
    " INSERT INTO vacancies_fts(rowid, title, agency_name, search_body)"
    " VALUES (new.rowid, new.title, new.agency_name, new.search_body); END",
    // Rows step 1 may already hold.
    "INSERT INTO vacancies_fts(vacancies_fts) VALUES ('rebuild')",
};

} // namespace

void applyListIndexes(const QSqlDatabase& db)
{
    for (const auto& [name, expression] : sortColumns)
        run(db,
            QStringLiteral("CREATE INDEX vacancies_by_%1 ON vacancies(%2, %3)")
                .arg(QLatin1String(name), QLatin1String(expression), QLatin1String(filterColumns)));
    run(db,
        QStringLiteral(
            "CREATE INDEX vacancies_by_filter ON vacancies(state, server_status, deleted)"));
    run(db,
        QStringLiteral("CREATE INDEX vacancies_by_text ON vacancies(title, agency_name,"
                       " search_body, deleted, state, server_status)"));
    // Without FTS5 + trigram the list falls back to LIKE for every search (vacancy_list.cpp).
    if (!trigramAvailable(db))
        return;
    for (const char* sql : searchIndex)
        run(db, QString::fromLatin1(sql));
}

bool hasSearchIndex(const QSqlDatabase& db)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'vacancies_fts'")))
        throw StoreError("list indexes: " + query.lastError().text().toStdString());
    return query.next();
}

void rebuildSearchIndex(const QSqlDatabase& db)
{
    if (hasSearchIndex(db))
        run(db, QStringLiteral("INSERT INTO vacancies_fts(vacancies_fts) VALUES ('rebuild')"));
}

} // namespace core::store::detail
