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
    const auto published
        = clerk.store().records().createDraft(newVacancy(QStringLiteral("已刊登"), 0));
    const auto scheduled
        = clerk.store().records().createDraft(newVacancy(QStringLiteral("待刊登"), 3));
    const auto withdrawLater
        = clerk.store().records().createDraft(newVacancy(QStringLiteral("將撤銷"), 0));
    clerk.store().records().queue(published);
    clerk.store().records().queue(scheduled);
    clerk.store().records().queue(withdrawLater);
    SyncReport report = clerk.syncOk();
    CHECK(report.sent == 3);
    CHECK(report.pulled > 0); // the seed's vacancies of the agency
    // The code lists came along, and are revalidated with their ETag next time.
    CHECK(report.codeListsUpdated);
    REQUIRE(clerk.store().syncState().cachedCodeLists().has_value());
    CHECK_FALSE(clerk.store().syncState().cachedCodeLists()->etag.isEmpty());
    CHECK_FALSE(clerk.syncOk().codeListsUpdated);
    checkSameAsServer(clerk.store(), server.client(), token);

    server.stop();

    // Offline: new drafts, edits of known records, deletes.
    const auto fresh = clerk.store().records().createDraft(newVacancy(QStringLiteral("離線新增")));
    clerk.store().records().queue(fresh);
    const auto twice
        = clerk.store().records().createDraft(newVacancy(QStringLiteral("離線新增再改")));
    clerk.store().records().queue(twice);
    Vacancy edited = newVacancy(QStringLiteral("離線新增再改"));
    edited.duties = QStringLiteral("第二次修改的工作項目");
    clerk.store().records().saveAndQueue(twice, edited);
    const auto gone
        = clerk.store().records().createDraft(newVacancy(QStringLiteral("離線新增又刪")));
    clerk.store().records().queue(gone);
    clerk.store().records().remove(gone); // never sent: gone at once
    const auto kept = clerk.store().records().createDraft(newVacancy(QStringLiteral("只存草稿")));
    clerk.edit(QStringLiteral("已刊登"), [](Vacancy& v) {
        v.qualifications = QStringLiteral("離線修改的資格條件");
        v.openings = 2;
    });
    clerk.store().records().remove(scheduled);
    clerk.store().records().remove(withdrawLater);

    // A sync while the server is down loses nothing: every row waits, tried once.
    const int queued = int(clerk.store().outbox().entries().size());
    CHECK(queued == 5);
    report = clerk.sync();
    CHECK_FALSE(report.completed);
    CHECK(report.sent == 0);
    CHECK(report.deferred > 0);
    CHECK(report.queued == queued);
    checkConsistent(clerk.store());
    for (const auto& row : clerk.store().outbox().entries())
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
    CHECK(clerk.store().records().find(kept)->state == RecordState::Draft);
    clerk.store().records().remove(kept);
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
    const QString id = clerk.store().records().createDraft(bad);
    clerk.store().records().queue(id);
    const QString good = clerk.store().records().createDraft(newVacancy(QStringLiteral("正常的")));
    clerk.store().records().queue(good);

    SyncReport report = clerk.syncOk();
    CHECK(report.rejected == 1);
    CHECK(report.sent == 1);
    CHECK(report.rejectedRecords == 1);
    LocalVacancy r = *clerk.store().records().find(id);
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
    CHECK(clerk.store().records().find(id)->state == RecordState::Rejected);

    bad.openings = 1;
    clerk.store().records().saveAndQueue(id, bad);
    report = clerk.syncOk();
    CHECK(report.sent == 1);
    CHECK(clerk.store().records().find(id)->state == RecordState::Synced);
    CHECK(clerk.store().records().find(id)->rejection.isEmpty());
    checkSameAsServer(clerk.store(), server.client(), token);
}

TEST_CASE("sync: 401 and 403 pause the push until a new login", "[sync][engine]")
{
    TestServer server;
    const QString token = clerkSession(server.client());

    SECTION("an unknown or expired token")
    {
        // Creates go out two at a time here (a batch of two): the push stops after the pair.
        SyncOptions options = testOptions();
        options.pipelineDepth = 2;
        options.createBatchSize = 2;
        Workstation clerk(server.baseUrl(), QStringLiteral("x").repeated(43), options);
        QStringList ids;
        for (const char* title : { "等登入一", "等登入二", "等登入三" })
            ids << clerk.store().records().createQueued(newVacancy(QString::fromUtf8(title)));
        int loginSignals = 0;
        QObject::connect(&clerk.engine(), &SyncEngine::loginNeeded, [&] { ++loginSignals; });
        SyncReport report = clerk.sync();
        CHECK(report.needsLogin);
        CHECK(report.loginReason == "unauthenticated");
        CHECK_FALSE(report.completed);
        CHECK(report.sent == 0);
        CHECK(report.queued == 3);
        CHECK(loginSignals == 1);
        // The push stopped at the first answers: the third row was never tried.
        const auto rows = clerk.store().outbox().entries();
        REQUIRE(rows.size() == 3);
        CHECK(rows[0].attempts == 1);
        CHECK(rows[1].attempts == 1);
        CHECK(rows[2].attempts == 0);
        // No backoff: they go first after the login.
        CHECK_FALSE(rows[0].nextAttemptAt.isValid());
        CHECK(clerk.store().records().find(ids[0])->state == RecordState::Pending);

        clerk.engine().setToken(token);
        report = clerk.syncOk();
        CHECK(report.sent == 3);
        CHECK_FALSE(report.needsLogin);
        checkSameAsServer(clerk.store(), server.client(), token);
    }
    SECTION("a password session may not write")
    {
        Workstation clerk(server.baseUrl(), passwordSession(server.client()));
        const QString a = clerk.store().records().createDraft(newVacancy(QStringLiteral("要憑證")));
        clerk.store().records().queue(a);
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
    double random = 0.0;
    SyncOptions options;
    options.random = [&] { return random; };
    const auto backoff = [&](int attempts) { return core::sync::retryDelay(attempts, options); };
    using std::chrono::milliseconds;
    CHECK(backoff(1) == milliseconds(1000)); // half of 2 s with no jitter drawn
    CHECK(backoff(2) == milliseconds(2000));
    CHECK(backoff(3) == milliseconds(4000));
    CHECK(backoff(12) == milliseconds(300000)); // the cap (10 min), halved
    CHECK(backoff(100) == milliseconds(300000));
    random = 0.999999;
    CHECK(backoff(1) >= milliseconds(1999));
    CHECK(backoff(12) <= milliseconds(600000));
    CHECK(backoff(12) >= milliseconds(599999));
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
    const QString a = clerk.store().records().createDraft(newVacancy(QStringLiteral("稍後再試")));
    clerk.store().records().queue(a);
    server.stop();
    SyncReport report = clerk.sync();
    CHECK(report.deferred == 1);
    const auto row = clerk.store().outbox().entries().first();
    CHECK(row.attempts == 1);
    CHECK(row.nextAttemptAt == now.addMSecs(1500)); // 2 s · (½ + ½·0.5)

    server.restart();
    clerk.engine().setBaseUrl(server.baseUrl());
    clerk.engine().setToken(clerkSession(server.client()));
    const QString b = clerk.store().records().createDraft(newVacancy(QStringLiteral("另一筆")));
    clerk.store().records().queue(b);
    report = clerk.sync(); // a is not due yet; b goes
    CHECK(report.sent == 1);
    CHECK(clerk.store().records().find(a)->state == RecordState::Pending);
    CHECK(clerk.store().records().find(b)->state == RecordState::Synced);
    now = now.addSecs(2);
    report = clerk.sync();
    CHECK(report.sent == 1);
    CHECK(clerk.store().records().find(a)->state == RecordState::Synced);
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
        clerk.store().records().queue(
            clerk.store().records().createDraft(newVacancy(titles.last())));
    }
    QList<SyncReport> reports;
    std::thread worker([&] {
        for (int run = 0; run < 3; ++run)
            reports << clerk.sync();
    });
    // Meanwhile, on this thread: more drafts and edits, each in its own transaction.
    for (int i = 10; i < 20; ++i) {
        titles << QStringLiteral("背景%1").arg(i);
        clerk.store().records().queue(
            clerk.store().records().createDraft(newVacancy(titles.last())));
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
