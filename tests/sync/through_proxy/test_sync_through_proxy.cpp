// The sync engine behind the project's fault proxy: requests dropped before and after
// the server saw them, answers cut mid-way, 500/502/503, 429 with Retry-After, answers slower
// than the client's timeout. No loss, no duplicates, the same key on every resend, and the
// backoff honoured.

#include "through_proxy_support.hpp"

#include <QThread>

using namespace synctest;

namespace {

const QString vacanciesPath = QStringLiteral("/api/v1/vacancies");

QList<ProxyLogEntry> posts(const FaultProxy& proxy)
{
    QList<ProxyLogEntry> found;
    for (const ProxyLogEntry& entry : proxy.log())
        if (entry.method == "POST" && entry.path.startsWith(vacanciesPath))
            found.append(entry);
    return found;
}

} // namespace

TEST_CASE("Faults between client and server lose nothing and post nothing twice", "[sync][proxy]")
{
    ProxiedServer setup;
    auto& [server, client, token, proxy] = setup;
    SyncOptions options = testOptions();
    options.requestTimeout = std::chrono::milliseconds(1500);
    Workstation station(proxy.baseUrl(), token, options);
    station.syncOk(); // the seed's records

    struct Case {
        const char* name;
        FaultRule rule;
    };
    const QList<Case> cases {
        { "dropped before the server saw it", FaultRule::dropBeforeForward().times(2) },
        // Qt resends once by itself when no byte came back, so two drops reach the engine.
        { "answer lost after the server committed", FaultRule::dropAfterForward().times(2) },
        { "answer cut mid-way", FaultRule::cutResponse(40).times(3) },
        { "500 after the server committed",
            FaultRule::respondAfterForward(500, R"({"error":"internal-error","message":"x"})") },
        { "503 before", FaultRule::respondError(503, "database-unavailable") },
        { "non-JSON 502",
            FaultRule::respond(
                502, "<html>Bad Gateway</html>", { { "Content-Type", "text/html" } }) },
        { "slower than the timeout", FaultRule::delay(2500) },
    };
    int n = 0;
    for (const Case& c : cases) {
        INFO(c.name);
        const QString title = QStringLiteral("代理測試%1").arg(n++);
        const Vacancy v = newVacancy(title);
        station.store().records().saveAndQueue(station.store().records().createDraft(v), v);
        proxy.clearLog();
        proxy.push(c.rule.on("POST", vacanciesPath));
        syncUntilDone(station);
        INFO(describe(proxy).toStdString());
        // Every try of this create carried the same key.
        const QList<ProxyLogEntry> tries = posts(proxy);
        REQUIRE_FALSE(tries.isEmpty());
        for (const ProxyLogEntry& entry : tries)
            CHECK(entry.idempotencyKey == tries.first().idempotencyKey);
        CHECK(countTitle(serverRecords(client, token), title) == 1);
    }

    // The same for an edit: the server commits a PUT whose answer is lost; the resend's
    // If-Match is stale by then, and the merge must see that nothing conflicts.
    station.edit(
        QStringLiteral("代理測試0"), [](Vacancy& v) { v.duties = QStringLiteral("改過一次"); });
    proxy.push(FaultRule::respondAfterForward(500, {}).on("PUT", vacanciesPath));
    syncUntilDone(station);
    CHECK(station.store().syncState().conflicts().isEmpty());

    checkSameAsServer(station.store(), client, token);
}

TEST_CASE("429 Retry-After is honoured: nothing is resent before it", "[sync][proxy]")
{
    ProxiedServer setup;
    auto& [server, client, token, proxy] = setup;
    Workstation station(proxy.baseUrl(), token);

    const Vacancy v = newVacancy(QStringLiteral("稍後再試"));
    station.store().records().saveAndQueue(station.store().records().createDraft(v), v);
    proxy.push(FaultRule::respondError(429, "too-many-attempts", { { "Retry-After", "2" } })
                   .on("POST", vacanciesPath));
    const SyncReport first = station.sync();
    CHECK(first.deferred == 1);
    CHECK(first.queued == 1);
    // At once again: the engine must wait, so no POST reaches the proxy.
    station.sync();
    CHECK(posts(proxy).size() == 1);

    QThread::msleep(2200);
    syncUntilDone(station);
    const QList<ProxyLogEntry> tries = posts(proxy);
    REQUIRE(tries.size() == 2);
    CHECK(tries[1].receivedMs - tries[0].receivedMs >= 2000);
    CHECK(tries[1].idempotencyKey == tries[0].idempotencyKey);
    CHECK(countTitle(serverRecords(client, token), QStringLiteral("稍後再試")) == 1);
}
