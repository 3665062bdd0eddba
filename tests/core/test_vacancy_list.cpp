// The list view's query over the local store (core::store::queryVacancies) on a real SQLite file:
// paging, every sort column both ways with ties, the status/scope/職缺編號 filters, Chinese
// search through FTS5 (3+ characters) and LIKE (1–2), user text that looks like FTS or LIKE
// syntax, the triggers that keep the FTS index in step, and deleted rows.
//
// The file is made by the store's migrations (store_schema.hpp) and filled with plain inserts,
// so this suite does not depend on LocalStore.
#include "vacancy_list_fixture.hpp"

using namespace listtest;

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
