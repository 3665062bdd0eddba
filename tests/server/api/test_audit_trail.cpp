// The audit trail: card and password logins (and their refusals), activation, account setup and
// changes, vacancy writes and résumé reads, each with the client's address; an agency card's
// entries name the card. GET /audit lists the caller's agency's entries.

#include "card_login.hpp"
#include "test_server.hpp"
#include "vacancy_test_support.hpp"

#include <QJsonArray>
#include <catch2/catch.hpp>

using namespace servertest;

namespace {

/// The agency's entries of one kind, newest first.
QJsonArray entries(const HttpClient& client, const QString& token, const QString& action)
{
    const Reply reply = client.get("/api/v1/audit?pageSize=100&action=" + action, token);
    INFO(action.toStdString() << ": " << reply.body.toStdString());
    REQUIRE(reply.status == 200);
    return reply.json().value("items").toArray();
}

QJsonObject only(const HttpClient& client, const QString& token, const QString& action)
{
    const QJsonArray rows = entries(client, token, action);
    INFO(action.toStdString());
    REQUIRE(rows.size() == 1);
    const QJsonObject row = rows.at(0).toObject();
    CHECK(row.value("remoteAddress").toString() == "127.0.0.1");
    return row;
}

} // namespace

TEST_CASE("Audit: logins, activation and account changes", "[server][audit]")
{
    TestServer server;
    const HttpClient client = server.client();
    const QString token = clerkSession(client); // card login, activation, account setup

    // The first card login was bound to nobody yet: it is in the database, not in a trail.
    CHECK(entries(client, token, "login.card").isEmpty());
    const QJsonObject activation = only(client, token, "account.activate");
    CHECK(activation.value("actor").toString() == "person#1");
    CHECK(activation.value("detail").toObject().value("card").toString().startsWith("王小明"));
    CHECK(only(client, token, "account.setup").value("target").toString() == "wang01");

    // The bound card logs in again: now the entry names the account.
    REQUIRE(cardLogin(client).status == 200);
    const QJsonObject again = only(client, token, "login.card");
    CHECK(again.value("actor").toString() == "wang01");
    CHECK(again.value("detail").toObject().value("kind").toString() == "citizen");

    // A forged token for the bound card: refused, and in the agency's trail.
    const QString nonce = challenge(client);
    const Reply forged = client.sendJson("POST", "/api/v1/auth/certificate",
        { { "nonce", nonce },
            { "authToken", loginToken("citizen-sign", "citizen-enc", testOrigin, nonce) } });
    REQUIRE(forged.error() == "signature-invalid");
    const QJsonObject refused = only(client, token, "login.card.refused");
    CHECK(refused.value("actor").toString() == "wang01");
    CHECK(refused.value("detail").toObject().value("error").toString() == "signature-invalid");

    // Password: a failure, then a success.
    REQUIRE(client
                .sendJson("POST", "/api/v1/auth/password",
                    { { "account", "wang01" }, { "password", "Wrong-passw0rd" } })
                .error()
        == "credentials-invalid");
    const QJsonObject failed = only(client, token, "login.password.refused");
    CHECK(failed.value("actor").toString() == "wang01");
    CHECK(failed.value("detail").toObject().value("error").toString() == "credentials-invalid");
    CHECK_FALSE(failed.value("detail").toObject().contains("password"));
    const QString password = passwordSession(client);
    CHECK(only(client, token, "login.password").value("actor").toString() == "wang01");

    // An account change says what changed, not the new values.
    REQUIRE(
        client
            .sendJson("PATCH", "/api/v1/account",
                { { "email", "new@test.gov.tw" }, { "currentPassword", clerkPassword } }, password)
            .status
        == 200);
    const QJsonObject change = only(client, token, "account.change").value("detail").toObject();
    CHECK(change.value("email").toBool());
    CHECK_FALSE(change.value("password").toBool());
    CHECK_FALSE(client.get("/api/v1/audit?pageSize=100", token).body.contains("new@test.gov.tw"));

    // An unknown name: refused, kept in the database only (no agency can be told).
    REQUIRE(client
                .sendJson("POST", "/api/v1/auth/password",
                    { { "account", "A223456789" }, { "password", "Wrong-passw0rd" } })
                .status
        == 401);
    CHECK(entries(client, token, "login.password.refused").size() == 1);
    CHECK_FALSE(client.get("/api/v1/audit?pageSize=100", token).body.contains("A223456789"));
}

TEST_CASE("Audit: vacancy writes, and an agency card's entries name the card", "[server][audit]")
{
    TestServer server;
    const HttpClient client = server.client();
    const QString agency = agencySession(client);

    const QJsonObject record = vacancytest::created(client, agency, vacancytest::vacancyBody(1));
    const QString id = record.value("vacancyId").toString();
    // Replace with the record as read, a new title.
    QJsonObject body = record;
    body.insert("title", QStringLiteral("書記（改）"));
    const Reply put = vacancytest::put(client, agency, id, body, vacancytest::etagOf(record));
    INFO(put.body.toStdString());
    REQUIRE(put.status == 200);
    const Reply removed = vacancytest::remove(client, agency, id, vacancytest::etagOf(put.json()));
    INFO(removed.body.toStdString());
    REQUIRE(removed.status < 300);

    for (const char* action : { "vacancy.create", "vacancy.update", "vacancy.withdraw" }) {
        const QJsonObject row = only(client, agency, action);
        CHECK(row.value("target").toString() == id);
        CHECK(row.value("actor").toString() == "agency:A29000000G");
        CHECK(row.value("cardHolder").toString().startsWith("測試機關 (serial "));
    }
    CHECK(only(client, agency, "vacancy.withdraw").value("detail").toObject().value("outcome")
        == "deleted"); // it was never published
    const QJsonObject login = only(client, agency, "login.card");
    CHECK(login.value("cardHolder").toString().startsWith("測試機關 (serial "));
    CHECK(login.value("detail").toObject().value("kind").toString() == "agency");
}
