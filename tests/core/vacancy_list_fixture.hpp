#pragma once

// The list suites' database: a real SQLite file made by the store's own migrations, rows
// inserted as the list reads them, and the expected order of each sort column in C++.
#include "../../core/src/store/list_index_schema.hpp"
#include "../../core/src/store/store_schema.hpp"
#include "../../core/src/store/vacancy_list_sql.hpp"
#include "core/store/store_types.hpp"
#include "core/store/vacancy_list.hpp"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QVariant>
#include <algorithm>
#include <catch2/catch.hpp>
#include <tuple>
#include <utility>

namespace listtest {

using namespace core::store;
using Sort = ListQuery::SortColumn;
using Scope = ListQuery::Scope;

struct Row {
    QString localId;
    QString serverId; // empty = NULL
    QString title;
    QString agency;
    QString body;
    QString state = QStringLiteral("synced");
    QString serverStatus; // empty = NULL
    QString validFrom; // empty = NULL
    QString validTo;
    int openings = 1;
    qint64 updatedAt = 1'700'000'000'000;
    bool deleted = false;
    bool serverDeleted = false;
    QString personKind = QStringLiteral("一般人員");
};

inline QVariant orNull(const QString& value)
{
    return value.isEmpty() ? QVariant() : QVariant(value);
}

/// QtSql binds a null QString as SQL NULL: '' for the NOT NULL text columns.
inline QVariant text(const QString& value)
{
    return value.isEmpty() ? QVariant(QStringLiteral("")) : QVariant(value);
}

class ListDb {
public:
    ListDb()
        : name_(QStringLiteral("test_vacancy_list_%1").arg(++counter_))
    {
        REQUIRE(dir_.isValid());
        db_ = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name_);
        db_.setDatabaseName(dir_.filePath(QStringLiteral("store.sqlite")));
        REQUIRE(db_.open());
        exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        // The store's own schema: every migration step, as LocalStore runs them.
        detail::migrate(db_);
    }
    ~ListDb()
    {
        db_.close();
        db_ = QSqlDatabase();
        QSqlDatabase::removeDatabase(name_);
    }
    ListDb(const ListDb&) = delete;
    ListDb& operator=(const ListDb&) = delete;

    const QSqlDatabase& db() const { return db_; }

    QSqlQuery exec(const QString& sql, const QVariantList& values = {})
    {
        QSqlQuery query(db_);
        INFO(sql.toStdString());
        REQUIRE(query.prepare(sql));
        for (const QVariant& value : values)
            query.addBindValue(value);
        const bool ran = query.exec();
        INFO(query.lastError().text().toStdString());
        REQUIRE(ran);
        return query;
    }

    qint64 scalar(const QString& sql, const QVariantList& values = {})
    {
        QSqlQuery query = exec(sql, values);
        REQUIRE(query.next());
        return query.value(0).toLongLong();
    }

    void insert(const Row& row)
    {
        exec(QStringLiteral(
                 "INSERT INTO vacancies(local_id, server_id, data_json, state, deleted,"
                 " server_deleted, updated_at, title, agency_name, person_kind, server_status,"
                 " valid_from, valid_to, openings, search_body)"
                 " VALUES (?, ?, '{}', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            { row.localId, orNull(row.serverId), row.state, row.deleted ? 1 : 0,
                row.serverDeleted ? 1 : 0, row.updatedAt, text(row.title), text(row.agency),
                text(row.personKind), orNull(row.serverStatus), orNull(row.validFrom),
                orNull(row.validTo), row.openings, text(row.body) });
    }

    ListPage list(const ListQuery& query) const { return queryVacancies(db_, query); }

    /// Every matching local id, over all pages, in the order the pages give them.
    QStringList ids(ListQuery query)
    {
        QStringList all;
        query.page = 1;
        for (;;) {
            const ListPage page = list(query);
            for (const ListRow& row : page.rows)
                all << row.localId;
            if (page.page * page.pageSize >= page.total)
                break;
            query.page = page.page + 1;
        }
        return all;
    }

    QStringList search(const QString& text)
    {
        ListQuery query;
        query.search = text;
        query.sort = Sort::Title; // any: the result is compared sorted
        query.ascending = true;
        QStringList found = ids(query);
        found.sort();
        return found;
    }

    /// Rows the FTS index itself finds for one quoted phrase (bypassing queryVacancies).
    qint64 ftsHits(const QString& phrase)
    {
        return scalar(
            QStringLiteral("SELECT count(*) FROM vacancies_fts WHERE vacancies_fts MATCH ?"),
            { u'"' + phrase + u'"' });
    }

private:
    static inline int counter_ = 0;
    QTemporaryDir dir_;
    QString name_;
    QSqlDatabase db_;
};

inline QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

/// The status column's order (list_index_schema.hpp's statusOrderExpression), in C++.
inline int statusRank(const Row& row)
{
    const QStringList local = { QStringLiteral("conflict"), QStringLiteral("rejected"),
        QStringLiteral("draft"), QStringLiteral("pending") };
    if (local.contains(row.state))
        return static_cast<int>(local.indexOf(row.state));
    const QStringList server = { QStringLiteral("scheduled"), QStringLiteral("published"),
        QStringLiteral("ended"), QStringLiteral("withdrawn"), QStringLiteral("rejected") };
    return server.contains(row.serverStatus)
        ? 4 + static_cast<int>(server.indexOf(row.serverStatus))
        : 9;
}

/// A comparable key per column; NULL (empty) first, as SQLite sorts it ascending.
using Key = std::tuple<bool, qint64, QString>;
inline Key sortKey(const Row& row, Sort column)
{
    const auto text = [](const QString& value) { return Key { !value.isEmpty(), 0, value }; };
    switch (column) {
    case Sort::Title:
        return text(row.title);
    case Sort::Agency:
        return text(row.agency);
    case Sort::Status:
        return { true, statusRank(row), {} };
    case Sort::ValidFrom:
        return text(row.validFrom);
    case Sort::ValidTo:
        return text(row.validTo);
    case Sort::Openings:
        return { true, row.openings, {} };
    case Sort::UpdatedAt:
        return { true, row.updatedAt, {} };
    case Sort::ServerId:
        return text(row.serverId);
    }
    return {};
}

/// 40 rows whose every sortable column repeats values (and has NULLs where it may).
inline QList<Row> tiedRows()
{
    const QStringList titles = { QStringLiteral("科員"), QStringLiteral("技士"),
        QStringLiteral("社會工作師"), QStringLiteral("辦事員") };
    const QStringList agencies = { QStringLiteral("臺北市政府衛生局"),
        QStringLiteral("新北市政府社會局"), QStringLiteral("行政院人事行政總處") };
    const QStringList states = { QStringLiteral("draft"), QStringLiteral("pending"),
        QStringLiteral("synced"), QStringLiteral("synced"), QStringLiteral("conflict"),
        QStringLiteral("rejected"), QStringLiteral("synced") };
    const QStringList serverStatuses
        = { QString(), QStringLiteral("scheduled"), QStringLiteral("published"),
              QStringLiteral("ended"), QStringLiteral("withdrawn"), QStringLiteral("rejected") };
    const QStringList dates = { QString(), QStringLiteral("2026-01-05"),
        QStringLiteral("2025-12-31"), QStringLiteral("2026-03-01") };
    QList<Row> rows;
    for (int i = 0; i < 40; ++i) {
        Row row;
        // Local ids not in insertion order, so the tie-break is not the rowid by accident.
        row.localId = QStringLiteral("id-%1").arg((i * 17) % 40, 2, 10, QLatin1Char('0'));
        row.title = titles[i % titles.size()];
        row.agency = agencies[i % agencies.size()];
        row.state = states[i % states.size()];
        row.serverStatus
            = row.state == u"draft" ? QString() : serverStatuses[i % serverStatuses.size()];
        row.serverId = row.state == u"draft"
            ? QString()
            : QStringLiteral("11300%1").arg(97 - i * 2, 5, 10, QLatin1Char('0'));
        row.validFrom = dates[i % dates.size()];
        row.validTo = dates[(i / 2) % dates.size()];
        row.openings = 1 + i % 3;
        row.updatedAt = 1'700'000'000'000 + (i % 5) * 1000;
        rows << row;
    }
    return rows;
}

} // namespace listtest
