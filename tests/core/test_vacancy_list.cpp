// The list view's query over the local store (core::store::queryVacancies) on a real SQLite file:
// paging, every sort column both ways with ties, the status/scope/職缺編號 filters, Chinese
// search through FTS5 (3+ characters) and LIKE (1–2), user text that looks like FTS or LIKE
// syntax, the triggers that keep the FTS index in step, and deleted rows.
//
// The table is made here with migration step 1's exact DDL, then step 2 (applyListIndexes), so
// this suite does not depend on LocalStore.
#include "../../core/src/store/list_index_schema.hpp"
#include "../../core/src/store/vacancy_list_sql.hpp"
#include "core/store/local_store.hpp"
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

using namespace core::store;
using Sort = ListQuery::SortColumn;
using Scope = ListQuery::Scope;

namespace {

// Migration step 1's vacancies table, verbatim.
constexpr auto vacanciesDdl = R"sql(CREATE TABLE vacancies(local_id TEXT PRIMARY KEY,
  server_id TEXT UNIQUE, etag TEXT, base_json TEXT,
  data_json TEXT NOT NULL, state TEXT NOT NULL /*draft|pending|synced|conflict|rejected*/,
  deleted INTEGER NOT NULL DEFAULT 0, server_deleted INTEGER NOT NULL DEFAULT 0,
  rejection_json TEXT, rejection_code TEXT, updated_at INTEGER NOT NULL /*ms UTC*/,
  title TEXT NOT NULL DEFAULT '', agency_name TEXT NOT NULL DEFAULT '',
  person_kind TEXT NOT NULL DEFAULT '', server_status TEXT /*scheduled|published|ended|withdrawn|rejected or NULL*/,
  valid_from TEXT /*yyyy-MM-dd*/, valid_to TEXT, openings INTEGER NOT NULL DEFAULT 0,
  search_body TEXT NOT NULL DEFAULT '' /*qualifications, duties, work address*/))sql";

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

QVariant orNull(const QString& value)
{
    return value.isEmpty() ? QVariant() : QVariant(value);
}

/// QtSql binds a null QString as SQL NULL: '' for the NOT NULL text columns.
QVariant text(const QString& value)
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
        exec(QString::fromUtf8(vacanciesDdl));
        // As the store's migration runner does: step 2 in a transaction.
        REQUIRE(db_.transaction());
        detail::applyListIndexes(db_);
        REQUIRE(db_.commit());
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

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

/// The status column's order (list_index_schema.hpp's statusOrderExpression), in C++.
int statusRank(const Row& row)
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
Key sortKey(const Row& row, Sort column)
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
QList<Row> tiedRows()
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

} // namespace

TEST_CASE("QtSql's SQLite has FTS5 with the trigram tokenizer, and step 2 made the index",
    "[store][list]")
{
    ListDb store;
    QSqlQuery version = store.exec(QStringLiteral("SELECT sqlite_version()"));
    REQUIRE(version.next());
    const QString text = version.value(0).toString();
    INFO("SQLite " << text.toStdString());
    const QStringList parts = text.split(u'.');
    REQUIRE(parts.size() >= 2);
    CHECK(std::make_pair(parts[0].toInt(), parts[1].toInt()) >= std::make_pair(3, 34));
    CHECK(detail::hasSearchIndex(store.db()));
    // Every sort column has its index.
    CHECK(store.scalar(QStringLiteral(
              "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'vacancies'"
              " AND name LIKE 'vacancies\\_by\\_%' ESCAPE '\\'"))
        == 10);
}

TEST_CASE("The list pages with LIMIT/OFFSET and reports the total", "[store][list]")
{
    ListDb store;
    for (int i = 0; i < 120; ++i)
        store.insert({ .localId = QStringLiteral("v%1").arg(i, 3, 10, QLatin1Char('0')),
            .title = QStringLiteral("科員"),
            .updatedAt = 1'700'000'000'000 + i });

    ListQuery query; // newest first
    const ListPage first = store.list(query);
    CHECK(first.total == 120);
    CHECK(first.page == 1);
    CHECK(first.pageSize == 50);
    REQUIRE(first.rows.size() == 50);
    CHECK(first.rows.front().localId == u"v119");
    CHECK(first.rows.back().localId == u"v070");

    query.page = 3;
    const ListPage third = store.list(query);
    REQUIRE(third.rows.size() == 20);
    CHECK(third.page == 3);
    CHECK(third.rows.back().localId == u"v000");

    const QStringList all = store.ids(query);
    CHECK(all.size() == 120);
    CHECK(QSet<QString>(all.begin(), all.end()).size() == 120);

    SECTION("out-of-range pages and sizes are clamped")
    {
        query.page = 99;
        CHECK(store.list(query).page == 3);
        query.page = -4;
        CHECK(store.list(query).page == 1);
        query.page = 1;
        query.pageSize = 0;
        CHECK(store.list(query).rows.size() == 1);
        query.pageSize = 1'000'000;
        const ListPage big = store.list(query);
        CHECK(big.pageSize == 1000);
        CHECK(big.rows.size() == 120);
    }
    SECTION("an empty result is page 1 of nothing")
    {
        query.serverId = QStringLiteral("0000000000");
        query.page = 5;
        const ListPage none = store.list(query);
        CHECK(none.total == 0);
        CHECK(none.page == 1);
        CHECK(none.rows.isEmpty());
    }
}

TEST_CASE("Every sort column orders both ways, ties broken by local id", "[store][list]")
{
    ListDb store;
    const QList<Row> rows = tiedRows();
    for (const Row& row : rows)
        store.insert(row);

    const auto column = GENERATE(Sort::Title, Sort::Agency, Sort::Status, Sort::ValidFrom,
        Sort::ValidTo, Sort::Openings, Sort::UpdatedAt, Sort::ServerId);
    const bool ascending = GENERATE(true, false);
    INFO("column " << static_cast<int>(column) << (ascending ? " ascending" : " descending"));

    QList<Row> expected = rows;
    std::sort(expected.begin(), expected.end(), [column](const Row& a, const Row& b) {
        return std::make_pair(sortKey(a, column), a.localId)
            < std::make_pair(sortKey(b, column), b.localId);
    });
    if (!ascending)
        std::reverse(expected.begin(), expected.end());
    QStringList expectedIds;
    for (const Row& row : expected)
        expectedIds << row.localId;

    ListQuery query;
    query.sort = column;
    query.ascending = ascending;
    query.pageSize = 7; // the ties straddle page boundaries
    CHECK(store.ids(query) == expectedIds);
}

TEST_CASE("Rows come back with every list column", "[store][list]")
{
    ListDb store;
    store.insert({ .localId = QStringLiteral("a"),
        .serverId = QStringLiteral("1130000001"),
        .title = QStringLiteral("社會工作師"),
        .agency = QStringLiteral("新北市政府社會局"),
        .state = QStringLiteral("pending"),
        .serverStatus = QStringLiteral("published"),
        .validFrom = QStringLiteral("2026-12-01"),
        .validTo = QStringLiteral("2026-12-15"),
        .openings = 3,
        .updatedAt = 1'764'000'000'123,
        .personKind = QStringLiteral("聘用人員") });
    store.insert({ .localId = QStringLiteral("b"),
        .title = QStringLiteral("草稿"),
        .state = QStringLiteral("draft"),
        .updatedAt = 1 });

    const ListPage page = store.list({});
    REQUIRE(page.rows.size() == 2);
    const ListRow& a = page.rows[0];
    CHECK(a.localId == u"a");
    CHECK(a.serverId == u"1130000001");
    CHECK(a.title == u"社會工作師");
    CHECK(a.agencyName == u"新北市政府社會局");
    CHECK(a.personKind == u"聘用人員");
    CHECK(a.state == RecordState::Pending);
    CHECK(a.serverStatus == core::domain::VacancyStatus::Published);
    CHECK(a.validFrom == QDate(2026, 12, 1));
    CHECK(a.validTo == QDate(2026, 12, 15));
    CHECK(a.openings == 3);
    CHECK(a.updatedAt == QDateTime::fromMSecsSinceEpoch(1'764'000'000'123, Qt::UTC));
    CHECK(a.updatedAt.timeSpec() == Qt::UTC);
    CHECK_FALSE(a.deleted);
    CHECK_FALSE(a.serverDeleted);

    const ListRow& b = page.rows[1];
    CHECK(b.serverId.isEmpty());
    CHECK(b.state == RecordState::Draft);
    CHECK_FALSE(b.serverStatus.has_value());
    CHECK_FALSE(b.validFrom.isValid());
    CHECK_FALSE(b.validTo.isValid());
}

TEST_CASE("Status, scope and 職缺編號 filters", "[store][list]")
{
    ListDb store;
    const auto add = [&](const char* id, const char* state, const char* serverStatus) {
        store.insert({ .localId = QString::fromLatin1(id),
            .serverId
            = *serverStatus ? QStringLiteral("99%1").arg(QString::fromLatin1(id)) : QString(),
            .title = QStringLiteral("科員"),
            .state = QString::fromLatin1(state),
            .serverStatus = QString::fromLatin1(serverStatus) });
    };
    add("draft", "draft", "");
    add("pending-new", "pending", "");
    add("pending-pub", "pending", "published");
    add("published", "synced", "published");
    add("scheduled", "synced", "scheduled");
    add("ended", "synced", "ended");
    add("withdrawn", "synced", "withdrawn");
    add("conflict-ended", "conflict", "ended");
    add("local-rejected", "rejected", "published");
    add("server-rejected", "synced", "rejected");

    const auto ids = [&](const ListQuery& query) { return sorted(store.ids(query)); };
    ListQuery query;
    CHECK(ids(query).size() == 10);

    query.statuses = { QStringLiteral("draft") };
    CHECK(ids(query) == QStringList { QStringLiteral("draft") });
    query.statuses = { QStringLiteral("published") };
    CHECK(ids(query)
        == sorted({ QStringLiteral("pending-pub"), QStringLiteral("published"),
            QStringLiteral("local-rejected") }));
    query.statuses = { QStringLiteral("pending"), QStringLiteral("ended") };
    CHECK(ids(query)
        == sorted({ QStringLiteral("pending-new"), QStringLiteral("pending-pub"),
            QStringLiteral("ended"), QStringLiteral("conflict-ended") }));
    // "rejected" is both a local state and a server status: either keeps the row.
    query.statuses = { QStringLiteral("rejected") };
    CHECK(ids(query)
        == sorted({ QStringLiteral("local-rejected"), QStringLiteral("server-rejected") }));
    query.statuses = { QStringLiteral("no-such-status") };
    CHECK(ids(query).isEmpty());
    query.statuses.clear();

    query.scope = Scope::History;
    CHECK(ids(query)
        == sorted({ QStringLiteral("ended"), QStringLiteral("withdrawn"),
            QStringLiteral("conflict-ended") }));
    query.scope = Scope::Current;
    CHECK(ids(query).size() == 7);
    CHECK_FALSE(ids(query).contains(QStringLiteral("ended")));
    CHECK(ids(query).contains(QStringLiteral("draft")));

    query.scope = Scope::History;
    query.statuses = { QStringLiteral("conflict") };
    CHECK(ids(query) == QStringList { QStringLiteral("conflict-ended") });

    query = {};
    query.serverId = QStringLiteral(" 99published ");
    CHECK(ids(query) == QStringList { QStringLiteral("published") });
    CHECK(store.list(query).total == 1);
    query.serverId = QStringLiteral("99publ"); // exact, not a prefix
    CHECK(ids(query).isEmpty());
    query.serverId = QStringLiteral("99%"); // a bound value, no wildcard
    CHECK(ids(query).isEmpty());
}

TEST_CASE("Chinese search: FTS trigram for 3+ characters, LIKE for 1–2", "[store][list]")
{
    ListDb store;
    store.insert({ .localId = QStringLiteral("nurse"),
        .title = QStringLiteral("護理師"),
        .agency = QStringLiteral("臺北市政府衛生局"),
        .body = QStringLiteral("具護理師證書\n辦理社區長期照護業務\n臺北市信義區市府路1號") });
    store.insert({ .localId = QStringLiteral("social"),
        .title = QStringLiteral("社會工作師"),
        .agency = QStringLiteral("新北市政府社會局"),
        .body
        = QStringLiteral("具社會工作師考試及格\n兒少保護個案管理\n新北市板橋區中山路一段161號") });
    store.insert({ .localId = QStringLiteral("clerk"),
        .title = QStringLiteral("科員"),
        .agency = QStringLiteral("行政院人事行政總處"),
        .body
        = QStringLiteral("具人事行政職系任用資格\n員工差勤管理\n臺北市中正區濟南路一段2之2號") });
    store.insert({ .localId = QStringLiteral("oracle"),
        .title = QStringLiteral("資訊處理科員"),
        .agency = QStringLiteral("財政部財政資訊中心"),
        .body = QStringLiteral("熟悉Oracle資料庫\n系統維運\n臺北市中正區愛國西路2號") });

    SECTION("each of the three columns, through the index")
    {
        CHECK(store.search(QStringLiteral("社會工作")) == QStringList { QStringLiteral("social") });
        CHECK(store.search(QStringLiteral("衛生局")) == QStringList { QStringLiteral("nurse") });
        CHECK(store.search(QStringLiteral("長期照護")) == QStringList { QStringLiteral("nurse") });
        CHECK(store.search(QStringLiteral("愛國西路")) == QStringList { QStringLiteral("oracle") });
        CHECK(store.search(QStringLiteral("人事行政"))
            == QStringList { QStringLiteral("clerk") }); // agency and body both
        CHECK(store.search(QStringLiteral("中正區"))
            == sorted({ QStringLiteral("clerk"), QStringLiteral("oracle") }));
        CHECK(store.search(QStringLiteral("消防局")).isEmpty());
        CHECK(store.search(QStringLiteral("oracle")) == QStringList { QStringLiteral("oracle") });
    }
    SECTION("one and two characters, through LIKE, over the same columns")
    {
        CHECK(store.search(QStringLiteral("科員"))
            == sorted({ QStringLiteral("clerk"), QStringLiteral("oracle") }));
        CHECK(store.search(QStringLiteral("衛生")) == QStringList { QStringLiteral("nurse") });
        CHECK(store.search(QStringLiteral("兒少")) == QStringList { QStringLiteral("social") });
        CHECK(store.search(QStringLiteral("板")) == QStringList { QStringLiteral("social") });
        CHECK(store.search(QStringLiteral("or")) == QStringList { QStringLiteral("oracle") });
    }
    SECTION("several words must all occur, in any column; spaces of either width separate them")
    {
        CHECK(store.search(QStringLiteral("臺北市 護理師"))
            == QStringList { QStringLiteral("nurse") });
        CHECK(store.search(QStringLiteral("臺北市　科員"))
            == sorted({ QStringLiteral("clerk"), QStringLiteral("oracle") }));
        CHECK(store.search(QStringLiteral("財政部 科 資料庫"))
            == QStringList { QStringLiteral("oracle") });
        CHECK(store.search(QStringLiteral("衛生局 社會局")).isEmpty());
        CHECK(store.search(QStringLiteral("  ")).size() == 4);
    }
    SECTION("3+ characters really go through the FTS index")
    {
        // Take "nurse" out of the index only: the index path no longer finds it, LIKE still does.
        store.exec(QStringLiteral(
            "INSERT INTO vacancies_fts(vacancies_fts, rowid, title, agency_name, search_body)"
            " SELECT 'delete', rowid, title, agency_name, search_body FROM vacancies"
            " WHERE local_id = 'nurse'"));
        CHECK(store.search(QStringLiteral("衛生局")).isEmpty());
        CHECK(store.search(QStringLiteral("衛生")) == QStringList { QStringLiteral("nurse") });
        detail::rebuildSearchIndex(store.db());
        CHECK(store.search(QStringLiteral("衛生局")) == QStringList { QStringLiteral("nurse") });
    }
    SECTION("without an FTS index every word goes through LIKE")
    {
        store.exec(QStringLiteral("DROP TRIGGER vacancies_fts_insert"));
        store.exec(QStringLiteral("DROP TRIGGER vacancies_fts_delete"));
        store.exec(QStringLiteral("DROP TRIGGER vacancies_fts_update"));
        store.exec(QStringLiteral("DROP TABLE vacancies_fts"));
        REQUIRE_FALSE(detail::hasSearchIndex(store.db()));
        CHECK(store.search(QStringLiteral("長期照護")) == QStringList { QStringLiteral("nurse") });
        CHECK(store.search(QStringLiteral("中正區 科員"))
            == sorted({ QStringLiteral("clerk"), QStringLiteral("oracle") }));
    }
}

TEST_CASE("A search pages alike whether it matched few rows or many", "[store][list]")
{
    // A search's page takes one of two shapes by its match count (detail::denseSearch): searches
    // on both sides of it, FTS and LIKE, each run through both shapes, must agree row by row.
    ListDb store;
    const int rows = static_cast<int>(detail::denseSearch) * 2 + 300;
    int denseSeen = 0;
    int sparseSeen = 0;
    QSqlDatabase db = store.db();
    REQUIRE(db.transaction());
    for (int i = 0; i < rows; ++i) {
        const bool nurse = i % 7 != 0;
        store.insert(
            { .localId = QStringLiteral("v%1").arg((i * 7919) % rows, 5, 10, QLatin1Char('0')),
                .title = nurse ? QStringLiteral("護理師") : QStringLiteral("科員"),
                .agency
                = i % 3 ? QStringLiteral("臺北市政府衛生局") : QStringLiteral("新北市政府社會局"),
                .body = QStringLiteral("第%1號").arg(i),
                .state = i % 5 ? QStringLiteral("synced") : QStringLiteral("draft"),
                .openings = i % 4,
                .updatedAt = 1'700'000'000'000 + i % 50,
                .deleted = i % 11 == 0 });
    }
    REQUIRE(db.commit());
    const auto pageIds = [&](const ListQuery& query, qint64 assumedTotal) {
        detail::SqlStatement page = detail::pageSql(query, true, assumedTotal);
        page.values << query.pageSize << (query.page - 1) * query.pageSize;
        QSqlQuery result = store.exec(page.sql, page.values);
        QStringList ids;
        while (result.next())
            ids << result.value(0).toString();
        return ids;
    };
    for (const QString& search : { QStringLiteral("護理師"), QStringLiteral("護理"),
             QStringLiteral("衛生局 護理"), QStringLiteral("社會局"), QStringLiteral("社會"),
             QStringLiteral("社會局 第"), QStringLiteral("號") }) {
        for (const Sort sort : { Sort::Title, Sort::Openings, Sort::UpdatedAt }) {
            for (const bool ascending : { true, false }) {
                INFO(
                    search.toStdString() << " sort " << static_cast<int>(sort) << " " << ascending);
                ListQuery query;
                query.search = search;
                query.sort = sort;
                query.ascending = ascending;
                query.pageSize = 100;
                const int total = store.list(query).total;
                REQUIRE(total > 300);
                ++(total > detail::denseSearch ? denseSeen : sparseSeen);
                for (int page : { 1, 2, (total + 99) / 100 }) {
                    query.page = page;
                    const QStringList dense = pageIds(query, detail::denseSearch + 1);
                    CHECK(dense == pageIds(query, 1));
                    CHECK(dense.size() == std::min(100, total - (page - 1) * 100));
                    QStringList api; // whichever shape queryVacancies chose
                    for (const ListRow& row : store.list(query).rows)
                        api << row.localId;
                    CHECK(api == dense);
                }
            }
        }
    }
    CHECK(denseSeen > 0);
    CHECK(sparseSeen > 0);
    ListQuery query;
    query.search = QStringLiteral("護理");
    query.statuses = { QStringLiteral("draft") };
    query.page = 1;
    CHECK(pageIds(query, detail::denseSearch + 1) == pageIds(query, 1));
}

TEST_CASE("User text is text: FTS and LIKE syntax in a search only matches itself", "[store][list]")
{
    ListDb store;
    store.insert({ .localId = QStringLiteral("quote"),
        .title = QStringLiteral("約僱\"甲\"等"),
        .agency = QStringLiteral("內政部") });
    store.insert({ .localId = QStringLiteral("star"),
        .title = QStringLiteral("技士"),
        .body = QStringLiteral("備註：星號*測試") });
    store.insert({ .localId = QStringLiteral("or"),
        .title = QStringLiteral("ORACLE 管理師"),
        .agency = QStringLiteral("A OR B 中心") });
    store.insert({ .localId = QStringLiteral("percent"),
        .title = QStringLiteral("工程員"),
        .body = QStringLiteral("加給 100% 支給") });
    store.insert({ .localId = QStringLiteral("underscore"),
        .title = QStringLiteral("分析師"),
        .body = QStringLiteral("帳號 user_id 管理") });
    store.insert({ .localId = QStringLiteral("plain"),
        .title = QStringLiteral("社會工作師"),
        .agency = QStringLiteral("臺北市政府社會局"),
        .body = QStringLiteral("社會福利") });

    // Double quotes: inside a phrase, and unbalanced.
    CHECK(store.search(QStringLiteral("\"甲\"")) == QStringList { QStringLiteral("quote") });
    CHECK(store.search(QStringLiteral("\"")) == QStringList { QStringLiteral("quote") });
    CHECK(store.search(QStringLiteral("約僱\"")) == QStringList { QStringLiteral("quote") });
    CHECK(store.search(QStringLiteral("\"社會工作師")).isEmpty());
    // * is no prefix operator; ^ no initial-token anchor; NEAR, column filters and parentheses
    // are not syntax.
    CHECK(store.search(QStringLiteral("號*測")) == QStringList { QStringLiteral("star") });
    CHECK(store.search(QStringLiteral("*")) == QStringList { QStringLiteral("star") });
    CHECK(store.search(QStringLiteral("社會*")).isEmpty());
    CHECK(store.search(QStringLiteral("^社會工作")).isEmpty());
    CHECK(store.search(QStringLiteral("NEAR(社會工作 社會局)")).isEmpty());
    CHECK(store.search(QStringLiteral("title:社會工作師")).isEmpty());
    CHECK(store.search(QStringLiteral("(社會局)")).isEmpty());
    // OR / AND / NOT are words to find, not operators (and AND always joins words).
    CHECK(store.search(QStringLiteral("OR")) == QStringList { QStringLiteral("or") });
    CHECK(store.search(QStringLiteral("A OR B")) == QStringList { QStringLiteral("or") });
    CHECK(store.search(QStringLiteral("社會局 OR 內政部")).isEmpty());
    CHECK(store.search(QStringLiteral("NOT 社會局")).isEmpty());
    CHECK(store.search(QStringLiteral("ORACLE")) == QStringList { QStringLiteral("or") });
    // LIKE's wildcards and escape character, short and long.
    CHECK(store.search(QStringLiteral("%")) == QStringList { QStringLiteral("percent") });
    CHECK(store.search(QStringLiteral("0%")) == QStringList { QStringLiteral("percent") });
    CHECK(store.search(QStringLiteral("100%")) == QStringList { QStringLiteral("percent") });
    CHECK(store.search(QStringLiteral("_")) == QStringList { QStringLiteral("underscore") });
    CHECK(store.search(QStringLiteral("r_")) == QStringList { QStringLiteral("underscore") });
    CHECK(store.search(QStringLiteral("user_id")) == QStringList { QStringLiteral("underscore") });
    CHECK(store.search(QStringLiteral("\\")).isEmpty());
    CHECK(store.search(QStringLiteral("\\%")).isEmpty());
    // And SQL, of course.
    CHECK(store.search(QStringLiteral("'; DROP TABLE vacancies; --")).isEmpty());
    CHECK(store.scalar(QStringLiteral("SELECT count(*) FROM vacancies")) == 6);
}

TEST_CASE("Triggers keep the FTS index in step with UPDATE and DELETE", "[store][list]")
{
    ListDb store;
    store.insert({ .localId = QStringLiteral("x"),
        .title = QStringLiteral("資訊處理科員"),
        .agency = QStringLiteral("財政部財政資訊中心"),
        .body = QStringLiteral("系統維運") });
    store.insert({ .localId = QStringLiteral("y"),
        .title = QStringLiteral("技士"),
        .agency = QStringLiteral("經濟部水利署"),
        .body = QStringLiteral("水利工程設計") });
    REQUIRE(store.ftsHits(QStringLiteral("資訊處理")) == 1);
    const auto integrity = [&] {
        store.exec(QStringLiteral(
            "INSERT INTO vacancies_fts(vacancies_fts, rank) VALUES ('integrity-check', 1)"));
    };

    // Each indexed column changes; the old text goes from the index, the new one comes in.
    store.exec(QStringLiteral("UPDATE vacancies SET title = '資料分析師' WHERE local_id = 'x'"));
    CHECK(store.ftsHits(QStringLiteral("資訊處理")) == 0);
    CHECK(store.search(QStringLiteral("資訊處理")).isEmpty());
    CHECK(store.search(QStringLiteral("資料分析")) == QStringList { QStringLiteral("x") });
    store.exec(
        QStringLiteral("UPDATE vacancies SET agency_name = '數位發展部' WHERE local_id = 'x'"));
    CHECK(store.search(QStringLiteral("財政資訊")).isEmpty());
    CHECK(store.search(QStringLiteral("數位發展")) == QStringList { QStringLiteral("x") });
    store.exec(
        QStringLiteral("UPDATE vacancies SET search_body = '雲端平台維運' WHERE local_id = 'x'"));
    CHECK(store.search(QStringLiteral("系統維運")).isEmpty());
    CHECK(store.search(QStringLiteral("雲端平台")) == QStringList { QStringLiteral("x") });
    integrity();

    // Writing the same text again (as the store's upsert does on every save) changes nothing.
    store.exec(QStringLiteral("UPDATE vacancies SET title = title, agency_name = agency_name,"
                              " search_body = search_body, state = 'synced' WHERE local_id = 'x'"));
    CHECK(store.search(QStringLiteral("雲端平台")) == QStringList { QStringLiteral("x") });
    integrity();
    // A change of state only (no indexed column) keeps the row findable.
    store.exec(QStringLiteral(
        "UPDATE vacancies SET state = 'pending', updated_at = 5 WHERE local_id = 'x'"));
    CHECK(store.search(QStringLiteral("雲端平台")) == QStringList { QStringLiteral("x") });
    // An upsert, as the store writes a pulled record.
    store.exec(QStringLiteral("INSERT INTO vacancies(local_id, data_json, state, updated_at, title)"
                              " VALUES ('y', '{}', 'synced', 6, '水利技士') ON CONFLICT(local_id) "
                              "DO UPDATE SET title = excluded.title"));
    CHECK(store.search(QStringLiteral("水利技士")) == QStringList { QStringLiteral("y") });
    CHECK(store.search(QStringLiteral("水利工程")) == QStringList { QStringLiteral("y") });
    integrity();

    store.exec(QStringLiteral("DELETE FROM vacancies WHERE local_id = 'x'"));
    CHECK(store.ftsHits(QStringLiteral("雲端平台")) == 0);
    CHECK(store.search(QStringLiteral("雲端平台")).isEmpty());
    CHECK(store.search(QStringLiteral("水利工程")) == QStringList { QStringLiteral("y") });
    integrity();
    CHECK(store.scalar(QStringLiteral("SELECT count(*) FROM vacancies_fts")) == 1);
}

TEST_CASE("Deleted rows are hidden unless asked for; server-deleted ones stay", "[store][list]")
{
    ListDb store;
    store.insert({ .localId = QStringLiteral("live"), .title = QStringLiteral("社會工作師") });
    store.insert({ .localId = QStringLiteral("gone"),
        .serverId = QStringLiteral("1130000002"),
        .title = QStringLiteral("社會工作師"),
        .state = QStringLiteral("pending"),
        .deleted = true });
    store.insert({ .localId = QStringLiteral("server-gone"),
        .title = QStringLiteral("社會工作師"),
        .state = QStringLiteral("pending"),
        .serverDeleted = true });

    ListQuery query;
    query.search = QStringLiteral("社會工作");
    const ListPage visible = store.list(query);
    CHECK(visible.total == 2);
    CHECK(sorted(store.ids(query))
        == sorted({ QStringLiteral("live"), QStringLiteral("server-gone") }));
    for (const ListRow& row : visible.rows) {
        CHECK_FALSE(row.deleted);
        CHECK(row.serverDeleted == (row.localId == u"server-gone"));
    }
    query.serverId = QStringLiteral("1130000002");
    CHECK(store.list(query).total == 0);

    query.includeDeleted = true;
    const ListPage all = store.list(query);
    REQUIRE(all.total == 1);
    CHECK(all.rows.front().localId == u"gone");
    CHECK(all.rows.front().deleted);
    query.serverId.clear();
    CHECK(store.list(query).total == 3);
}

TEST_CASE("The list can run inside the store's own transaction", "[store][list]")
{
    ListDb store;
    store.insert({ .localId = QStringLiteral("a"), .title = QStringLiteral("科員") });
    QSqlDatabase db = store.db();
    REQUIRE(db.transaction());
    store.insert({ .localId = QStringLiteral("b"), .title = QStringLiteral("科員") });
    CHECK(store.list({}).total == 2); // sees the uncommitted row, and leaves the transaction open
    REQUIRE(db.rollback());
    CHECK(store.list({}).total == 1);
}

TEST_CASE("A row with a state the list does not know is a StoreError", "[store][list]")
{
    ListDb store;
    store.insert({ .localId = QStringLiteral("a"), .state = QStringLiteral("limbo") });
    CHECK_THROWS_AS(store.list({}), StoreError);
}
