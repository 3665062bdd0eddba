// The HTTP front: unknown routes, wrong methods and media types, oversize bodies, health, and a
// database that stops answering (503, never a crash, and the server recovers what it can).

#include "card_login.hpp"
#include "test_server.hpp"

#include <QProcess>
#include <QSqlQuery>
#include <QTcpSocket>
#include <catch2/catch.hpp>

using namespace servertest;

TEST_CASE("Unknown routes, wrong methods, wrong media types", "[server][http]")
{
    TestServer server;
    const HttpClient client = server.client();

    const Reply missing = client.get("/api/v1/nothing-here");
    CHECK(missing.status == 404);
    CHECK(missing.error() == "not-found");
    CHECK_FALSE(missing.json().value("message").toString().isEmpty());

    const Reply method = client.send("DELETE", "/api/v1/health");
    CHECK(method.status == 405);
    CHECK(method.error() == "method-not-allowed");
    CHECK(method.header("Allow") == "GET, HEAD");

    const Reply media = client.send("POST", "/api/v1/auth/password",
        R"({"account":"a","password":"b"})", { { "Content-Type", "text/plain" } });
    CHECK(media.status == 415);
    CHECK(media.error() == "unsupported-media-type");

    const Reply deep = client.send("POST", "/api/v1/auth/password",
        QByteArray(40, '[') + QByteArray(40, ']'), { { "Content-Type", "application/json" } });
    CHECK(deep.status == 400);
    CHECK(deep.error() == "json-too-deep");

    const Reply malformed = client.send("POST", "/api/v1/auth/password",
        "{\"account\": ", { { "Content-Type", "application/json" } });
    CHECK(malformed.status == 400);
    CHECK(malformed.error() == "json-malformed");

    const Reply big = client.send("POST", "/api/v1/auth/password",
        "{\"account\": \"" + QByteArray(300 * 1024, 'a') + "\"}",
        { { "Content-Type", "application/json" } });
    CHECK(big.status == 413);
    CHECK(big.error() == "body-too-large");

    // HEAD is GET without the body, so a kept-alive connection stays in step.
    const Reply head = client.send("HEAD", "/api/v1/reference/series");
    CHECK(head.status == 200);
    CHECK(head.body.isEmpty());
    CHECK(head.header("ETag") == client.get("/api/v1/reference/series").header("ETag"));

    const Reply health = client.get("/api/v1/health");
    CHECK(health.status == 200);
    CHECK(health.json().value("database").toString() == "ok");
    CHECK(health.header("Cache-Control") == "no-store");
}

TEST_CASE("A body far past the limit is cut off before it is read whole", "[server][http]")
{
    TestServer server;
    QTcpSocket socket;
    const QUrl url(server.baseUrl());
    socket.connectToHost(url.host(), quint16(url.port()));
    REQUIRE(socket.waitForConnected(5000));
    // Announces 1 GiB and starts sending: the answer must come long before the body ends.
    socket.write(
        "POST /api/v1/auth/password HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Content-Length: 1073741824\r\n\r\n");
    socket.write(QByteArray(64 * 1024, 'a'));
    socket.waitForBytesWritten(5000);
    QByteArray answer;
    for (int i = 0; i < 50 && !answer.contains("\r\n\r\n"); ++i) {
        socket.waitForReadyRead(100);
        answer += socket.readAll();
    }
    CHECK(answer.startsWith("HTTP/1.1 413"));
    CHECK(answer.contains("body-too-large"));
    CHECK(server.client().get("/api/v1/health").status == 200);
}

TEST_CASE("A database that stops answering gives 503 database-unavailable", "[server][http]")
{
    TestServer server;
    const HttpClient client = server.client();
    REQUIRE(client.get("/api/v1/health").status == 200);

    if (server.isPostgres()) {
        // The database disappears under the running server.
        const QString name = QUrl(server.database()).path().mid(1);
        QProcess drop;
        drop.start("bash", { qEnvironmentVariable("SHIQIUREN_PG_STACK"), "dropdb", name });
        REQUIRE(drop.waitForFinished(30000));
        REQUIRE(drop.exitCode() == 0);
        const Reply reply = client.sendJson("POST", "/api/v1/auth/challenge", {});
        CHECK(reply.status == 503);
        CHECK(reply.error() == "database-unavailable");
        // HEAD is GET without the body, so a kept-alive connection stays in step.
        const Reply head = client.send("HEAD", "/api/v1/reference/series");
        CHECK(head.status == 200);
        CHECK(head.body.isEmpty());
        CHECK(head.header("ETag") == client.get("/api/v1/reference/series").header("ETag"));

        const Reply health = client.get("/api/v1/health");
        CHECK(health.status == 503);
        CHECK(health.json().value("database").toString() == "unreachable");
    } else {
        // Another process holds the write lock past the server's busy timeout.
        QSqlDatabase db = server.openDatabase("lock-holder");
        {
            QSqlQuery lock(db);
            REQUIRE(lock.exec("BEGIN EXCLUSIVE"));
            const Reply reply = client.sendJson("POST", "/api/v1/auth/challenge", {});
            CHECK(reply.status == 503);
            CHECK(reply.error() == "database-unavailable");
            REQUIRE(lock.exec("ROLLBACK"));
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase("lock-holder");
        // The lock is gone: the same server carries on.
        CHECK(client.sendJson("POST", "/api/v1/auth/challenge", {}).status == 200);
    }
    CHECK_FALSE(server.log().contains("Segmentation"));
}
