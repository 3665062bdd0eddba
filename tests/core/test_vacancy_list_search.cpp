// The list view's search (core::store::queryVacancies) on a real SQLite file: Chinese search
// through FTS5 (3+ characters) and LIKE (1–2), user text that looks like FTS or LIKE syntax,
// the triggers that keep the FTS index in step, deleted rows, and errors.
#include "vacancy_list_fixture.hpp"

using namespace listtest;

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
