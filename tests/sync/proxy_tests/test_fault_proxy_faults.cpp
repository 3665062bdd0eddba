// Each fault the proxy injects, proved against what really crossed the client's side and the
// server's side.
#include "fault_proxy.hpp"
#include "proxy_test_support.hpp"
#include "recording_upstream.hpp"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <catch2/catch.hpp>

using synctest::FaultProxy;
using synctest::FaultRule;
using synctest::ProxyLogEntry;
using namespace proxytest;

TEST_CASE("fault proxy: DropBeforeForward closes the connection; the server never sees it")
{
    Upstream upstream;
    FaultProxy proxy(QStringLiteral("127.0.0.1"), upstream.port());
    proxy.push(FaultRule::dropBeforeForward().on("POST"));
    RawClient client(proxy.port());
    client.send(post("/api/vacancies", "{}"));
    CHECK(client.readUntilClosed().isEmpty());
    CHECK(client.closed());
    const auto log = finishedLog(proxy, 1);
    CHECK(log[0].fault == FaultRule::DropBeforeForward);
    CHECK_FALSE(log[0].forwarded);
    CHECK(log[0].status == 0);

    RawClient again(proxy.port()); // the retry passes
    again.send(post("/api/vacancies", "{}"));
    CHECK(bodyOf(again.readResponse()) == "reply 1: POST /api/vacancies");
    CHECK(upstream.count() == 1);
}

TEST_CASE("fault proxy: DropAfterForward lets the server answer, then the client gets nothing")
{
    Upstream upstream;
    FaultProxy proxy(QStringLiteral("127.0.0.1"), upstream.port());
    proxy.push(FaultRule::dropAfterForward());
    RawClient client(proxy.port());
    client.send(post("/api/vacancies", "{}", "Idempotency-Key: k-1\r\n"));
    CHECK(client.readUntilClosed().isEmpty());
    CHECK(client.closed());
    CHECK(upstream.count() == 1);
    CHECK(upstream.sent().size() == 1); // the server did answer
    const auto log = finishedLog(proxy, 1);
    CHECK(log[0].forwarded);
    CHECK(log[0].upstreamStatus == 200);
    CHECK(log[0].status == 0);
    CHECK(log[0].idempotencyKey == "k-1");
}

TEST_CASE("fault proxy: CutResponse sends exactly the first N bytes, then closes")
{
    Upstream upstream;
    FaultProxy proxy(QStringLiteral("127.0.0.1"), upstream.port());
    proxy.push(FaultRule::cutResponse(20));
    proxy.push(FaultRule::cutResponse(100000).on("GET", QStringLiteral("/big")));
    proxy.push(FaultRule::cutResponse(10000));

    RawClient client(proxy.port());
    client.send(get("/status/201"));
    const QByteArray cut = client.readUntilClosed();
    CHECK(client.closed());
    CHECK(cut.size() == 20);
    CHECK(cut == upstream.sent().value(0).left(20));

    RawClient big(proxy.port());
    big.send(get("/big"));
    const QByteArray bigCut = big.readUntilClosed();
    CHECK(bigCut.size() == 100000);
    CHECK(bigCut == upstream.sent().value(1).left(100000));

    RawClient whole(proxy.port()); // N beyond the response: all of it, then the close
    whole.send(get("/small"));
    const QByteArray all = whole.readUntilClosed();
    CHECK(all == upstream.sent().value(2));
    CHECK(whole.closed());

    const auto log = finishedLog(proxy, 3);
    CHECK(log[0].upstreamStatus == 201);
    CHECK(log[0].status == 0);
    CHECK(log[2].status == 200);
}

TEST_CASE("fault proxy: Delay holds the request before forwarding it")
{
    Upstream upstream;
    FaultProxy proxy(QStringLiteral("127.0.0.1"), upstream.port());

    SECTION("the answer comes, late")
    {
        proxy.push(FaultRule::delay(300));
        RawClient client(proxy.port());
        QElapsedTimer timer;
        timer.start();
        client.send(get("/slow"));
        QThread::msleep(150);
        CHECK(upstream.count() == 0); // still held
        const QByteArray response = client.readResponse();
        CHECK(timer.elapsed() >= 300);
        CHECK(statusOf(response) == 200);
        const auto log = finishedLog(proxy, 1);
        CHECK(log[0].fault == FaultRule::Delay);
        CHECK(log[0].finishedMs - log[0].receivedMs >= 300);
    }
    SECTION("a client that gave up still has its request reach the server")
    {
        proxy.push(FaultRule::delay(300));
        RawClient client(proxy.port());
        client.send(post("/api/vacancies", "{}", "Idempotency-Key: k-2\r\n"));
        CHECK(client.readResponse(false, 100).isEmpty()); // the client's timeout
        client.close();
        RawClient retry(proxy.port()); // passes at once, overtaking the first
        retry.send(post("/api/vacancies", "{}", "Idempotency-Key: k-2\r\n"));
        CHECK(bodyOf(retry.readResponse()) == "reply 1: POST /api/vacancies");
        REQUIRE(upstream.waitForCount(2));
        const auto log = finishedLog(proxy, 2);
        CHECK(log[0].clientGone);
        CHECK(log[0].forwarded);
        CHECK(log[0].upstreamStatus == 200);
        CHECK(log[0].status == 0);
        CHECK(log[1].idempotencyKey == log[0].idempotencyKey);
    }
    SECTION("a delay in front of another fault")
    {
        proxy.push(FaultRule::respond(503).delayedBy(200));
        RawClient client(proxy.port());
        QElapsedTimer timer;
        timer.start();
        client.send(get("/x"));
        CHECK(statusOf(client.readResponse()) == 503);
        CHECK(timer.elapsed() >= 200);
        CHECK(upstream.count() == 0);
    }
}

TEST_CASE("fault proxy: Respond answers in the server's place")
{
    Upstream upstream;
    FaultProxy proxy(QStringLiteral("127.0.0.1"), upstream.port());
    proxy.push(FaultRule::respondError(500, QStringLiteral("internal-error")));
    proxy.push(FaultRule::respondError(
        429, QStringLiteral("too-many-requests"), { { "Retry-After", "2" } }));
    proxy.push(FaultRule::respond(502, "<html>Bad Gateway</html>"));
    proxy.push(FaultRule::respond(503, {}, { { "Retry-After", "1" } }));
    RawClient client(proxy.port());

    client.send(post("/api/vacancies", "{}"));
    const QByteArray error = client.readResponse();
    CHECK(error.startsWith("HTTP/1.1 500 Internal Server Error\r\n"));
    CHECK(headerOf(error, "Content-Type") == "application/json");
    CHECK(bodyOf(error) == R"({"error":"internal-error","message":"injected by the fault proxy"})");

    client.send(get("/api/sync"));
    const QByteArray throttled = client.readResponse();
    CHECK(statusOf(throttled) == 429);
    CHECK(headerOf(throttled, "Retry-After") == "2");

    client.send(get("/api/sync"));
    const QByteArray gateway = client.readResponse();
    CHECK(statusOf(gateway) == 502);
    CHECK(headerOf(gateway, "Content-Type") == "text/plain; charset=utf-8");
    CHECK(bodyOf(gateway) == "<html>Bad Gateway</html>");

    client.send(get("/api/sync"));
    const QByteArray unavailable = client.readResponse();
    CHECK(statusOf(unavailable) == 503);
    CHECK(headerOf(unavailable, "Content-Length") == "0");

    CHECK(upstream.count() == 0);
    client.send(get("/api/sync")); // the connection is still good
    CHECK(bodyOf(client.readResponse()) == "reply 1: GET /api/sync");
    const auto log = finishedLog(proxy, 5);
    CHECK(log[1].status == 429);
    CHECK_FALSE(log[1].forwarded);
    CHECK(log[1].upstreamStatus == 0);
}

TEST_CASE("fault proxy: RespondAfterForward lets the server commit, the client sees the error")
{
    Upstream upstream;
    FaultProxy proxy(QStringLiteral("127.0.0.1"), upstream.port());
    proxy.push(FaultRule::respondAfterForward(500, R"({"error":"internal-error"})"));
    RawClient client(proxy.port());
    client.send(post("/status/201", "{}", "Idempotency-Key: k-3\r\n"));
    const QByteArray response = client.readResponse();
    CHECK(statusOf(response) == 500);
    CHECK(bodyOf(response) == R"({"error":"internal-error"})");
    CHECK(upstream.count() == 1);
    const auto log = finishedLog(proxy, 1);
    CHECK(log[0].upstreamStatus == 201);
    CHECK(log[0].status == 500);

    client.send(post("/status/201", "{}", "Idempotency-Key: k-3\r\n")); // the retry
    CHECK(statusOf(client.readResponse()) == 201);
    CHECK(upstream.count() == 2);
}
