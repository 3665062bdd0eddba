// POST /vacancy-batches: many creates in one request and one transaction, each item answered as
// its own POST /vacancies would be, sharing the Idempotency-Key table with the single route.

#include "test_server.hpp"
#include "vacancy_test_support.hpp"

#include <QJsonArray>

using namespace servertest;
using namespace vacancytest;

namespace {

const QString batchPath = QStringLiteral("/api/v1/vacancy-batches");

QJsonObject item(const QByteArray& key, const QJsonObject& vacancy)
{
    return { { "idempotencyKey", QString::fromLatin1(key) }, { "vacancy", vacancy } };
}

Reply sendBatch(const HttpClient& client, const QString& token, const QJsonArray& items)
{
    return client.sendJson("POST", batchPath, QJsonObject { { "items", items } }, token);
}

/// Sends the batch, REQUIREs 200 and one result per item; the results.
QJsonArray resultsOf(const HttpClient& client, const QString& token, const QJsonArray& items)
{
    const Reply reply = sendBatch(client, token, items);
    INFO(reply.body.left(2000).toStdString());
    REQUIRE(reply.status == 200);
    const QJsonArray results = reply.json().value("results").toArray();
    REQUIRE(results.size() == items.size());
    return results;
}

int total(const HttpClient& client, const QString& token)
{
    return list(client, token, "scope=current").value("total").toInt();
}

int auditedCreates(const HttpClient& client, const QString& token)
{
    const Reply reply = client.get("/api/v1/audit?pageSize=100&action=vacancy.create", token);
    REQUIRE(reply.status == 200);
    return int(reply.json().value("items").toArray().size());
}

} // namespace

TEST_CASE("vacancy batch: each item as its own create, in order, under one request",
    "[server][vacancies][batch]")
{
    TestServer server;
    const HttpClient client = server.client();
    const QString token = clerkSession(client);
    const int before = total(client, token);
    const int auditedBefore = auditedCreates(client, token);

    QJsonObject invalid = vacancyBody(0);
    invalid.insert("title", QString());
    QJsonObject unknownField = vacancyBody(0);
    unknownField.insert("colour", QStringLiteral("blue"));
    const QList<QByteArray> keys { newKey(), newKey(), newKey(), newKey() };
    const QJsonArray items { item(keys[0], vacancyBody(0)), item(keys[1], invalid),
        item(keys[2], vacancyBody(1)), item(keys[3], unknownField) };
    const QJsonArray results = resultsOf(client, token, items);

    const QJsonObject first = results.at(0).toObject();
    CHECK(first.value("status").toInt() == 201);
    CHECK_FALSE(first.value("replayed").toBool());
    const QJsonObject firstRecord = first.value("body").toObject();
    CHECK(firstRecord.value("vacancyId").toString().size() == 10);
    CHECK(results.at(1).toObject().value("status").toInt() == 422);
    CHECK(results.at(1).toObject().value("body").toObject().value("error") == "validation-failed");
    CHECK(results.at(1).toObject().value("body").toObject().value("fields").toObject().contains(
        "title"));
    CHECK(results.at(2).toObject().value("status").toInt() == 201);
    CHECK(results.at(3).toObject().value("status").toInt() == 400);
    CHECK(results.at(3).toObject().value("body").toObject().value("error") == "request-invalid");
    CHECK(total(client, token) == before + 2);
    CHECK(auditedCreates(client, token) == auditedBefore + 2);

    // What was stored is what GET answers; a refused item left its key free, as a single POST
    // does: the same key with a good body creates.
    CHECK(record(client, token, firstRecord.value("vacancyId").toString()) == firstRecord);
    const Reply retried = create(client, token, vacancyBody(2), keys[1]);
    CHECK(retried.status == 201);
    CHECK(retried.header("Idempotent-Replayed").isEmpty());
    CHECK(total(client, token) == before + 3);
}

TEST_CASE("vacancy batch: keys shared with POST /vacancies, replays and reuse",
    "[server][vacancies][batch][idempotency]")
{
    TestServer server;
    const HttpClient client = server.client();
    const QString token = clerkSession(client);
    const int before = total(client, token);

    // A single POST first, then the same key and body inside a batch: the stored answer.
    const QByteArray singleKey = newKey();
    const Reply single = create(client, token, vacancyBody(0), singleKey);
    REQUIRE(single.status == 201);
    // A half-acknowledged batch sent again: the first item was answered before, the second not.
    const QByteArray batchKey = newKey();
    const QJsonArray firstResults = resultsOf(client, token, { item(batchKey, vacancyBody(1)) });
    REQUIRE(firstResults.at(0).toObject().value("status").toInt() == 201);
    const QByteArray freshKey = newKey();
    const QJsonArray again = resultsOf(client, token,
        { item(singleKey, vacancyBody(0)), item(batchKey, vacancyBody(1)),
            item(freshKey, vacancyBody(3)), item(newKey().toUpper(), vacancyBody(4)) });
    CHECK(again.at(0).toObject().value("status").toInt() == 201);
    CHECK(again.at(0).toObject().value("replayed").toBool());
    CHECK(again.at(0).toObject().value("body").toObject() == single.json());
    CHECK(again.at(1).toObject().value("replayed").toBool());
    CHECK(again.at(1).toObject().value("body") == firstResults.at(0).toObject().value("body"));
    CHECK(again.at(2).toObject().value("status").toInt() == 201);
    CHECK_FALSE(again.at(2).toObject().value("replayed").toBool());
    CHECK(again.at(3).toObject().value("status").toInt() == 201);
    CHECK(total(client, token) == before + 4);

    // And the other way round: a batch item's key retried alone gets the item's answer.
    const Reply alone = create(client, token, vacancyBody(3), freshKey);
    CHECK(alone.status == 201);
    CHECK(alone.header("Idempotent-Replayed") == "true");
    CHECK(alone.json() == again.at(2).toObject().value("body").toObject());
    // Another body under a known key is a reuse, for that item only.
    const QJsonArray reused = resultsOf(
        client, token, { item(freshKey, vacancyBody(5)), item(newKey(), vacancyBody(5)) });
    CHECK(reused.at(0).toObject().value("status").toInt() == 422);
    CHECK(reused.at(0).toObject().value("body").toObject().value("error")
        == "idempotency-key-reused");
    CHECK(reused.at(1).toObject().value("status").toInt() == 201);
    CHECK(total(client, token) == before + 5);
}

TEST_CASE("vacancy batch: whole-request refusals", "[server][vacancies][batch]")
{
    TestServer server;
    const HttpClient client = server.client();
    const QString token = clerkSession(client);
    const int before = total(client, token);

    SECTION("no session, or a session that cannot write")
    {
        CHECK(sendBatch(client, {}, { item(newKey(), vacancyBody()) }).status == 401);
        const QString password = passwordSession(client);
        const Reply readOnly = sendBatch(client, password, { item(newKey(), vacancyBody()) });
        CHECK(readOnly.status == 403);
        CHECK(readOnly.error() == "certificate-login-required");
    }
    SECTION("bodies that are not a batch")
    {
        const QByteArray key = newKey();
        QJsonArray tooMany;
        for (int i = 0; i < 101; ++i)
            tooMany.append(item(newKey(), vacancyBody()));
        const QList<QPair<QJsonObject, QString>> bad {
            { QJsonObject {}, "items" },
            { QJsonObject { { "items", QJsonArray {} } }, "items" },
            { QJsonObject { { "items", QStringLiteral("x") } }, "items" },
            { QJsonObject { { "items", tooMany } }, "items" },
            { QJsonObject { { "items", QJsonArray { item(key, vacancyBody()) } }, { "x", 1 } },
                "x" },
            { QJsonObject { { "items", QJsonArray { 5 } } }, "items[0]" },
            { QJsonObject { { "items", QJsonArray { item("not-a-uuid", vacancyBody()) } } },
                "items[0].idempotencyKey" },
            { QJsonObject { { "items",
                  QJsonArray { QJsonObject { { "idempotencyKey", QString::fromLatin1(key) } } } } },
                "items[0].vacancy" },
            { QJsonObject { { "items",
                  QJsonArray { item(key, vacancyBody()), item(key.toUpper(), vacancyBody(1)) } } },
                "items[1].idempotencyKey" },
        };
        for (const auto& [body, field] : bad) {
            const Reply reply = client.sendJson("POST", batchPath, body, token);
            INFO(field.toStdString() << " → " << reply.body.left(300).toStdString());
            CHECK(reply.status == 400);
            CHECK(reply.error() == "request-invalid");
            CHECK(reply.json().value("fields").toObject().contains(field));
        }
        const Reply malformed = client.send("POST", batchPath, "{\"items\": [",
            { { "Content-Type", "application/json" }, bearer(token) });
        CHECK(malformed.status == 400);
        CHECK(malformed.error() == "json-malformed");
    }
    CHECK(total(client, token) == before);
}

TEST_CASE("vacancy batch: two server processes sending the same keys make each vacancy once",
    "[server][vacancies][batch][idempotency]")
{
    TestServer server;
    const std::unique_ptr<TestServer> sibling = server.sibling();
    const HttpClient client = server.client();
    const HttpClient other = sibling->client();
    const QString token = clerkSession(client);
    const int before = total(client, token);

    QJsonArray items;
    for (int i = 0; i < 5; ++i)
        items.append(item(newKey(), vacancyBody(i)));
    const QJsonArray here = resultsOf(client, token, items);
    const QJsonArray there = resultsOf(other, token, items);
    for (qsizetype i = 0; i < items.size(); ++i) {
        CHECK(here.at(i).toObject().value("status").toInt() == 201);
        CHECK(there.at(i).toObject().value("replayed").toBool());
        CHECK(there.at(i).toObject().value("body") == here.at(i).toObject().value("body"));
    }
    CHECK(total(client, token) == before + 5);
}
