// Offline work against the real server: create, edit and delete with the server stopped, then
// one sync makes both sides equal; 422 keeps the record and its messages; 401/403 pause the push
// and a new login resumes it.
#include "engine_support.hpp"

#include <thread>

using namespace synctest;
using namespace servertest;

TEST_CASE("sync: work done with the server stopped reaches it in one sync", "[sync][engine]")
{
    TestServer server;
    QString token = clerkSession(server.client());
    Workstation clerk(server.baseUrl(), token);

    // Online first: two vacancies the server has, one published today, one scheduled.
    const auto published = clerk.store().createDraft(newVacancy(QStringLiteral("已刊登"), 0));
    const auto scheduled = clerk.store().createDraft(newVacancy(QStringLiteral("待刊登"), 3));
    const auto withdrawLater = clerk.store().createDraft(newVacancy(QStringLiteral("將撤銷"), 0));
    clerk.store().queue(published);
    clerk.store().queue(scheduled);
    clerk.store().queue(withdrawLater);
    SyncReport report = clerk.syncOk();
    CHECK(report.sent == 3);
    CHECK(report.pulled > 0); // the seed's vacancies of the agency
    // The code lists came along, and are revalidated with their ETag next time.
    CHECK(report.codeListsUpdated);
    REQUIRE(clerk.store().cachedCodeLists().has_value());
    CHECK_FALSE(clerk.store().cachedCodeLists()->etag.isEmpty());
    CHECK_FALSE(clerk.syncOk().codeListsUpdated);
    checkSameAsServer(clerk.store(), server.client(), token);

    server.stop();

    // Offline: new drafts, edits of known records, deletes.
    const auto fresh = clerk.store().createDraft(newVacancy(QStringLiteral("離線新增")));
    clerk.store().queue(fresh);
    const auto twice = clerk.store().createDraft(newVacancy(QStringLiteral("離線新增再改")));
    clerk.store().queue(twice);
    Vacancy edited = newVacancy(QStringLiteral("離線新增再改"));
    edited.duties = QStringLiteral("第二次修改的工作項目");
    clerk.store().saveAndQueue(twice, edited);
    const auto gone = clerk.store().createDraft(newVacancy(QStringLiteral("離線新增又刪")));
    clerk.store().queue(gone);
    clerk.store().remove(gone); // never sent: gone at once
    const auto kept = clerk.store().createDraft(newVacancy(QStringLiteral("只存草稿")));
    clerk.edit(QStringLiteral("已刊登"), [](Vacancy& v) {
        v.qualifications = QStringLiteral("離線修改的資格條件");
        v.openings = 2;
    });
    clerk.store().remove(scheduled);
    clerk.store().remove(withdrawLater);

    // A sync while the server is down loses nothing: every row waits, tried once.
    const int queued = int(clerk.store().outbox().size());
    CHECK(queued == 5);
    report = clerk.sync();
    CHECK_FALSE(report.completed);
    CHECK(report.sent == 0);
    CHECK(report.deferred > 0);
    CHECK(report.queued == queued);
    checkConsistent(clerk.store());
    for (const auto& row : clerk.store().outbox())
        CHECK(row.lastError.startsWith(QLatin1String("no answer")) == (row.attempts > 0));

    server.restart();
    clerk.engine().setBaseUrl(server.baseUrl());
    token = clerkSession(server.client()); // a fresh login on the restarted server
    clerk.engine().setToken(token);
    report = clerk.syncOk();
    CHECK(report.sent == queued);
    CHECK(report.queued == 0);
    CHECK(report.lastSuccess.isValid());

    // The draft that was never queued stays here only.
    CHECK(clerk.store().find(kept)->state == RecordState::Draft);
    clerk.store().remove(kept);
    checkSameAsServer(clerk.store(), server.client(), token);
    const auto records = serverRecords(server.client(), token);
    CHECK(countTitle(records, QStringLiteral("離線新增")) == 1);
    CHECK(countTitle(records, QStringLiteral("離線新增再改")) == 1);
    CHECK(countTitle(records, QStringLiteral("離線新增又刪")) == 0);
    CHECK(countTitle(records, QStringLiteral("只存草稿")) == 0);
    CHECK(countTitle(records, QStringLiteral("待刊登")) == 0); // deleted (never published)
    CHECK(countTitle(records, QStringLiteral("將撤銷")) == 1); // withdrawn, in the history
    const LocalVacancy withdrawn = clerk.byTitle(QStringLiteral("將撤銷"));
    CHECK(withdrawn.data.status == core::domain::VacancyStatus::Withdrawn);
    CHECK(clerk.byTitle(QStringLiteral("離線新增再改")).data.duties == "第二次修改的工作項目");
    CHECK(clerk.byTitle(QStringLiteral("已刊登")).data.openings == 2);

    // A second run has nothing to do.
    report = clerk.syncOk();
    CHECK(report.sent == 0);
    CHECK(report.pulled == 0);
}

TEST_CASE("sync: a 422 keeps the record and the server's messages", "[sync][engine]")
{
    TestServer server;
    const QString token = clerkSession(server.client());
    Workstation clerk(server.baseUrl(), token);

    Vacancy bad = newVacancy(QStringLiteral("名額錯誤"));
    bad.openings = 0;
    const QString id = clerk.store().createDraft(bad);
    clerk.store().queue(id);
    const QString good = clerk.store().createDraft(newVacancy(QStringLiteral("正常的")));
    clerk.store().queue(good);

    SyncReport report = clerk.syncOk();
    CHECK(report.rejected == 1);
    CHECK(report.sent == 1);
    CHECK(report.rejectedRecords == 1);
    LocalVacancy r = *clerk.store().find(id);
    CHECK(r.state == RecordState::Rejected);
    CHECK(r.rejectionCode == "validation-failed");
    REQUIRE_FALSE(r.rejection.isEmpty());
    CHECK(r.rejection.first().field == "openings");
    CHECK_FALSE(r.rejection.first().message.isEmpty());
    CHECK(r.data == bad); // the clerk's input, as typed
    CHECK(r.serverId.isEmpty());
    checkConsistent(clerk.store());

    // Not retried until edited.
    report = clerk.syncOk();
    CHECK(report.sent == 0);
    CHECK(report.rejected == 0);
    CHECK(clerk.store().find(id)->state == RecordState::Rejected);

    bad.openings = 1;
    clerk.store().saveAndQueue(id, bad);
    report = clerk.syncOk();
    CHECK(report.sent == 1);
    CHECK(clerk.store().find(id)->state == RecordState::Synced);
    CHECK(clerk.store().find(id)->rejection.isEmpty());
    checkSameAsServer(clerk.store(), server.client(), token);
}

TEST_CASE("sync: 401 and 403 pause the push until a new login", "[sync][engine]")
{
    TestServer server;
    const QString token = clerkSession(server.client());

    SECTION("an unknown or expired token")
    {
        Workstation clerk(server.baseUrl(), QStringLiteral("x").repeated(43));
        const QString a = clerk.store().createDraft(newVacancy(QStringLiteral("等登入一")));
        const QString b = clerk.store().createDraft(newVacancy(QStringLiteral("等登入二")));
        clerk.store().queue(a);
        clerk.store().queue(b);
        int loginSignals = 0;
        QObject::connect(&clerk.engine(), &SyncEngine::loginNeeded, [&] { ++loginSignals; });
        SyncReport report = clerk.sync();
        CHECK(report.needsLogin);
        CHECK(report.loginReason == "unauthenticated");
        CHECK_FALSE(report.completed);
        CHECK(report.sent == 0);
        CHECK(report.queued == 2);
        CHECK(loginSignals == 1);
        // The push stopped at the first answer: the second row was never tried.
        const auto rows = clerk.store().outbox();
        REQUIRE(rows.size() == 2);
        CHECK(rows[0].attempts == 1);
        CHECK(rows[1].attempts == 0);
        CHECK(clerk.store().find(a)->state == RecordState::Pending);

        clerk.engine().setToken(token);
        report = clerk.syncOk();
        CHECK(report.sent == 2);
        CHECK_FALSE(report.needsLogin);
        checkSameAsServer(clerk.store(), server.client(), token);
    }
    SECTION("a password session may not write")
    {
        Workstation clerk(server.baseUrl(), passwordSession(server.client()));
        const QString a = clerk.store().createDraft(newVacancy(QStringLiteral("要憑證")));
        clerk.store().queue(a);
        SyncReport report = clerk.sync();
        CHECK(report.needsLogin);
        CHECK(report.loginReason == "certificate-login-required");
        CHECK(report.queued == 1);
        clerk.engine().setToken(token);
        report = clerk.syncOk();
        CHECK(report.sent == 1);
        checkSameAsServer(clerk.store(), server.client(), token);
    }
}

TEST_CASE("sync: the backoff doubles from its base up to its cap, with jitter", "[sync][engine]")
{
    QTemporaryDir dir;
    double random = 0.0;
    SyncOptions options;
    options.random = [&] { return random; };
    SyncEngine engine(dir.filePath("s.sqlite"), QStringLiteral("http://127.0.0.1:9"), {}, options);
    using std::chrono::milliseconds;
    CHECK(engine.backoff(1) == milliseconds(1000)); // half of 2 s with no jitter drawn
    CHECK(engine.backoff(2) == milliseconds(2000));
    CHECK(engine.backoff(3) == milliseconds(4000));
    CHECK(engine.backoff(12) == milliseconds(300000)); // the cap (10 min), halved
    CHECK(engine.backoff(100) == milliseconds(300000));
    random = 0.999999;
    CHECK(engine.backoff(1) >= milliseconds(1999));
    CHECK(engine.backoff(12) <= milliseconds(600000));
    CHECK(engine.backoff(12) >= milliseconds(599999));
}

TEST_CASE("sync: a deferred row waits for its time; other records go on", "[sync][engine]")
{
    TestServer server;
    const QString token = clerkSession(server.client());
    QDateTime now = QDateTime::currentDateTimeUtc();
    SyncOptions options = testOptions();
    options.backoffBase = std::chrono::seconds(2);
    options.random = [] { return 0.5; };
    options.clock = [&] { return now; };
    Workstation clerk(server.baseUrl(), token, options);
    const QString a = clerk.store().createDraft(newVacancy(QStringLiteral("稍後再試")));
    clerk.store().queue(a);
    server.stop();
    SyncReport report = clerk.sync();
    CHECK(report.deferred == 1);
    const auto row = clerk.store().outbox().first();
    CHECK(row.attempts == 1);
    CHECK(row.nextAttemptAt == now.addMSecs(1500)); // 2 s · (½ + ½·0.5)

    server.restart();
    clerk.engine().setBaseUrl(server.baseUrl());
    clerk.engine().setToken(clerkSession(server.client()));
    const QString b = clerk.store().createDraft(newVacancy(QStringLiteral("另一筆")));
    clerk.store().queue(b);
    report = clerk.sync(); // a is not due yet; b goes
    CHECK(report.sent == 1);
    CHECK(clerk.store().find(a)->state == RecordState::Pending);
    CHECK(clerk.store().find(b)->state == RecordState::Synced);
    now = now.addSecs(2);
    report = clerk.sync();
    CHECK(report.sent == 1);
    CHECK(clerk.store().find(a)->state == RecordState::Synced);
}

TEST_CASE("sync: the engine runs on a worker thread while the clerk keeps working",
    "[sync][engine][threads]")
{
    TestServer server;
    const QString token = clerkSession(server.client());
    Workstation clerk(server.baseUrl(), token);
    QStringList titles;
    for (int i = 0; i < 10; ++i) {
        titles << QStringLiteral("背景%1").arg(i);
        clerk.store().queue(clerk.store().createDraft(newVacancy(titles.last())));
    }
    QList<SyncReport> reports;
    std::thread worker([&] {
        for (int run = 0; run < 3; ++run)
            reports << clerk.sync();
    });
    // Meanwhile, on this thread: more drafts and edits, each in its own transaction.
    for (int i = 10; i < 20; ++i) {
        titles << QStringLiteral("背景%1").arg(i);
        clerk.store().queue(clerk.store().createDraft(newVacancy(titles.last())));
    }
    worker.join();
    for (const SyncReport& r : reports)
        CHECK(r.error.isEmpty());
    clerk.syncOk();
    checkConsistent(clerk.store());
    checkSameAsServer(clerk.store(), server.client(), token);
    const auto records = serverRecords(server.client(), token);
    for (const QString& title : titles)
        CHECK(countTitle(records, title) == 1);
}
