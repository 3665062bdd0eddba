// Connections cannot hold the server: a cap on open connections, a time limit for sending a
// request (slowloris), HTTP/1.0 answered and closed, and plain HTTP refused off loopback.

#include "slow_peers.hpp"
#include "test_server.hpp"

#include <QProcess>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

using namespace servertest;

namespace {

const QByteArray healthRequest = "GET /api/v1/health HTTP/1.1\r\nHost: test\r\n\r\n";

ServerOptions withArguments(QStringList arguments)
{
    ServerOptions options;
    options.extraArguments = std::move(arguments);
    return options;
}

} // namespace

TEST_CASE("Connections over the cap get 503 and are closed", "[server][limits]")
{
    TestServer server(withArguments({ "--max-connections", "2", "--request-timeout", "3600" }));
    // Two kept-alive connections, each answered once, so the server surely counts them.
    RawConnection first(server.baseUrl());
    RawConnection second(server.baseUrl());
    for (RawConnection* connection : { &first, &second }) {
        connection->send(healthRequest);
        REQUIRE(connection->waitForAnswers(1));
        CHECK(connection->received().startsWith("HTTP/1.1 200"));
    }

    RawConnection third(server.baseUrl());
    REQUIRE(third.waitForClose());
    CHECK(third.received().startsWith("HTTP/1.1 503"));
    CHECK(third.received().contains("server-busy"));
    CHECK(third.received().contains("Retry-After: 1"));
    CHECK(first.isOpen());

    // A place frees up when a connection goes.
    first.close();
    bool admitted = false;
    for (int i = 0; i < 100 && !admitted; ++i)
        admitted = server.client().get("/api/v1/health").status == 200;
    CHECK(admitted);
}

TEST_CASE(
    "A client that sends half a header is cut off after the request timeout", "[server][limits]")
{
    TestServer server(withArguments({ "--request-timeout", "1" }));
    RawConnection slow(server.baseUrl());
    slow.send("GET /api/v1/health HTTP/1.1\r\nHost: te");
    REQUIRE(slow.waitForClose());
    CHECK(slow.received().isEmpty());

    RawConnection idle(server.baseUrl()); // sends nothing at all
    REQUIRE(idle.waitForClose());

    // An answered keep-alive connection is closed once idle for as long.
    RawConnection done(server.baseUrl());
    done.send(healthRequest);
    REQUIRE(done.waitForAnswers(1));
    REQUIRE(done.waitForClose());
    CHECK(server.client().get("/api/v1/health").status == 200);
}

TEST_CASE("HTTP/1.0 gets its answer and a close unless it asks to keep alive", "[server][http]")
{
    // The request timeout is far away: only the end of the answer may close these.
    TestServer server(withArguments({ "--request-timeout", "3600" }));

    RawConnection plain(server.baseUrl());
    plain.send("GET /api/v1/health HTTP/1.0\r\n\r\n");
    REQUIRE(plain.waitForClose());
    CHECK(plain.received().startsWith("HTTP/1.1 200"));
    CHECK(plain.received().contains("Connection: close"));
    CHECK(plain.received().contains("\"database\""));

    RawConnection kept(server.baseUrl());
    kept.send("GET /api/v1/health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
    REQUIRE(kept.waitForAnswers(1));
    CHECK(kept.received().contains("Connection: keep-alive"));
    kept.send("GET /api/v1/health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
    REQUIRE(kept.waitForAnswers(2));
    CHECK(kept.isOpen());

    RawConnection closing(server.baseUrl());
    closing.send("GET /api/v1/health HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
    REQUIRE(closing.waitForClose());
    CHECK(closing.received().startsWith("HTTP/1.1 200"));

    // Pipelined requests are answered in the order they came, also with several workers.
    RawConnection pipelined(server.baseUrl());
    pipelined.send("GET /api/v1/reference/series HTTP/1.1\r\nHost: test\r\n\r\n" + healthRequest
        + "GET /api/v1/nothing-here HTTP/1.1\r\nHost: test\r\n\r\n");
    REQUIRE(pipelined.waitForAnswers(3));
    const QByteArray& answers = pipelined.received();
    const qsizetype series = answers.indexOf("ETag:"); // only the code list has one
    const qsizetype health = answers.indexOf("\"database\"");
    CHECK(series > 0);
    CHECK(health > series);
    CHECK(answers.indexOf("HTTP/1.1 404") > health);
}

TEST_CASE("Plain HTTP off loopback needs --behind-proxy", "[server][limits]")
{
    QTemporaryDir dir;
    QProcess refused;
    refused.start(qEnvironmentVariable("SHIQIUREN_SERVER_BIN"),
        { "--listen", "0.0.0.0:0", "--db", dir.filePath("db.sqlite"), "--origin", testOrigin,
            "--trust", pkiPath("trust") });
    REQUIRE(refused.waitForFinished(30000));
    CHECK(refused.exitCode() == 1);
    const QString error = QString::fromUtf8(refused.readAllStandardError());
    CHECK(error.contains("plain HTTP on 0.0.0.0"));
    CHECK(error.contains("--behind-proxy"));

    TestServer proxied(withArguments({ "--listen", "0.0.0.0:0", "--behind-proxy" }));
    CHECK(proxied.client().get("/api/v1/health").status == 200);
}
