// SyncService against the real server: the engine runs on the service's thread and what it
// finds comes back as signals; offline work waits and goes once the server is back; a password
// session pauses instead of retrying; conflicts are settled through the service.
#include "../engine/engine_support.hpp"
#include "core/session/session_state.hpp"
#include "core/sync/sync_service.hpp"
#include "fault_proxy.hpp"

#include <QSignalSpy>
#include <QTest>

using namespace synctest;
using namespace servertest;
using core::sync::Side;
using core::sync::SyncService;
using core::sync::SyncServiceOptions;

namespace {

constexpr int waitMs = 30000; // a bound against hanging, not a speed requirement

core::api::ServiceConfig configFor(const QString& baseUrl)
{
    core::api::ServiceConfig config;
    config.baseUrl = QUrl(baseUrl);
    config.timeout = std::chrono::seconds(10);
    return config;
}

/// No timer fires by itself during a test unless the test asks for it.
SyncServiceOptions quietOptions()
{
    SyncServiceOptions options;
    options.engine = testOptions();
    options.engine.backoffBase = std::chrono::hours(1);
    options.engine.backoffCap = std::chrono::hours(1);
    options.interval = std::chrono::hours(1);
    options.healthInterval = std::chrono::hours(1);
    return options;
}

/// Waits for the next finished() and returns its report.
SyncReport nextRun(SyncService& service, QSignalSpy& finished)
{
    const int before = int(finished.count());
    REQUIRE(QTest::qWaitFor([&] { return finished.count() > before; }, waitMs));
    return service.lastReport();
}

struct Desk {
    QTemporaryDir dir;
    LocalStore store { dir.filePath(QStringLiteral("local.sqlite")) };
};

} // namespace

TEST_CASE("sync service: a vacancy queued while the server is down goes once it is back",
    "[sync][service]")
{
    TestServer server;
    const QString token = clerkSession(server.client());
    server.stop();

    Desk desk;
    SyncService service(desk.store, configFor(server.baseUrl()), quietOptions());
    QSignalSpy finished(&service, &SyncService::finished);
    QSignalSpy syncing(&service, &SyncService::syncingChanged);
    service.setToken(token); // starts a run at once
    nextRun(service, finished);

    const QString id = desk.store.records().createDraft(newVacancy(QStringLiteral("離線新增")));
    desk.store.records().queue(id);
    service.syncNow();
    CHECK(service.queued() == 1); // counted before the run, from the store
    const SyncReport offline = nextRun(service, finished);
    CHECK_FALSE(offline.completed);
    CHECK(service.connection() == SyncService::Connection::Offline);
    CHECK(service.queued() == 1);
    CHECK(service.runScheduled()); // the backoff's retry
    CHECK_FALSE(service.lastSuccess().isValid());
    CHECK(desk.store.records().find(id)->serverId.isEmpty());
    CHECK(syncing.count() >= 4); // on and off, twice
    CHECK_FALSE(service.syncing());

    // Back on a new port: the configuration follows the server, the health check finds it and
    // the queued vacancy goes without waiting for the backoff.
    server.restart();
    service.setConfig(configFor(server.baseUrl()));
    REQUIRE(QTest::qWaitFor([&] { return service.queued() == 0 && !service.syncing(); }, waitMs));
    CHECK(service.lastReport().completed);
    CHECK(service.connection() == SyncService::Connection::Online);
    CHECK(service.lastSuccess().isValid());
    const auto record = desk.store.records().find(id);
    REQUIRE(record.has_value());
    CHECK(record->serverId.size() == 10);
    CHECK(record->state == RecordState::Synced);
    checkSameAsServer(desk.store, server.client(), token);
}

TEST_CASE("sync service: a run that finds the server back sends what waited out its backoff",
    "[sync][service]")
{
    // The vacancy's own retry is an hour away (quietOptions); the server comes back at the same
    // address and a run reaches it before the health check does (the run's own timer, or 立即同步).
    TestServer server;
    const QString token = clerkSession(server.client());
    server.stop();
    Desk desk;
    SyncService service(desk.store, configFor(server.baseUrl()), quietOptions());
    QSignalSpy finished(&service, &SyncService::finished);
    service.setToken(token);
    nextRun(service, finished);
    const QString id = desk.store.records().createDraft(newVacancy(QStringLiteral("等候重試")));
    desk.store.records().queue(id);
    service.syncNow();
    REQUIRE_FALSE(nextRun(service, finished).completed);
    REQUIRE(desk.store.outbox().entries().first().nextAttemptAt
        > QDateTime::currentDateTimeUtc().addSecs(60)); // deferred by the engine's backoff

    server.restartAtSameAddress();
    service.syncNow();
    REQUIRE(QTest::qWaitFor([&] { return service.queued() == 0 && !service.syncing(); }, waitMs));
    CHECK(desk.store.records().find(id)->serverId.size() == 10);
    CHECK(service.connection() == SyncService::Connection::Online);
}

TEST_CASE(
    "sync service: an entry held by a conflict does not make it run in a loop", "[sync][service]")
{
    // A vacancy whose last try failed a minute ago and that is now in conflict: its outbox row
    // is due but held for the clerk, so no timer can send it.
    TestServer server;
    const QString token = clerkSession(server.client());
    Desk desk;
    const Vacancy mine = newVacancy(QStringLiteral("衝突中"));
    const QString id = desk.store.records().createDraft(mine);
    desk.store.records().queue(id);
    desk.store.outbox().deferOperation(desk.store.outbox().entries().first().sequence,
        QDateTime::currentDateTimeUtc().addSecs(-60), QStringLiteral("an earlier failure"));
    desk.store.syncState().recordConflict(core::store::ConflictRecord { id, mine, mine, mine,
        QStringLiteral("\"e1\""), { QStringLiteral("title") }, QDateTime::currentDateTimeUtc() });

    SyncService service(desk.store, configFor(server.baseUrl()), quietOptions());
    QSignalSpy finished(&service, &SyncService::finished);
    service.setToken(token);
    REQUIRE(nextRun(service, finished).completed);
    QTest::qWait(1000);
    // The login's run and at most the health check's; a loop would be hundreds.
    CHECK(finished.count() <= 2);
    CHECK(desk.store.outbox().size() == 1);
    CHECK(desk.store.records().find(id)->state == RecordState::Conflict);
}

TEST_CASE(
    "sync service: an entry whose backoff ends during a run goes right after it", "[sync][service]")
{
    // The push passes the entry by (its wait is not over), the feed answers late, and by the end
    // of the run the wait is over: the next run comes now, not at the hourly interval.
    TestServer server;
    const QString token = clerkSession(server.client());
    const QUrl upstream(server.baseUrl());
    FaultProxy proxy(upstream.host(), quint16(upstream.port()));
    Desk desk;
    SyncService service(desk.store, configFor(proxy.baseUrl()), quietOptions());
    QSignalSpy finished(&service, &SyncService::finished);
    service.setToken(token);
    REQUIRE(nextRun(service, finished).completed);
    REQUIRE(service.connection() == SyncService::Connection::Online);

    const QString id = desk.store.records().createDraft(newVacancy(QStringLiteral("等候中")));
    desk.store.records().queue(id);
    desk.store.outbox().deferOperation(desk.store.outbox().entries().first().sequence,
        QDateTime::currentDateTimeUtc().addSecs(2), QStringLiteral("an earlier failure"));
    proxy.push(FaultRule::delay(4000).on("GET", QStringLiteral("/api/v1/changes")));
    service.syncNow();
    const SyncReport passedBy = nextRun(service, finished);
    REQUIRE(passedBy.completed);
    REQUIRE(passedBy.sent == 0); // the push came before the wait was over
    CHECK(desk.store.outbox().entries().first().nextAttemptAt
        <= QDateTime::currentDateTimeUtc()); // and it is over now

    REQUIRE(QTest::qWaitFor([&] { return service.queued() == 0 && !service.syncing(); }, waitMs));
    CHECK(desk.store.records().find(id)->serverId.size() == 10);
    CHECK(finished.count() == 3); // the login's, the late one, and the one that sent it
}

TEST_CASE("sync service: the health check finds the server back while a run is under way",
    "[sync][service]")
{
    // A vacancy that waits out an hour's backoff for a server that was away. The service's first
    // health check answers while the login's run is under way (both on the service's thread, the
    // check first); the run finds the server too, and the vacancy goes now, not in an hour.
    TestServer server;
    const QString token = clerkSession(server.client());
    Desk desk;
    const QString id = desk.store.records().createDraft(newVacancy(QStringLiteral("回來了")));
    desk.store.records().queue(id);
    desk.store.outbox().deferOperation(desk.store.outbox().entries().first().sequence,
        QDateTime::currentDateTimeUtc().addSecs(3600), QStringLiteral("the server was away"));

    SyncServiceOptions options = quietOptions();
    options.checkAtOnce = true; // the check is posted first
    SyncService service(desk.store, configFor(server.baseUrl()), options);
    QSignalSpy finished(&service, &SyncService::finished);
    QSignalSpy connection(&service, &SyncService::connectionChanged);
    service.setToken(token); // the run, queued behind the check
    const SyncReport first = nextRun(service, finished);
    REQUIRE(first.completed);
    REQUIRE(first.sent == 0); // its push passed the vacancy by
    REQUIRE(connection.count() == 1); // Online, said by the check before the run ended
    REQUIRE(QTest::qWaitFor([&] { return service.queued() == 0 && !service.syncing(); }, waitMs));
    CHECK(desk.store.records().find(id)->serverId.size() == 10);
}

TEST_CASE("sync service: a password session pauses the push instead of retrying", "[sync][service]")
{
    TestServer server;
    const QString cardToken = clerkSession(server.client());
    const QString passwordToken = passwordSession(server.client());

    Desk desk;
    const QString id
        = desk.store.records().createDraft(newVacancy(QStringLiteral("密碼登入不能送")));
    desk.store.records().queue(id);
    SyncService service(desk.store, configFor(server.baseUrl()), quietOptions());
    QSignalSpy finished(&service, &SyncService::finished);
    QSignalSpy loginNeeded(&service, &SyncService::loginNeeded);

    // Nobody logged in: nothing runs.
    service.syncNow();
    CHECK(service.needsLogin());
    CHECK(service.loginReason() == "unauthenticated");
    CHECK_FALSE(service.syncing());
    CHECK(finished.isEmpty());

    core::session::SessionState session;
    service.follow(session);
    core::session::SessionInfo info;
    info.assurance = core::api::Assurance::Password;
    info.token = passwordToken;
    session.begin(info);
    const SyncReport paused = nextRun(service, finished);
    CHECK(paused.needsLogin);
    CHECK(service.needsLogin());
    CHECK(service.loginReason() == "certificate-login-required");
    CHECK(service.connection() == SyncService::Connection::Online);
    CHECK(service.queued() == 1);
    CHECK_FALSE(service.runScheduled()); // no loop: waits for the card login
    CHECK(loginNeeded.count() >= 2);

    // The card login resumes it.
    session.end();
    info.assurance = core::api::Assurance::Certificate;
    info.token = cardToken;
    session.begin(info);
    REQUIRE(QTest::qWaitFor(
        [&] { return service.queued() == 0 && service.lastReport().completed; }, waitMs));
    CHECK_FALSE(service.needsLogin());
    CHECK(desk.store.records().find(id)->serverId.size() == 10);
}

TEST_CASE("sync service: a conflict is settled through the service", "[sync][service]")
{
    TestServer server;
    const QString tokenA = clerkSession(server.client());
    const QString tokenB = clerkSession(server.client());
    Workstation a(server.baseUrl(), tokenA);
    const QString local = a.store().records().createDraft(newVacancy(QStringLiteral("衝突")));
    a.store().records().queue(local);
    a.syncOk();
    const QString serverId = a.store().records().find(local)->serverId;

    Desk desk;
    SyncService service(desk.store, configFor(server.baseUrl()), quietOptions());
    QSignalSpy finished(&service, &SyncService::finished);
    QSignalSpy conflicts(&service, &SyncService::conflictsChanged);
    service.setToken(tokenB);
    nextRun(service, finished);
    const QString mine = desk.store.records().findByServerId(serverId)->localId;

    editBothSides(a, desk.store, mine);
    service.syncNow();
    nextRun(service, finished);
    CHECK(service.conflicts() == 1);
    CHECK(conflicts.count() == 1);
    CHECK(desk.store.records().find(mine)->state == RecordState::Conflict);

    QString expectedTitle;
    QString expectedQualifications = QStringLiteral("B 改的資格");
    SECTION("keep mine")
    {
        service.keepMine(mine);
        expectedTitle = QStringLiteral("B 的職稱");
    }
    SECTION("keep the server's")
    {
        service.keepServer(mine);
        expectedTitle = QStringLiteral("A 的職稱");
        expectedQualifications = domaintest::validVacancy().qualifications;
    }
    SECTION("per field")
    {
        service.resolvePerField(mine, { { QStringLiteral("title"), Side::Server } });
        expectedTitle = QStringLiteral("A 的職稱");
    }
    CHECK(service.conflicts() == 0); // at once, before the run
    nextRun(service, finished);
    CHECK(service.queued() == 0);
    const QJsonObject record
        = server.client().get(QStringLiteral("/api/v1/vacancies/") + serverId, tokenA).json();
    CHECK(record.value("title").toString() == expectedTitle);
    CHECK(record.value("duties").toString() == "A 改的工作");
    CHECK(record.value("qualifications").toString() == expectedQualifications);
    checkSameAsServer(desk.store, server.client(), tokenB);
}

TEST_CASE("sync service: stops cleanly with a run in progress", "[sync][service]")
{
    TestServer server;
    const QString token = clerkSession(server.client());
    Desk desk;
    for (int i = 0; i < 5; ++i)
        desk.store.records().queue(
            desk.store.records().createDraft(newVacancy(QStringLiteral("停止 %1").arg(i))));
    auto service
        = std::make_unique<SyncService>(desk.store, configFor(server.baseUrl()), quietOptions());
    QSignalSpy finished(service.get(), &SyncService::finished);
    service->setToken(token);
    CHECK(service->syncing());
    service.reset(); // waits for the run, then the thread ends
    CHECK(finished.isEmpty()); // nothing is delivered to a service that is gone
    // The store is whole: whatever the run sent is acknowledged, the rest still queued.
    checkConsistent(desk.store);
}
