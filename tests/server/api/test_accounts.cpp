// First-time activation (the seed's three outcomes), account setup and the password rule,
// password login with throttling and lockout, account changes, sessions and logout.

#include "card_login.hpp"
#include "test_server.hpp"

#include <QSqlQuery>
#include <QThread>
#include <catch2/catch.hpp>

using namespace servertest;

namespace {

QString activationTicket(const HttpClient& client)
{
    const Reply login = cardLogin(client);
    REQUIRE(login.status == 200);
    REQUIRE(login.json().value("activationRequired").toBool());
    return login.json().value("activationTicket").toString();
}

Reply activate(const HttpClient& client, const QString& ticket, const QString& who)
{
    return client.sendJson("POST", "/api/v1/auth/activate",
        { { "activationTicket", ticket }, { "accountOrIdNumber", who } });
}

Reply passwordLogin(const HttpClient& client, const QString& account, const QString& password)
{
    return client.sendJson(
        "POST", "/api/v1/auth/password", { { "account", account }, { "password", password } });
}

QString tokenOf(const Reply& reply)
{
    return reply.json().value("session").toObject().value("token").toString();
}

} // namespace

TEST_CASE("Activation answers the seed's three outcomes", "[server][accounts]")
{
    TestServer server;
    const HttpClient client = server.client();
    const QString ticket = activationTicket(client);

    const Reply unknown = activate(client, ticket, "Z999999999");
    CHECK(unknown.status == 404);
    CHECK(unknown.error() == "person-not-found");
    CHECK(unknown.json().value("message").toString().contains("公務人力資料庫"));

    const Reply retired = activate(client, ticket, "B223456782"); // 林退休, 卸職
    CHECK(retired.status == 403);
    CHECK(retired.error() == "person-inactive");

    const Reply otherPerson = activate(client, ticket, "chen01"); // 陳同事 by custom account
    CHECK(otherPerson.status == 403);
    CHECK(otherPerson.error() == "certificate-owner-mismatch");

    // Same name, other ID number: the last four digits on the card decide.
    const Reply namesake = activate(client, ticket, "A298765437");
    CHECK(namesake.error() == "certificate-owner-mismatch");

    const Reply ok = activate(client, ticket, "a123456789"); // any case
    INFO(ok.body.toStdString());
    REQUIRE(ok.status == 200);
    CHECK(ok.json().value("accountSetupRequired").toBool());
    CHECK(ok.json().value("assurance").toString() == "certificate");

    // A ticket works once.
    CHECK(activate(client, ticket, "A123456789").error() == "activation-ticket-invalid");
}

TEST_CASE("An activation ticket allows five tries", "[server][accounts]")
{
    TestServer server;
    const HttpClient client = server.client();
    const QString ticket = activationTicket(client);
    for (int i = 0; i < 5; ++i)
        CHECK(activate(client, ticket, "Z999999999").error() == "person-not-found");
    CHECK(activate(client, ticket, "A123456789").error() == "activation-ticket-invalid");
    CHECK(activate(client, "made-up", "A123456789").error() == "activation-ticket-invalid");
}

TEST_CASE("Until the account is set up, only the setup works", "[server][accounts]")
{
    TestServer server;
    const HttpClient client = server.client();
    const Reply activated = activate(client, activationTicket(client), "A123456789");
    const QString token = tokenOf(activated);

    const Reply blocked
        = client.sendJson("PATCH", "/api/v1/account", { { "phone", "1234" } }, token);
    CHECK(blocked.status == 403);
    CHECK(blocked.error() == "account-setup-required");
    CHECK(
        blocked.json().value("message").toString() == "請先設定自訂帳號後才能使用本系統其他服務。");
    CHECK(client.get("/api/v1/account", token).status == 200);

    auto setup = [&](const QString& account, const QString& email, const QString& password) {
        return client.sendJson("PUT", "/api/v1/account",
            { { "account", account }, { "email", email }, { "password", password } }, token);
    };

    SECTION("each part of the password rule")
    {
        const QList<QPair<QString, QString>> cases {
            { "Ab1!", "too-short" },
            { "12345678!", "needs-letter" },
            { "abcdefgh!", "needs-digit" },
            { "abcdefg12", "needs-symbol" },
            { "abcdef12!%", "forbidden-character" },
            { "abcdef12!&", "forbidden-character" },
            { "abcdef12!+", "forbidden-character" },
            { "abcdef12!*", "forbidden-character" },
            { "abcdef12!?", "forbidden-character" },
            { "abcdef12!<", "forbidden-character" },
            { "abcdef12!>", "forbidden-character" },
            { "abcdef12!\\", "forbidden-character" },
            { "abcdef12!/", "forbidden-character" },
        };
        for (const auto& [password, failure] : cases) {
            const Reply reply = setup("wang01", "wang@test.gov.tw", password);
            INFO(password.toStdString() << " → " << reply.body.toStdString());
            CHECK(reply.status == 422);
            CHECK(reply.error() == "password-policy");
            CHECK(reply.json()
                      .value("fields")
                      .toObject()
                      .value("password")
                      .toArray()
                      .contains(failure));
        }
        const Reply several = setup("wang01", "wang@test.gov.tw", "abc");
        const QJsonArray parts
            = several.json().value("fields").toObject().value("password").toArray();
        CHECK(parts.contains("too-short"));
        CHECK(parts.contains("needs-digit"));
        CHECK(parts.contains("needs-symbol"));
    }
    SECTION("account name and e-mail")
    {
        CHECK(setup("ab", "wang@test.gov.tw", clerkPassword).error() == "validation-failed");
        CHECK(
            setup("A123456789", "wang@test.gov.tw", clerkPassword).error() == "validation-failed");
        CHECK(setup("wang01", "not-an-email", clerkPassword).error() == "validation-failed");
        const Reply taken = setup("CHEN01", "wang@test.gov.tw", clerkPassword);
        CHECK(taken.status == 409);
        CHECK(taken.error() == "account-taken");
    }
    SECTION("done once")
    {
        REQUIRE(setup("wang01", "wang@test.gov.tw", clerkPassword).status == 200);
        CHECK(client.sendJson("PATCH", "/api/v1/account", { { "phone", "1234" } }, token).status
            == 200);
        const Reply twice = setup("wang02", "wang@test.gov.tw", clerkPassword);
        CHECK(twice.status == 409);
        CHECK(twice.error() == "account-already-set-up");
    }
}

TEST_CASE("Password login by account or ID number, read-only for vacancies", "[server][accounts]")
{
    TestServer server;
    const HttpClient client = server.client();
    clerkSession(client, "wang01");

    const Reply byAccount = passwordLogin(client, "WANG01", clerkPassword);
    REQUIRE(byAccount.status == 200);
    CHECK(byAccount.json().value("assurance").toString() == "password");
    const Reply byId = passwordLogin(client, "A123456789", clerkPassword);
    REQUIRE(byId.status == 200);
    const Reply legacy = passwordLogin(client, "chen01", "Chen!2345");
    CHECK(legacy.status == 200);

    const Reply wrong = passwordLogin(client, "wang01", "Wrong!123");
    CHECK(wrong.status == 401);
    CHECK(wrong.error() == "credentials-invalid");
    const Reply nobody = passwordLogin(client, "nobody", "Wrong!123");
    CHECK(nobody.status == 401);
    CHECK(nobody.error() == "credentials-invalid");
}

TEST_CASE("Password failures slow down, then lock the account", "[server][accounts]")
{
    TestServer server({ .extraArguments = { "--password-lockout", "3" } });
    const HttpClient client = server.client();

    CHECK(passwordLogin(client, "chen01", "Wrong!001").error() == "credentials-invalid");
    CHECK(passwordLogin(client, "chen01", "Wrong!002").error() == "credentials-invalid");
    CHECK(passwordLogin(client, "chen01", "Wrong!003").error() == "credentials-invalid");
    // The third failure asks for a pause: trying at once is refused without counting.
    const Reply hurried = passwordLogin(client, "chen01", "Chen!2345");
    CHECK(hurried.status == 429);
    CHECK(hurried.error() == "too-many-attempts");
    CHECK(hurried.header("Retry-After").toInt() >= 1);

    QThread::msleep(1100);
    CHECK(passwordLogin(client, "chen01", "Wrong!004").error() == "credentials-invalid");
    QThread::msleep(2100);
    CHECK(passwordLogin(client, "chen01", "Wrong!005").error() == "credentials-invalid");
    // Five failures: locked, the right password too, by ID number too.
    const Reply locked = passwordLogin(client, "chen01", "Chen!2345");
    CHECK(locked.status == 429);
    CHECK(locked.header("Retry-After").toInt() >= 1);
    CHECK(passwordLogin(client, "F128765439", "Chen!2345").status == 429);

    QThread::msleep(3100);
    CHECK(passwordLogin(client, "chen01", "Chen!2345").status == 200);
    // Success cleared the record: a new failure starts from one.
    CHECK(passwordLogin(client, "chen01", "Wrong!006").error() == "credentials-invalid");
    CHECK(passwordLogin(client, "chen01", "Chen!2345").status == 200);
}

TEST_CASE("Account changes need the current password on a password session", "[server][accounts]")
{
    TestServer server;
    const HttpClient client = server.client();
    const QString card = clerkSession(client, "wang01");
    const QString password = passwordSession(client, "wang01");

    const Reply bare
        = client.sendJson("PATCH", "/api/v1/account", { { "email", "new@test.gov.tw" } }, password);
    CHECK(bare.status == 403);
    CHECK(bare.error() == "current-password-required");
    const Reply wrong = client.sendJson("PATCH", "/api/v1/account",
        { { "email", "new@test.gov.tw" }, { "currentPassword", "Nope!1234" } }, password);
    CHECK(wrong.error() == "current-password-invalid");
    const Reply right = client.sendJson("PATCH", "/api/v1/account",
        { { "email", "new@test.gov.tw" }, { "phone", "02-1234" },
            { "currentPassword", clerkPassword } },
        password);
    REQUIRE(right.status == 200);
    CHECK(right.json().value("email").toString() == "new@test.gov.tw");

    // The card session changes the password without the old one; the rule still applies.
    CHECK(client.sendJson("PATCH", "/api/v1/account", { { "newPassword", "short" } }, card).error()
        == "password-policy");
    REQUIRE(client.sendJson("PATCH", "/api/v1/account", { { "newPassword", "N3w!Passw0rd" } }, card)
                .status
        == 200);
    CHECK(passwordLogin(client, "wang01", clerkPassword).error() == "credentials-invalid");
    CHECK(passwordLogin(client, "wang01", "N3w!Passw0rd").status == 200);
    // The old password session ended with the old password.
    CHECK(client.get("/api/v1/account", password).error() == "unauthenticated");
}

TEST_CASE("Sessions: logout, idle and absolute expiry, stored hashed", "[server][accounts]")
{
    TestServer server({ .extraArguments = { "--session-idle", "2", "--session-absolute", "6" } });
    const HttpClient client = server.client();
    const QString token = clerkSession(client, "wang01");

    SECTION("logout ends the session")
    {
        CHECK(client.sendJson("POST", "/api/v1/auth/logout", {}, token).status == 204);
        CHECK(client.get("/api/v1/account", token).error() == "unauthenticated");
    }
    SECTION("idle expiry")
    {
        QThread::msleep(2300);
        const Reply late = client.get("/api/v1/account", token);
        CHECK(late.status == 401);
        CHECK(late.error() == "session-expired");
    }
    SECTION("absolute expiry, even when active")
    {
        // Requests 0.6 s apart keep it from idling out past the 2 s idle limit, until the
        // absolute limit ends it (the session was made before setup, whose hashing takes a
        // while on a busy machine: count the refreshes instead of assuming when it ends).
        int refreshed = 0;
        Reply reply = client.get("/api/v1/account", token);
        while (reply.status == 200 && refreshed < 30) {
            ++refreshed;
            QThread::msleep(600);
            reply = client.get("/api/v1/account", token);
        }
        CHECK(refreshed >= 4); // alive for longer than the idle limit
        CHECK(reply.error() == "session-expired");
    }
    SECTION("only the hash is stored")
    {
        QSqlDatabase db = server.openDatabase("sessions-check");
        {
            QSqlQuery rows(db);
            REQUIRE(rows.exec("SELECT token_hash FROM sessions"));
            int count = 0;
            while (rows.next()) {
                ++count;
                CHECK(rows.value(0).toString() != token);
                CHECK(rows.value(0).toString().size() == 64);
            }
            CHECK(count >= 1);
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase("sessions-check");
    }
    SECTION("forged and missing tokens")
    {
        CHECK(client.get("/api/v1/account").error() == "unauthenticated");
        CHECK(client.get("/api/v1/account", "forged-token").error() == "unauthenticated");
        CHECK(client.get("/api/v1/account", {}, { { "Authorization", "Basic abc" } }).error()
            == "unauthenticated");
    }
}

TEST_CASE("The request log names no secret", "[server][accounts]")
{
    TestServer server;
    const HttpClient client = server.client();
    const QString card = clerkSession(client, "wang01");
    const QString password = passwordSession(client, "wang01");
    passwordLogin(client, "A123456789", "Wrong!999");
    client.get("/api/v1/account", card);
    const QString log = server.log();
    CHECK(log.contains("POST /api/v1/auth/password"));
    CHECK(log.contains("wang01"));
    CHECK_FALSE(log.contains(card));
    CHECK_FALSE(log.contains(password));
    CHECK_FALSE(log.contains(clerkPassword));
    CHECK_FALSE(log.contains("Wrong!999"));
    CHECK_FALSE(log.contains("A123456789"));
    CHECK_FALSE(log.contains("123456789"));
}
