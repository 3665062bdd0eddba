// Two server instances on one PostgreSQL, as behind a load balancer: what one instance does, the
// other must honour — idempotency keys, login nonces, sessions and password throttling.

#include "../api/vacancy_test_support.hpp"
#include "card_login.hpp"
#include "concurrent_requests.hpp"
#include "core/auth/auth_token.hpp"
#include "test_server.hpp"

#include <QSqlQuery>
#include <QThread>
#include <algorithm>

using namespace servertest;
using namespace scaletest;
using namespace vacancytest;

namespace {

/// Two instances on one fresh PostgreSQL database.
struct Pair {
    TestServer a;
    std::unique_ptr<TestServer> b = a.sibling();
    HttpClient clientA = a.client();
    HttpClient clientB = b->client();
};

QVariant direct(const QSqlDatabase& db, const QString& sql, const QVariantMap& binds = {})
{
    QSqlQuery query(db);
    REQUIRE(query.prepare(sql));
    for (auto it = binds.begin(); it != binds.end(); ++it)
        query.bindValue(it.key(), it.value());
    INFO(sql.toStdString());
    REQUIRE(query.exec());
    return query.next() ? query.value(0) : QVariant();
}

Request passwordTry(const TestServer& server, const QString& password)
{
    return jsonRequest(server.baseUrl() + "/api/v1/auth/password", "POST",
        compact({ { "account", "chen01" }, { "password", password } }));
}

} // namespace

TEST_CASE("scale-out: one Idempotency-Key sent to both instances at once makes one vacancy",
    "[server][scaleout]")
{
    Pair pair;
    REQUIRE(pair.a.isPostgres());
    const QString token = clerkSession(pair.clientA);
    const auto total = [&] { return list(pair.clientB, token, "scope=current").value("total"); };

    for (int round = 0; round < 6; ++round) {
        INFO("round " << round);
        const int before = total().toInt();
        const QByteArray key = newKey();
        const QByteArray body = compact(vacancyBody(1));
        const Headers headers { { "Idempotency-Key", key } };
        const QList<Reply> answers = sendTogether(
            { jsonRequest(pair.a.baseUrl() + "/api/v1/vacancies", "POST", body, token, headers),
                jsonRequest(
                    pair.b->baseUrl() + "/api/v1/vacancies", "POST", body, token, headers) });
        INFO(answers[0].body.toStdString() << " / " << answers[1].body.toStdString());
        // The contract: the first does the work (201); the other gets the stored answer
        // replayed (201, Idempotent-Replayed) or, while the first is still working, 409
        // idempotency-key-in-flight with Retry-After.
        QList<QByteArray> created;
        for (const Reply& reply : answers) {
            if (reply.status == 409) {
                CHECK(reply.error() == "idempotency-key-in-flight");
                CHECK_FALSE(reply.header("Retry-After").isEmpty());
                continue;
            }
            REQUIRE(reply.status == 201);
            created.append(reply.body);
        }
        REQUIRE_FALSE(created.isEmpty());
        CHECK(std::all_of(created.begin(), created.end(),
            [&](const QByteArray& bytes) { return bytes == created.first(); }));
        // Exactly one instance did the work.
        CHECK(std::count_if(answers.begin(), answers.end(), [](const Reply& r) {
            return r.status == 201 && r.header("Idempotent-Replayed").isEmpty();
        }) == 1);
        // Retries on either instance replay the one answer.
        for (const HttpClient* client : { &pair.clientA, &pair.clientB }) {
            const Reply retry = client->send("POST", "/api/v1/vacancies", body,
                { { "Content-Type", "application/json" }, bearer(token),
                    { "Idempotency-Key", key } });
            CHECK(retry.status == 201);
            CHECK(retry.header("Idempotent-Replayed") == "true");
            CHECK(retry.body == created.first());
        }
        CHECK(total().toInt() == before + 1);
    }
}

TEST_CASE(
    "scale-out: a nonce issued by one instance is spent once across both", "[server][scaleout]")
{
    Pair pair;
    REQUIRE(pair.a.isPostgres());

    // Issued by A, used on B: the nonce is in the shared database, not in A's memory.
    const QString nonce = challenge(pair.clientA);
    const QJsonObject login = core::auth::certificateLoginRequest(
        nonce, loginToken("agency-sign", "agency-sign", testOrigin, nonce));
    const Reply onB = pair.clientB.sendJson("POST", "/api/v1/auth/certificate", login);
    INFO(onB.body.toStdString());
    CHECK(onB.status == 200);
    // Spent: neither instance takes it again.
    CHECK(pair.clientA.sendJson("POST", "/api/v1/auth/certificate", login).error()
        == "nonce-invalid");
    CHECK(pair.clientB.sendJson("POST", "/api/v1/auth/certificate", login).error()
        == "nonce-invalid");

    // One signed token sent to both at once: exactly one session.
    for (int round = 0; round < 4; ++round) {
        INFO("round " << round);
        const QString fresh = challenge(round % 2 ? pair.clientA : pair.clientB);
        const QByteArray body = compact(core::auth::certificateLoginRequest(
            fresh, loginToken("agency-sign", "agency-sign", testOrigin, fresh)));
        const QList<Reply> answers = sendTogether(
            { jsonRequest(pair.a.baseUrl() + "/api/v1/auth/certificate", "POST", body),
                jsonRequest(pair.b->baseUrl() + "/api/v1/auth/certificate", "POST", body) });
        QList<int> statuses { answers[0].status, answers[1].status };
        std::sort(statuses.begin(), statuses.end());
        INFO(answers[0].body.toStdString() << " / " << answers[1].body.toStdString());
        CHECK(statuses == QList<int> { 200, 401 });
        const Reply& refused = answers[0].status == 401 ? answers[0] : answers[1];
        CHECK(refused.error() == "nonce-invalid");
    }
}

TEST_CASE("scale-out: a session made on one instance works on the other", "[server][scaleout]")
{
    Pair pair;
    REQUIRE(pair.a.isPostgres());
    const QString card = clerkSession(pair.clientA); // activation and setup on A
    const QString password = passwordSession(pair.clientB); // the account A set up, on B

    for (const QString& token : { card, password }) {
        CHECK(pair.clientA.get("/api/v1/account", token).status == 200);
        CHECK(pair.clientB.get("/api/v1/account", token).status == 200);
    }
    // A vacancy written through B is A's to read and change.
    const QJsonObject made = created(pair.clientB, card, vacancyBody(1));
    const QString id = made.value("vacancyId").toString();
    QJsonObject changed = vacancyBody(1);
    changed.insert("title", QStringLiteral("視察"));
    CHECK(put(pair.clientA, card, id, changed, etagOf(made)).status == 200);
    CHECK(record(pair.clientB, card, id).value("title") == "視察");

    // Logging out on B ends the session on A too.
    CHECK(pair.clientB.send("POST", "/api/v1/auth/logout", {}, { bearer(card) }).status == 204);
    CHECK(pair.clientA.get("/api/v1/account", card).status == 401);
    CHECK(pair.clientA.get("/api/v1/account", password).status == 200);
}

TEST_CASE("scale-out: password failures count across both instances", "[server][scaleout]")
{
    Pair pair;
    REQUIRE(pair.a.isPostgres());
    const QString connection = QStringLiteral("scaleout-throttle");
    {
        QSqlDatabase holder = pair.a.openDatabase(connection);
        QSqlDatabase watcher = pair.a.openDatabase(connection + "-watch");
        const QString key
            = QStringLiteral("person:%1")
                  .arg(direct(holder, "SELECT id FROM persons WHERE account = 'chen01'")
                           .toLongLong());
        const auto failures = [&] {
            return direct(watcher, "SELECT failures FROM login_throttle WHERE login_key = :k",
                { { ":k", key } })
                .toInt();
        };
        CHECK(pair.clientA
                  .sendJson("POST", "/api/v1/auth/password",
                      { { "account", "chen01" }, { "password", "Wrong!001" } })
                  .error()
            == "credentials-invalid");
        REQUIRE(failures() == 1);

        // Force the race: the test holds the throttle row, so a failure on A and one on B both
        // reach the count before either may write it. Both must count.
        REQUIRE(holder.transaction());
        direct(holder, "SELECT failures FROM login_throttle WHERE login_key = :k FOR UPDATE",
            { { ":k", key } });
        AsyncClient async;
        const auto onA = async.start(passwordTry(pair.a, "Wrong!002"));
        const auto onB = async.start(passwordTry(*pair.b, "Wrong!003"));
        waitUntil([&] { return backendsWaitingForLocks(watcher) == 2; },
            "both instances to wait for the throttle row");
        REQUIRE(holder.commit());
        waitUntil([&] { return async.pending() == 0; }, "both answers");
        CHECK(onA->error() == "credentials-invalid");
        CHECK(onB->error() == "credentials-invalid");
        CHECK(failures() == 3);

        // On to the lockout (the fifth failure), alternating instances and honouring the pauses
        // the third and fourth failures ask for.
        for (int attempt = 0; attempt < 10 && failures() < 5; ++attempt) {
            const HttpClient& client = attempt % 2 ? pair.clientA : pair.clientB;
            const Reply reply = client.sendJson("POST", "/api/v1/auth/password",
                { { "account", "chen01" }, { "password", "Wrong!004" } });
            if (reply.status == 429)
                QThread::sleep(reply.header("Retry-After").toULong());
            else
                CHECK(reply.error() == "credentials-invalid");
        }
        REQUIRE(failures() == 5);
        // Locked (900 s by default) on both, for the right password too.
        for (const HttpClient* client : { &pair.clientA, &pair.clientB }) {
            const Reply locked = client->sendJson("POST", "/api/v1/auth/password",
                { { "account", "chen01" }, { "password", "Chen!2345" } });
            CHECK(locked.status == 429);
            CHECK(locked.error() == "too-many-attempts");
        }
        holder.close();
        watcher.close();
    }
    QSqlDatabase::removeDatabase(connection);
    QSqlDatabase::removeDatabase(connection + "-watch");
}
