// Queued creates as `POST /vacancy-batches`, behind the fault proxy against the real server: a
// batch whose answer is lost is sent again and answered from the stored keys (also with new
// creates beside the replayed ones), and a server without the route (404) gets the creates one
// by one.

#include "through_proxy_support.hpp"

using namespace synctest;

namespace {

const QString batchPath = QStringLiteral("/api/v1/vacancy-batches");
const QString singlePath = QStringLiteral("/api/v1/vacancies");

int requestsTo(const FaultProxy& proxy, const QString& path)
{
    int count = 0;
    for (const ProxyLogEntry& entry : proxy.log())
        if (entry.method == "POST" && entry.path == path)
            ++count;
    return count;
}

void queue(Workstation& station, const QString& title)
{
    const Vacancy v = newVacancy(title);
    station.store().records().createQueued(v);
}

} // namespace

TEST_CASE("Batched creates: a lost answer is replayed, with new creates beside the replayed ones",
    "[sync][proxy][batch]")
{
    ProxiedServer setup;
    auto& [server, client, token, proxy] = setup;
    SyncOptions options = testOptions();
    options.createBatchSize = 4;
    Workstation station(proxy.baseUrl(), token, options);
    station.syncOk(); // the seed's records

    for (int i = 0; i < 4; ++i)
        queue(station, QStringLiteral("批次%1").arg(i));
    proxy.clearLog();
    // The server stores the batch; its answer never reaches the client (Qt resends once by
    // itself when no byte came back, so both tries are dropped).
    proxy.push(FaultRule::dropAfterForward().on("POST", batchPath).times(2));
    const SyncReport lost = station.sync();
    INFO(describe(proxy).toStdString());
    CHECK(lost.sent == 0);
    CHECK(lost.deferred == 4);
    CHECK(countTitle(serverRecords(client, token), QStringLiteral("批次0")) == 1);

    // Three more queued before the next sync: the outbox, oldest first, holds the four the
    // server already has and three it has not; they go as batches of four.
    for (int i = 4; i < 7; ++i)
        queue(station, QStringLiteral("批次%1").arg(i));
    syncUntilDone(station);
    const QMap<QString, QJsonObject> records = serverRecords(client, token);
    for (int i = 0; i < 7; ++i)
        CHECK(countTitle(records, QStringLiteral("批次%1").arg(i)) == 1);
    CHECK(requestsTo(proxy, singlePath) == 0);
    CHECK(requestsTo(proxy, batchPath) >= 4); // 2 lost, then 4 + 3
    checkSameAsServer(station.store(), client, token);
}

TEST_CASE(
    "Batched creates: a server without the route gets them one by one", "[sync][proxy][batch]")
{
    ProxiedServer setup;
    auto& [server, client, token, proxy] = setup;
    Workstation station(proxy.baseUrl(), token);
    station.syncOk();

    // An older server: the route is unknown.
    proxy.push(FaultRule::respondError(404, "not-found").on("POST", batchPath).times(-1));
    for (int i = 0; i < 5; ++i)
        queue(station, QStringLiteral("舊版%1").arg(i));
    proxy.clearLog();
    const SyncReport first = station.syncOk();
    INFO(describe(proxy).toStdString());
    CHECK(first.sent == 5);
    CHECK(first.rejected == 0);
    CHECK(requestsTo(proxy, batchPath) == 1);
    CHECK(requestsTo(proxy, singlePath) == 5);

    // The engine remembers: the next creates go one by one at once.
    for (int i = 5; i < 8; ++i)
        queue(station, QStringLiteral("舊版%1").arg(i));
    proxy.clearLog();
    CHECK(station.syncOk().sent == 3);
    CHECK(requestsTo(proxy, batchPath) == 0);
    CHECK(requestsTo(proxy, singlePath) == 3);
    const QMap<QString, QJsonObject> records = serverRecords(client, token);
    for (int i = 0; i < 8; ++i)
        CHECK(countTitle(records, QStringLiteral("舊版%1").arg(i)) == 1);
    checkSameAsServer(station.store(), client, token);
}

TEST_CASE(
    "Batched creates: one refused item is rejected, the others are stored", "[sync][proxy][batch]")
{
    ProxiedServer setup;
    auto& [server, client, token, proxy] = setup;
    Workstation station(proxy.baseUrl(), token);
    station.syncOk();

    queue(station, QStringLiteral("好的一"));
    // Queued offline yesterday for today, sent today: the start date is in the past now.
    Vacancy late = newVacancy(QStringLiteral("過期的"), -2);
    station.store().records().createQueued(late);
    queue(station, QStringLiteral("好的二"));
    proxy.clearLog();
    const SyncReport report = station.syncOk();
    INFO(describe(proxy).toStdString());
    CHECK(report.sent == 2);
    CHECK(report.rejected == 1);
    CHECK(requestsTo(proxy, batchPath) == 1);
    CHECK(requestsTo(proxy, singlePath) == 0);
    const QMap<QString, QJsonObject> records = serverRecords(client, token);
    CHECK(countTitle(records, QStringLiteral("好的一")) == 1);
    CHECK(countTitle(records, QStringLiteral("好的二")) == 1);
    CHECK(countTitle(records, QStringLiteral("過期的")) == 0);
}

TEST_CASE("Batched creates: large bodies are split to keep a request under the size limit",
    "[sync][proxy][batch]")
{
    ProxiedServer setup;
    auto& [server, client, token, proxy] = setup;
    Workstation station(proxy.baseUrl(), token);
    station.syncOk();

    // 30 creates of about 12 KB each (3,000 CJK characters, 3 bytes apiece in UTF-8): 360 KB
    // together, more than the server takes in one body (256 KiB), fewer than a batch's 100.
    for (int i = 0; i < 30; ++i) {
        Vacancy v = newVacancy(QStringLiteral("長文%1").arg(i));
        v.duties = QString(3000, QChar(u'職'));
        station.store().records().createQueued(v);
    }
    proxy.clearLog();
    const SyncReport report = station.syncOk();
    INFO(describe(proxy).toStdString());
    CHECK(report.sent == 30);
    CHECK(report.rejected == 0);
    CHECK(requestsTo(proxy, batchPath) >= 2);
    CHECK(requestsTo(proxy, singlePath) == 0);
    for (const ProxyLogEntry& entry : proxy.log())
        if (entry.path == batchPath)
            CHECK(entry.status == 200);
    const QMap<QString, QJsonObject> records = serverRecords(client, token);
    for (int i = 0; i < 30; ++i)
        CHECK(countTitle(records, QStringLiteral("長文%1").arg(i)) == 1);
}
