// Two workstations of one agency on one server: disjoint edits merge by themselves, the same
// field makes a conflict and each resolution gives the expected server state; changes and
// deletes by the other arrive through the change feed.
#include "engine_support.hpp"

using namespace synctest;
using namespace servertest;
using core::sync::Side;

namespace {

struct TwoClerks {
    TestServer server;
    QString tokenA = clerkSession(server.client());
    QString tokenB = clerkSession(server.client());
    Workstation a { server.baseUrl(), tokenA };
    Workstation b { server.baseUrl(), tokenB };

    /// A vacancy A created and both have.
    QString shared(const QString& title, int startInDays = 1)
    {
        const QString id = a.store().records().createDraft(newVacancy(title, startInDays));
        a.store().records().queue(id);
        a.syncOk();
        b.syncOk();
        return a.store().records().find(id)->serverId;
    }

    void checkAllEqual()
    {
        checkSameAsServer(a.store(), server.client(), tokenA);
        checkSameAsServer(b.store(), server.client(), tokenB);
    }
};

} // namespace

TEST_CASE(
    "sync: edits of different fields by two clients merge by themselves", "[sync][engine][merge]")
{
    TwoClerks t;
    const QString id = t.shared(QStringLiteral("共同編輯"));
    t.a.edit(
        QStringLiteral("共同編輯"), [](Vacancy& v) { v.duties = QStringLiteral("A 改的工作"); });
    t.b.edit(QStringLiteral("共同編輯"), [](Vacancy& v) {
        v.qualifications = QStringLiteral("B 改的資格");
        v.openings = 3;
    });
    // Both also made the same change to one field: no conflict either.
    t.a.edit(
        QStringLiteral("共同編輯"), [](Vacancy& v) { v.contactMethod = QStringLiteral("電話"); });
    t.b.edit(
        QStringLiteral("共同編輯"), [](Vacancy& v) { v.contactMethod = QStringLiteral("電話"); });

    CHECK(t.a.syncOk().sent == 1);
    const SyncReport report = t.b.syncOk(); // 412, merged, sent again in the same run
    CHECK(report.sent == 1);
    CHECK(report.merged == 1);
    CHECK(report.newConflicts == 0);
    t.a.syncOk(); // A pulls B's merged version

    const QJsonObject record
        = t.server.client().get(QStringLiteral("/api/v1/vacancies/") + id, t.tokenA).json();
    CHECK(record.value("duties").toString() == "A 改的工作");
    CHECK(record.value("qualifications").toString() == "B 改的資格");
    CHECK(record.value("openings").toInt() == 3);
    CHECK(record.value("contactMethod").toString() == "電話");
    t.checkAllEqual();
}

TEST_CASE("sync: the same field changed by both makes a conflict the clerk settles",
    "[sync][engine][merge]")
{
    TwoClerks t;
    const QString id = t.shared(QStringLiteral("衝突"));
    t.a.edit(QStringLiteral("衝突"), [](Vacancy& v) {
        v.title = QStringLiteral("A 的職稱");
        v.duties = QStringLiteral("A 改的工作");
    });
    t.b.edit(QStringLiteral("衝突"), [](Vacancy& v) {
        v.title = QStringLiteral("B 的職稱");
        v.qualifications = QStringLiteral("B 改的資格");
    });
    t.a.syncOk();
    const SyncReport report = t.b.syncOk();
    CHECK(report.newConflicts == 1);
    CHECK(report.conflicts == 1);
    CHECK(report.sent == 0);
    const LocalVacancy mine = t.b.byTitle(QStringLiteral("B 的職稱"));
    CHECK(mine.state == RecordState::Conflict);
    const auto conflict = t.b.store().syncState().conflict(mine.localId);
    REQUIRE(conflict.has_value());
    CHECK(conflict->fields == QStringList { QStringLiteral("title") });
    CHECK(conflict->server.title == "A 的職稱");
    CHECK(conflict->mine.title == "B 的職稱");
    CHECK(conflict->base.title == "衝突");
    // Held: another run sends nothing and keeps the conflict.
    CHECK(t.b.syncOk().sent == 0);
    CHECK(t.b.store().syncState().conflicts().size() == 1);

    QJsonObject expected;
    SECTION("keep mine")
    {
        core::sync::keepMine(t.b.store(), mine.localId);
        CHECK(t.b.syncOk().sent == 1);
        expected = { { "title", "B 的職稱" }, { "duties", "A 改的工作" },
            { "qualifications", "B 改的資格" } };
    }
    SECTION("keep the server's")
    {
        core::sync::keepServer(t.b.store(), mine.localId);
        CHECK(t.b.store().outbox().entries().isEmpty());
        CHECK(t.b.syncOk().sent == 0);
        expected = { { "title", "A 的職稱" }, { "duties", "A 改的工作" },
            { "qualifications", domaintest::validVacancy().qualifications } };
    }
    SECTION("per field")
    {
        core::sync::resolvePerField(
            t.b.store(), mine.localId, { { QStringLiteral("title"), Side::Server } });
        CHECK(t.b.syncOk().sent == 1);
        expected = { { "title", "A 的職稱" }, { "duties", "A 改的工作" },
            { "qualifications", "B 改的資格" } };
    }
    const QJsonObject record
        = t.server.client().get(QStringLiteral("/api/v1/vacancies/") + id, t.tokenA).json();
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        INFO(it.key().toStdString());
        CHECK(record.value(it.key()) == it.value());
    }
    t.a.syncOk();
    t.checkAllEqual();
}

TEST_CASE("sync: what another client does arrives through the feed", "[sync][engine][feed]")
{
    TwoClerks t;
    const QString edited = t.shared(QStringLiteral("別人會改"));
    const QString deleted = t.shared(QStringLiteral("別人會刪"), 2);
    const QString withdrawn = t.shared(QStringLiteral("別人會撤"), 0);
    const QString keptHere = t.shared(QStringLiteral("我還在改"), 2);

    // B: an edit, a new vacancy, a delete (never published), a withdrawal (published), and a
    // delete of one A is editing.
    t.b.edit(QStringLiteral("別人會改"), [](Vacancy& v) { v.duties = QStringLiteral("B 改過"); });
    const QString created
        = t.b.store().records().createDraft(newVacancy(QStringLiteral("B 新增的")));
    t.b.store().records().queue(created);
    t.b.store().records().remove(t.b.store().records().findByServerId(deleted)->localId);
    t.b.store().records().remove(t.b.store().records().findByServerId(withdrawn)->localId);
    t.b.store().records().remove(t.b.store().records().findByServerId(keptHere)->localId);
    CHECK(t.b.syncOk().sent == 5);
    t.a.edit(QStringLiteral("我還在改"), [](Vacancy& v) { v.duties = QStringLiteral("A 沒送出"); });

    const SyncReport report = t.a.sync();
    CHECK(report.pulled >= 5);
    CHECK(t.a.store().records().findByServerId(edited)->data.duties == "B 改過");
    CHECK(t.a.store()
              .records()
              .findByServerId(t.b.store().records().find(created)->serverId)
              .has_value());
    CHECK_FALSE(t.a.store().records().findByServerId(deleted).has_value()); // a tombstone: gone
    const auto history = t.a.store().records().findByServerId(withdrawn);
    REQUIRE(history.has_value()); // withdrawn: kept, in the history
    CHECK(history->data.status == core::domain::VacancyStatus::Withdrawn);
    CHECK(history->state == RecordState::Synced);
    // A's unsent edit of the vacancy B deleted: kept for the clerk to decide.
    const LocalVacancy mine = t.a.byTitle(QStringLiteral("我還在改"));
    CHECK(mine.serverDeleted);
    CHECK(mine.data.duties == "A 沒送出");
    CHECK(t.a.store().outbox().entries().isEmpty());

    SECTION("the clerk lets it go")
    {
        t.a.store().records().remove(mine.localId);
    }
    SECTION("the clerk sends it again, as a new vacancy")
    {
        t.a.store().records().queue(mine.localId);
        CHECK(t.a.syncOk().sent == 1);
        t.b.syncOk();
    }
    t.a.syncOk();
    t.checkAllEqual();
}

TEST_CASE("sync: a delete of a vacancy someone else changed meanwhile is not carried out",
    "[sync][engine][merge]")
{
    TwoClerks t;
    const QString id = t.shared(QStringLiteral("刪除與修改"));
    t.a.edit(QStringLiteral("刪除與修改"),
        [](Vacancy& v) { v.duties = QStringLiteral("A 剛改的工作"); });
    CHECK(t.a.syncOk().sent == 1);

    // B deletes the version it saw, not knowing A's edit: If-Match answers 412.
    const QString localB = t.b.store().records().findByServerId(id)->localId;
    t.b.store().records().remove(localB);
    const SyncReport report = t.b.syncOk();
    CHECK(report.rejected == 1);
    CHECK(report.sent == 0);

    // A's edit survives on the server, and B has the record back as the server has it, with why.
    const auto server = t.server.client().get(QStringLiteral("/api/v1/vacancies/") + id, t.tokenA);
    REQUIRE(server.status == 200);
    CHECK(server.json().value("duties").toString() == "A 剛改的工作");
    const auto back = t.b.store().records().find(localB);
    REQUIRE(back);
    CHECK_FALSE(back->deleted);
    CHECK(back->state == RecordState::Rejected);
    CHECK(back->rejectionCode == "vacancy-changed");
    CHECK(back->rejection.isEmpty()); // the code alone: the form says it in the clerk's language
    CHECK(back->data.duties == "A 剛改的工作");
    CHECK(back->queuedOperations == 0);
    checkConsistent(t.b.store());

    // Seen it, B deletes again: now it goes.
    t.b.store().records().remove(localB);
    CHECK(t.b.syncOk().sent == 1);
    CHECK(t.server.client().get(QStringLiteral("/api/v1/vacancies/") + id, t.tokenA).status == 404);
}

TEST_CASE(
    "sync: a delete goes through when only the server's own fields moved", "[sync][engine][merge]")
{
    TwoClerks t;
    const QString id = t.shared(QStringLiteral("只變狀態"));
    // A's write that changes nothing the clerk enters still gives a new etag.
    t.a.edit(QStringLiteral("只變狀態"), [](Vacancy&) {});
    const auto localA = t.a.store().records().findByServerId(id)->localId;
    t.a.store().records().queue(localA);
    t.a.syncOk();
    const QString localB = t.b.store().records().findByServerId(id)->localId;
    t.b.store().records().remove(localB);
    const SyncReport report = t.b.syncOk();
    CHECK(report.rejected == 0);
    CHECK(t.server.client().get(QStringLiteral("/api/v1/vacancies/") + id, t.tokenA).status == 404);
    CHECK_FALSE(t.b.store().records().find(localB));
}
