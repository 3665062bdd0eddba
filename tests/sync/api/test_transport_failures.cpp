// What the client makes of a service that is not there, does not answer, answers garbage or
// refuses: typed failures, never an exception or a crash.

#include "client_fixture.hpp"
#include "fake_http_server.hpp"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QTcpServer>
#include <mutex>

using namespace apitest;

namespace {

using namespace std::chrono_literals;

/// A server answering every request with `reply`.
FakeHttpServer::Script always(const QByteArray& reply)
{
    return [reply](const QByteArray&) { return std::optional<QByteArray>(reply); };
}

} // namespace

TEST_CASE("Nobody listening is a Network failure, retriable", "[api][transport]")
{
    QTcpServer probe;
    REQUIRE(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();

    ServiceClient client(configFor(QStringLiteral("http://127.0.0.1:%1").arg(port)));
    const auto health = client.health();
    REQUIRE_FALSE(health.ok());
    CHECK(health.failure.kind == ErrorKind::Network);
    CHECK(health.failure.httpStatus == 0);
    CHECK(health.failure.retriable());
    CHECK_FALSE(health.failure.detail.isEmpty());

    ServiceClient nowhere(configFor(QStringLiteral("ftp://127.0.0.1/")));
    CHECK(nowhere.challenge().failure.kind == ErrorKind::Network);
}

TEST_CASE(
    "A server that accepts and never answers is a Timeout within the timeout", "[api][transport]")
{
    FakeHttpServer silent([](const QByteArray&) { return std::optional<QByteArray>(); });
    ServiceClient client(configFor(silent.url().toString(), 500ms));
    QElapsedTimer clock;
    clock.start();
    const auto answer = client.createVacancy(newKey(), vacancyBytes());
    const qint64 elapsed = clock.elapsed();
    REQUIRE_FALSE(answer.ok());
    CHECK(answer.failure.kind == ErrorKind::Timeout);
    CHECK(answer.failure.retriable());
    CHECK(elapsed >= 490);
    CHECK(elapsed < 3000);
    CHECK(silent.requests() == 1);
}

TEST_CASE("A 2xx that is not what the contract says is BadResponse", "[api][transport]")
{
    SECTION("not JSON")
    {
        FakeHttpServer server(always(FakeHttpServer::answer(200, "<html>hello</html>")));
        ServiceClient client(configFor(server.url().toString()));
        const auto health = client.health();
        REQUIRE_FALSE(health.ok());
        CHECK(health.failure.kind == ErrorKind::BadResponse);
        CHECK(health.failure.httpStatus == 200);
        CHECK_FALSE(health.failure.retriable());
        CHECK(health.failure.detail.contains("not JSON"));
    }
    SECTION("JSON of the wrong shape")
    {
        FakeHttpServer server(always(FakeHttpServer::answer(200, R"({"items":"none"})")));
        ServiceClient client(configFor(server.url().toString()));
        const auto page = client.listVacancies();
        CHECK(page.failure.kind == ErrorKind::BadResponse);
        CHECK(page.failure.detail.contains("items"));
        CHECK(client.changes().failure.kind == ErrorKind::BadResponse);
        CHECK(client.account().failure.kind == ErrorKind::BadResponse);
        CHECK(client.challenge().failure.kind == ErrorKind::BadResponse);
        CHECK(client.passwordLogin("a", "b").failure.kind == ErrorKind::BadResponse);
        CHECK_FALSE(client.hasSession());
    }
    SECTION("a record the domain refuses, or without its etag")
    {
        QJsonObject record = vacancytest::vacancyBody();
        record.insert("vacancyId", "1150100001");
        record.insert("status", "published");
        record.insert("surprise", 1);
        record.insert("etag", "\"1\"");
        FakeHttpServer unknownMember(always(FakeHttpServer::answer(200, bytesOf(record))));
        ServiceClient client(configFor(unknownMember.url().toString()));
        const auto read = client.getVacancy("1150100001");
        CHECK(read.failure.kind == ErrorKind::BadResponse);
        CHECK(read.failure.detail.contains("surprise"));

        record.remove("surprise");
        record.remove("etag");
        FakeHttpServer noEtag(always(FakeHttpServer::answer(200, bytesOf(record))));
        ServiceClient second(configFor(noEtag.url().toString()));
        const auto missing = second.getVacancy("1150100001");
        CHECK(missing.failure.kind == ErrorKind::BadResponse);
        CHECK(missing.failure.detail.contains("etag"));

        record.insert("etag", "\"1\"");
        FakeHttpServer good(always(FakeHttpServer::answer(200, bytesOf(record))));
        ServiceClient third(configFor(good.url().toString()));
        const auto fine = third.getVacancy("1150100001");
        REQUIRE(fine.ok());
        CHECK(fine->etag == "\"1\"");
        CHECK(fine->vacancy.vacancyId == "1150100001");
    }
    SECTION("a code list bundle CodeLists refuses")
    {
        FakeHttpServer server(
            always(FakeHttpServer::answer(200, R"({"series":[]})", "ETag: \"1\"\r\n")));
        ServiceClient client(configFor(server.url().toString()));
        CHECK(client.codeLists().failure.kind == ErrorKind::BadResponse);
    }
    SECTION("a body cut off before its Content-Length")
    {
        FakeHttpServer server(always("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                     "Content-Length: 100\r\n\r\n{\"status\":\"ok\","));
        ServiceClient client(configFor(server.url().toString()));
        const auto health = client.health();
        REQUIRE_FALSE(health.ok());
        CHECK(health.failure.kind == ErrorKind::BadResponse);
    }
    SECTION("a body larger than 16 MiB, announced or not")
    {
        FakeHttpServer announced(always("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                        "Content-Length: 17000000\r\n\r\n{\"status\":"));
        ServiceClient client(configFor(announced.url().toString()));
        const auto big = client.health();
        CHECK(big.failure.kind == ErrorKind::BadResponse);
        CHECK(big.failure.detail.contains("larger"));

        const QByteArray huge = "{\"status\":\"" + QByteArray(17 * 1024 * 1024, 'x') + "\"}";
        FakeHttpServer streamed(
            always("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
                + huge));
        ServiceClient second(configFor(streamed.url().toString()));
        const auto streamedBig = second.health();
        CHECK(streamedBig.failure.kind == ErrorKind::BadResponse);
        CHECK(streamedBig.failure.detail.contains("larger"));
    }
    SECTION("no HTTP at all: as if the connection broke (Qt cannot tell the two apart)")
    {
        FakeHttpServer server(always("SSH-2.0-OpenSSH\r\n\r\n"));
        ServiceClient client(configFor(server.url().toString()));
        const auto health = client.health();
        REQUIRE_FALSE(health.ok());
        CHECK(health.failure.kind == ErrorKind::Network);
        CHECK(health.failure.httpStatus == 0);
    }
}

TEST_CASE("Error answers without the contract's body, and Retry-After", "[api][transport]")
{
    SECTION("a proxy's 502 page: Http, unknown code, retriable")
    {
        FakeHttpServer server(always(FakeHttpServer::answer(502, "<html>Bad gateway</html>")));
        ServiceClient client(configFor(server.url().toString()));
        const auto answer = client.listVacancies();
        REQUIRE_FALSE(answer.ok());
        CHECK(answer.failure.kind == ErrorKind::Http);
        CHECK(answer.failure.httpStatus == 502);
        CHECK(answer.failure.error == ServiceError::Unknown);
        CHECK(answer.failure.code.isEmpty());
        CHECK(answer.failure.retriable());
    }
    SECTION("a code from a newer server")
    {
        FakeHttpServer server(always(FakeHttpServer::answer(
            418, R"({"error":"brand-new","message":"新的","fields":{"x":["y"]}})")));
        ServiceClient client(configFor(server.url().toString()));
        const auto answer = client.account();
        CHECK(answer.failure.kind == ErrorKind::Http);
        CHECK(answer.failure.error == ServiceError::Unknown);
        CHECK(answer.failure.code == "brand-new");
        CHECK(answer.failure.message == "新的");
        CHECK(answer.failure.fields.value("x").toArray().first().toString() == "y");
        CHECK_FALSE(answer.failure.retriable());
    }
    SECTION("409 idempotency-key-in-flight and 503 are retriable, with Retry-After")
    {
        FakeHttpServer inFlight(always(FakeHttpServer::answer(
            409, R"({"error":"idempotency-key-in-flight","message":"m"})", "Retry-After: 1\r\n")));
        ServiceClient client(configFor(inFlight.url().toString()));
        const auto answer = client.createVacancy(newKey(), vacancyBytes());
        CHECK(answer.failure.error == ServiceError::IdempotencyKeyInFlight);
        CHECK(answer.failure.retryAfterSeconds == 1);
        CHECK(answer.failure.retriable());
        // A batch item has no headers: the body's retryAfterSeconds says the same.
        FakeHttpServer batch(always(FakeHttpServer::answer(200,
            R"({"results":[{"status":409,"replayed":false,"body":)"
            R"({"error":"idempotency-key-in-flight","message":"m","retryAfterSeconds":1}}]})")));
        ServiceClient batchClient(configFor(batch.url().toString()));
        const auto items = batchClient.createVacancyBatch({ { newKey(), vacancyBytes() } });
        REQUIRE(items.ok());
        REQUIRE(items->size() == 1);
        CHECK(items->first().failure.error == ServiceError::IdempotencyKeyInFlight);
        CHECK(items->first().failure.retryAfterSeconds == 1);
        CHECK(items->first().failure.retriable());

        FakeHttpServer down(always(FakeHttpServer::answer(
            503, R"({"error":"database-unavailable","message":"m"})", "Retry-After: 30\r\n")));
        ServiceClient second(configFor(down.url().toString()));
        const auto unavailable = second.changes();
        CHECK(unavailable.failure.error == ServiceError::DatabaseUnavailable);
        CHECK(unavailable.failure.retryAfterSeconds == 30);
        CHECK(unavailable.failure.retriable());
        // 503 with the Health body is an answer of health(), not a failure.
        FakeHttpServer degraded(always(
            FakeHttpServer::answer(503, R"({"status":"degraded","database":"unreachable"})")));
        ServiceClient third(configFor(degraded.url().toString()));
        const auto health = third.health();
        REQUIRE(health.ok());
        CHECK_FALSE(health->ok);
        CHECK(health->database == "unreachable");
        CHECK(second.health().failure.error == ServiceError::DatabaseUnavailable);
    }
    SECTION("a redirect is not followed")
    {
        FakeHttpServer server(always("HTTP/1.1 307 Temporary Redirect\r\nLocation: "
                                     "http://127.0.0.1:1/elsewhere\r\nContent-Length: 0\r\n\r\n"));
        ServiceClient client(configFor(server.url().toString()));
        const auto answer = client.createVacancy(newKey(), vacancyBytes());
        CHECK(answer.failure.kind == ErrorKind::Http);
        CHECK(answer.failure.httpStatus == 307);
        CHECK(server.requests() == 1);
    }
}

TEST_CASE("The request leaves as given: exact body, headers, path and query", "[api][transport]")
{
    QByteArray seen;
    std::mutex lock;
    FakeHttpServer server([&](const QByteArray& request) {
        const std::lock_guard guard(lock);
        seen = request;
        return std::optional<QByteArray>(FakeHttpServer::answer(500, "{}"));
    });
    ServiceConfig config = configFor(server.url().toString() + "/prefix/");
    ServiceClient client(config);
    client.setSessionToken("tok-123");

    const QByteArray body = "{ \"title\" :\t\"科員\" }";
    CHECK(client.createVacancy("0f8fad5b-d9cb-469f-a165-70867728950e", body).failure.httpStatus
        == 500);
    {
        const std::lock_guard guard(lock);
        CHECK(seen.startsWith("POST /prefix/api/v1/vacancies HTTP/1.1\r\n"));
        CHECK(seen.endsWith("\r\n\r\n" + body));
        CHECK(seen.contains("Idempotency-Key: 0f8fad5b-d9cb-469f-a165-70867728950e\r\n"));
        CHECK(seen.contains("Authorization: Bearer tok-123\r\n"));
        CHECK(seen.contains("Content-Type: application/json\r\n"));
        CHECK(seen.contains("User-Agent: shiqiuren-test/1\r\n"));
    }
    client.listVacancies(core::api::VacancyScope::History, {}, "a+b &c=科", 3, 7);
    {
        const std::lock_guard guard(lock);
        CHECK(
            seen.startsWith("GET /prefix/api/v1/vacancies?scope=history&q=a%2Bb%20%26c%3D%E7%A7%91"
                            "&page=3&pageSize=7 HTTP/1.1\r\n"));
    }
    client.deleteVacancy("1150100001", "\"7\"");
    {
        const std::lock_guard guard(lock);
        CHECK(seen.startsWith("DELETE /prefix/api/v1/vacancies/1150100001 HTTP/1.1\r\n"));
        CHECK(seen.contains("If-Match: \"7\"\r\n"));
    }
    client.codeLists("\"abc\"");
    {
        const std::lock_guard guard(lock);
        CHECK(seen.startsWith("GET /prefix/api/v1/reference HTTP/1.1\r\n"));
        CHECK(seen.contains("If-None-Match: \"abc\"\r\n"));
        CHECK_FALSE(seen.contains("Authorization")); // public: the token stays home
    }
    // A header value that would split the request is not sent at all.
    const int before = server.requests();
    const auto injected = client.replaceVacancy("1150100001", "\"1\"\r\nX-Evil: 1", "{}");
    CHECK(injected.failure.kind == ErrorKind::Http);
    CHECK(injected.failure.httpStatus == 0);
    CHECK(injected.failure.error == ServiceError::RequestInvalid);
    CHECK(server.requests() == before);
}
