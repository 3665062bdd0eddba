// What the fault proxy logs (keys and times, never credentials) and the command-line form of
// its rules.
#include "fault_proxy.hpp"
#include "proxy_test_support.hpp"
#include "recording_upstream.hpp"

#include <catch2/catch.hpp>

using synctest::FaultProxy;
using synctest::FaultRule;
using synctest::ProxyLogEntry;
using namespace proxytest;

TEST_CASE("fault proxy: the log records keys and times, never credentials")
{
    Upstream upstream;
    FaultProxy proxy(QStringLiteral("127.0.0.1"), upstream.port());
    QStringList lines;
    QMutex linesMutex;
    proxy.setObserver([&](const ProxyLogEntry& entry) {
        QMutexLocker lock(&linesMutex);
        lines.append(entry.describe());
    });
    proxy.push(FaultRule::dropAfterForward());
    const qint64 before = proxy.elapsedMs();

    RawClient first(proxy.port());
    first.send("PUT /api/vacancies/9 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer s3cr3t-token\r\n"
               "idempotency-key: key-9\r\nIf-Match: \"v3\"\r\nContent-Length: 17\r\n\r\n"
               "{\"pin\":\"s3cr3t\"}x");
    first.readUntilClosed();
    RawClient second(proxy.port());
    second.send("PUT /api/vacancies/9 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer s3cr3t-token\r\n"
                "Idempotency-Key: key-9\r\nIf-Match: \"v3\"\r\nContent-Length: 0\r\n\r\n");
    CHECK(statusOf(second.readResponse()) == 200);

    const auto log = finishedLog(proxy, 2);
    REQUIRE(log.size() == 2);
    CHECK(log[0].method == "PUT");
    CHECK(log[0].path == QStringLiteral("/api/vacancies/9"));
    CHECK(log[0].idempotencyKey == "key-9");
    CHECK(log[0].ifMatch == "\"v3\"");
    CHECK(log[0].fault == FaultRule::DropAfterForward);
    CHECK(log[0].connection == 1);
    CHECK(log[1].connection == 2);
    CHECK(log[1].idempotencyKey == log[0].idempotencyKey); // "the same key was resent"
    CHECK(log[0].receivedMs >= before);
    CHECK(log[1].receivedMs >= log[0].finishedMs);
    CHECK(log[0].finishedMs >= log[0].receivedMs);
    CHECK(log[1].status == 200);
    {
        QMutexLocker lock(&linesMutex);
        REQUIRE(lines.size() == 2);
        for (const QString& line : lines) {
            INFO(line.toStdString());
            CHECK_FALSE(line.contains(QStringLiteral("s3cr3t")));
            CHECK(line.contains(QStringLiteral("key=key-9")));
        }
    }
    CHECK(proxy.requestsSeen() == 2);
    proxy.clearLog();
    CHECK(proxy.log().isEmpty());
    CHECK(proxy.requestsSeen() == 2);
}

TEST_CASE("fault proxy: rules from their command-line form")
{
    auto rule = FaultRule::parse(
        QStringLiteral("respond=429,count=3,skip=1,method=POST,path=/api/v,header=Retry-After: 2,"
                       "body={\"error\":\"too-many-requests\",\"a\":1}"));
    REQUIRE(rule);
    CHECK(rule->kind == FaultRule::Respond);
    CHECK(rule->status == 429);
    CHECK(rule->count == 3);
    CHECK(rule->skip == 1);
    CHECK(rule->method == "POST");
    CHECK(rule->pathPrefix == QStringLiteral("/api/v"));
    REQUIRE(rule->headers.size() == 1);
    CHECK(rule->headers[0] == QPair<QByteArray, QByteArray>("Retry-After", "2"));
    CHECK(rule->body == R"({"error":"too-many-requests","a":1})");

    rule = FaultRule::parse(QStringLiteral("cut=100,count=-1"));
    REQUIRE(rule);
    CHECK(rule->kind == FaultRule::CutResponse);
    CHECK(rule->cutBytes == 100);
    CHECK(rule->count == -1);
    rule = FaultRule::parse(QStringLiteral("delay=2500"));
    REQUIRE(rule);
    CHECK(rule->delayMs == 2500);
    CHECK(FaultRule::parse(QStringLiteral("drop-after,path=/api"))->kind
        == FaultRule::DropAfterForward);
    CHECK(FaultRule::parse(QStringLiteral("respond-after=500"))->kind
        == FaultRule::RespondAfterForward);

    QString error;
    CHECK_FALSE(FaultRule::parse(QStringLiteral("explode"), &error));
    CHECK(error.contains(QStringLiteral("explode")));
    CHECK_FALSE(FaultRule::parse(QStringLiteral("respond")));
    CHECK_FALSE(FaultRule::parse(QStringLiteral("drop-before=3")));
    CHECK_FALSE(FaultRule::parse(QStringLiteral("pass,colour=red")));
}
