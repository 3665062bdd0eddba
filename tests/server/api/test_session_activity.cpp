// Sessions follow the person, not the moment of login: background sync does not keep them
// alive, the personnel record's agency and status apply on every request, and a password hash
// made with older scrypt parameters is replaced at the next login.

#include "card_login.hpp"
#include "server/accounts/password_hash.hpp"
#include "test_server.hpp"

#include <QSqlQuery>
#include <catch2/catch.hpp>

using namespace servertest;

namespace {

const Headers background { { "Shiqiuren-Activity", "background" } };

/// Runs `sql` with `binds` on the server's database (a second connection, closed after).
QVariant onDatabase(const TestServer& server, const QString& sql, const QVariantMap& binds = {})
{
    QVariant first;
    {
        QSqlDatabase db = server.openDatabase("session-activity");
        {
            QSqlQuery query(db);
            REQUIRE(query.prepare(sql));
            for (auto it = binds.begin(); it != binds.end(); ++it)
                query.bindValue(u':' + it.key(), it.value());
            INFO(sql.toStdString());
            REQUIRE(query.exec());
            if (query.next())
                first = query.value(0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase("session-activity");
    return first;
}

qint64 lastSeen(const TestServer& server)
{
    return onDatabase(server, "SELECT MAX(last_seen_at) FROM sessions").toLongLong();
}

} // namespace

TEST_CASE("Background calls do not keep a session alive", "[server][accounts][sessions]")
{
    // Idle time is made by moving last_seen_at back in the database, not by waiting: a busy
    // machine must not expire the session before the test means it to.
    TestServer server(
        { .extraArguments = { "--session-idle", "600", "--session-absolute", "3600" } });
    const HttpClient client = server.client();
    const QString token = clerkSession(client);
    // Only this session from now on.
    onDatabase(server,
        "DELETE FROM sessions WHERE last_seen_at < (SELECT MAX(last_seen_at) "
        "FROM sessions)");
    const auto idleFor = [&server](qint64 seconds) {
        onDatabase(server, "UPDATE sessions SET last_seen_at = last_seen_at - :ms",
            { { "ms", seconds * 1000 } });
    };

    idleFor(60);
    const qint64 before = lastSeen(server);
    REQUIRE(client.get("/api/v1/changes", token, background).status == 200);
    CHECK(lastSeen(server) == before);
    REQUIRE(client.get("/api/v1/account", token).status == 200);
    CHECK(lastSeen(server) > before);

    // Polled in the background only, the session runs out after --session-idle.
    idleFor(590);
    REQUIRE(client.get("/api/v1/changes", token, background).status == 200);
    idleFor(20);
    const Reply poll = client.get("/api/v1/changes", token, background);
    CHECK(poll.status == 401);
    CHECK(poll.error() == "session-expired");
    const Reply late = client.get("/api/v1/account", token);
    CHECK(late.status == 401);
    CHECK(late.error() == "session-expired");
}

TEST_CASE("A session follows the person's record", "[server][accounts][sessions]")
{
    TestServer server;
    const HttpClient client = server.client();
    const QString card = clerkSession(client);
    const QString password = passwordSession(client);

    SECTION("moved to another agency: the next request works for that agency")
    {
        onDatabase(
            server, "UPDATE persons SET agency_code = 'A12000000X' WHERE account = 'wang01'");
        for (const QString& token : { card, password }) {
            const Reply account = client.get("/api/v1/account", token);
            REQUIRE(account.status == 200);
            CHECK(account.json().value("agency").toObject().value("code") == "A12000000X");
            // The vacancy list is the new agency's: 他機關's published vacancy is there.
            const Reply list = client.get("/api/v1/vacancies", token);
            REQUIRE(list.status == 200);
            CHECK(list.body.contains("1140600001"));
        }
    }
    SECTION("left service: refused")
    {
        onDatabase(server, "UPDATE persons SET active = 0 WHERE account = 'wang01'");
        for (const QString& token : { card, password }) {
            const Reply reply = client.get("/api/v1/account", token);
            CHECK(reply.status == 403);
            CHECK(reply.error() == "person-inactive");
        }
    }
    SECTION("gone from the personnel database: the session ends")
    {
        onDatabase(server, "DELETE FROM persons WHERE account = 'wang01'");
        for (const QString& token : { card, password }) {
            const Reply reply = client.get("/api/v1/account", token);
            CHECK(reply.status == 401);
            CHECK(reply.error() == "session-expired");
        }
        CHECK(
            onDatabase(server, "SELECT COUNT(*) FROM sessions WHERE person_id <> 0").toInt() == 0);
    }
}

TEST_CASE("Passwords: scrypt N = 2^17, older hashes upgraded at the next login",
    "[server][accounts][passwords]")
{
    TestServer server;
    const HttpClient client = server.client();
    clerkSession(client);
    const QString stored
        = onDatabase(server, "SELECT password_hash FROM persons WHERE account = 'wang01'")
              .toString();
    CHECK(stored.startsWith("scrypt$131072$8$1$"));

    // A hash from before: N = 2^14.
    const QString old = server::accounts::hashPasswordWith(clerkPassword, 1u << 14, 8, 1);
    onDatabase(
        server, "UPDATE persons SET password_hash = :h WHERE account = 'wang01'", { { "h", old } });
    passwordSession(client);
    const QString upgraded
        = onDatabase(server, "SELECT password_hash FROM persons WHERE account = 'wang01'")
              .toString();
    CHECK(upgraded != old);
    CHECK(upgraded.startsWith("scrypt$131072$8$1$"));
    CHECK(server::accounts::passwordMatches(clerkPassword, upgraded));
    // And the new hash logs in; it is not rewritten again.
    passwordSession(client);
    CHECK(
        onDatabase(server, "SELECT password_hash FROM persons WHERE account = 'wang01'").toString()
        == upgraded);
    CHECK_FALSE(server::accounts::needsRehash(upgraded));
    CHECK(server::accounts::needsRehash(old));
}
