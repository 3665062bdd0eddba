// Nothing stalls the service: a login waiting on its OCSP responder does not hold other requests,
// a full queue answers 503 at once, password floods are limited per client and in all while card
// logins go on, and the rows of made-up login names do not pile up.

#include "card_login.hpp"
#include "core/auth/auth_token.hpp"
#include "slow_peers.hpp"
#include "test_server.hpp"

#include <QSqlQuery>
#include <QUuid>
#include <catch2/catch.hpp>

using namespace servertest;

namespace {

ServerOptions blockingOcsp(const HoldingResponder& ocsp, QStringList more = {})
{
    ServerOptions options;
    options.ocspUrl = ocsp.url();
    // Far longer than any wait below: only release() ends the held exchange.
    options.extraArguments = QStringList { "--ocsp-timeout-ms", "60000" } + more;
    return options;
}

/// A citizen card login whose OCSP question the responder will hold.
std::unique_ptr<PendingReply> startCardLogin(const HttpClient& client)
{
    const QString nonce = challenge(client);
    const QJsonObject body = core::auth::certificateLoginRequest(
        nonce, loginToken("citizen-sign", "citizen-sign", testOrigin, nonce));
    return std::make_unique<PendingReply>(client, "POST", "/api/v1/auth/certificate",
        QJsonDocument(body).toJson(QJsonDocument::Compact),
        Headers { { "Content-Type", "application/json" } });
}

Reply passwordAttempt(const HttpClient& client, const QString& account, const QByteArray& from = {})
{
    Headers extra;
    if (!from.isEmpty())
        extra.append({ "X-Forwarded-For", from });
    return client.sendJson("POST", "/api/v1/auth/password",
        { { "account", account }, { "password", "Wrong-passw0rd!" } }, {}, extra);
}

QString someName()
{
    return "nobody" + QUuid::createUuid().toString(QUuid::Id128).left(12);
}

} // namespace

TEST_CASE("A card login waiting on OCSP does not hold other requests", "[server][limits]")
{
    HoldingResponder ocsp;
    TestServer server(blockingOcsp(ocsp));
    const HttpClient client = server.client();
    const QString token = clerkSession(client); // the responder closes at once: the CRL decides

    ocsp.hold();
    const auto login = startCardLogin(client);
    REQUIRE(ocsp.waitForHeld(1));

    const Reply health = client.get("/api/v1/health");
    CHECK(health.status == 200);
    const Reply list = client.get("/api/v1/vacancies", token);
    CHECK(list.status == 200);
    // Both were answered while the login was still waiting for its responder.
    CHECK_FALSE(login->isFinished());

    ocsp.release();
    REQUIRE(login->wait());
    const Reply done = login->result();
    INFO(done.body.toStdString());
    CHECK(done.status == 200); // no OCSP answer: the CRL says good
}

TEST_CASE("A full queue answers 503 server-busy with Retry-After at once", "[server][limits]")
{
    HoldingResponder ocsp;
    TestServer server(blockingOcsp(ocsp, { "--workers", "1", "--queue", "1" }));
    const HttpClient client = server.client();

    ocsp.hold();
    const auto login = startCardLogin(client); // takes the only worker
    REQUIRE(ocsp.waitForHeld(1));

    // One of the two waits in the queue, the other finds it full.
    PendingReply first(client, "GET", "/api/v1/health");
    PendingReply second(client, "GET", "/api/v1/health");
    REQUIRE(waitUntil([&] { return first.isFinished() || second.isFinished(); }));
    PendingReply& refused = first.isFinished() ? first : second;
    PendingReply& queued = first.isFinished() ? second : first;
    const Reply busy = refused.result();
    CHECK(busy.status == 503);
    CHECK(busy.error() == "server-busy");
    CHECK(busy.header("Retry-After") == "1");
    CHECK_FALSE(queued.isFinished());
    CHECK_FALSE(login->isFinished());

    ocsp.release();
    REQUIRE(login->wait());
    CHECK(login->result().status == 200);
    REQUIRE(queued.wait());
    CHECK(queued.result().status == 200);
}

TEST_CASE(
    "A password flood is limited per client and in all; card logins go on", "[server][limits]")
{
    ServerOptions options;
    options.extraArguments
        = { "--behind-proxy", "--password-client-limit", "2", "--password-global-limit", "3" };
    TestServer server(options);
    const HttpClient client = server.client();

    // One client floods: two tries a minute, then 429 with the wait.
    QList<int> flood;
    Reply limited;
    for (int i = 0; i < 5; ++i) {
        const Reply reply = passwordAttempt(client, someName(), "203.0.113.7");
        flood.append(reply.status);
        if (reply.status == 429)
            limited = reply;
    }
    CHECK(flood.first() == 401);
    REQUIRE(flood.contains(429));
    CHECK(limited.error() == "too-many-attempts");
    CHECK(limited.header("Retry-After").toInt() >= 1);
    CHECK(limited.json().value("retryAfterSeconds").toInt() >= 1);

    // Behind the proxy the next address is another client, until the service-wide limit.
    const Reply other = passwordAttempt(client, someName(), "198.51.100.1");
    CHECK(other.status == 401);
    bool globalLimit = false;
    for (int i = 2; i < 12 && !globalLimit; ++i) {
        const QByteArray from = "198.51.100." + QByteArray::number(i);
        globalLimit = passwordAttempt(client, someName(), from).status == 429;
    }
    CHECK(globalLimit);

    // A card login hashes no password: it is not held back.
    const Reply card = cardLogin(client);
    INFO(card.body.toStdString());
    CHECK(card.status == 200);
}

TEST_CASE("Without --behind-proxy X-Forwarded-For is not believed", "[server][limits]")
{
    ServerOptions options;
    options.extraArguments = { "--password-client-limit", "1" };
    TestServer server(options);
    const HttpClient client = server.client();
    CHECK(passwordAttempt(client, someName(), "203.0.113.1").status == 401);
    const Reply second = passwordAttempt(client, someName(), "203.0.113.2");
    CHECK(second.status == 429);
    CHECK(second.error() == "too-many-attempts");
}

TEST_CASE("The throttle rows of made-up names are forgotten", "[server][limits]")
{
    TestServer server;
    const HttpClient client = server.client();
    {
        QSqlDatabase db = server.openDatabase("throttle-rows");
        QSqlQuery insert(db);
        // Quiet since long ago: an unknown name's row may go, a person's stays.
        for (const char* key : { "unknown:stale", "person:999" })
            REQUIRE(insert.exec(QStringLiteral("INSERT INTO login_throttle (login_key, failures, "
                                               "next_allowed_at, locked_until, last_failure_at) "
                                               "VALUES ('%1', 2, 0, 0, 1)")
                                    .arg(key)));
        db.close();
    }
    QSqlDatabase::removeDatabase("throttle-rows");

    CHECK(passwordAttempt(client, someName()).status == 401);

    QSqlDatabase db = server.openDatabase("throttle-check");
    {
        QSqlQuery rows(db);
        REQUIRE(rows.exec("SELECT login_key FROM login_throttle ORDER BY login_key"));
        QStringList keys;
        while (rows.next())
            keys.append(rows.value(0).toString());
        REQUIRE(keys.size() == 2);
        CHECK(keys.contains("person:999"));
        CHECK_FALSE(keys.contains("unknown:stale"));
        CHECK(keys.filter("unknown:").size() == 1); // the attempt just made
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase("throttle-check");
}
