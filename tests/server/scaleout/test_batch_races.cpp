// POST /vacancy-batches on two instances of one PostgreSQL: the same keys sent to both at once,
// as batches or as a batch against single POSTs, still make each vacancy once.

#include "../api/vacancy_test_support.hpp"
#include "card_login.hpp"
#include "concurrent_requests.hpp"
#include "test_server.hpp"

#include <QJsonArray>
#include <QSet>

using namespace servertest;
using namespace scaletest;
using namespace vacancytest;

namespace {

struct Pair {
    TestServer a;
    std::unique_ptr<TestServer> b = a.sibling();
    HttpClient clientA = a.client();
    HttpClient clientB = b->client();
};

QByteArray batchOf(const QList<QByteArray>& keys, const QList<QByteArray>& bodies)
{
    QJsonArray items;
    for (qsizetype i = 0; i < keys.size(); ++i)
        items.append(QJsonObject { { "idempotencyKey", QString::fromLatin1(keys[i]) },
            { "vacancy", QJsonDocument::fromJson(bodies[i]).object() } });
    return compact(QJsonObject { { "items", items } });
}

/// One answer per key, whichever request carried it: (status, replayed, body).
struct KeyAnswer {
    int status = 0;
    bool replayed = false;
    QByteArray body;
};

void collectBatch(const Reply& reply, const QList<QByteArray>& keys, QList<KeyAnswer>& answers,
    QList<QByteArray>& answeredKeys)
{
    INFO(reply.body.left(500).toStdString());
    // A whole batch may lose a lock wait to the other instance (PostgreSQL picks one of two
    // transactions waiting on each other): 503, nothing stored, a retry replays.
    if (reply.status == 503) {
        CHECK(reply.error() == "database-unavailable");
        return;
    }
    REQUIRE(reply.status == 200);
    const QJsonArray results = reply.json().value("results").toArray();
    REQUIRE(results.size() == keys.size());
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const QJsonObject result = results.at(i).toObject();
        answers.append({ result.value("status").toInt(), result.value("replayed").toBool(),
            compact(result.value("body").toObject()) });
        answeredKeys.append(keys[i]);
    }
}

} // namespace

TEST_CASE("scale-out: the same keys in batches (and single POSTs) on both instances at once",
    "[server][scaleout][batch]")
{
    Pair pair;
    REQUIRE(pair.a.isPostgres());
    const QString token = clerkSession(pair.clientA);
    const auto total = [&] { return list(pair.clientB, token, "scope=current").value("total"); };

    for (int round = 0; round < 6; ++round) {
        INFO("round " << round);
        const int before = total().toInt();
        QList<QByteArray> keys;
        QList<QByteArray> bodies;
        for (int i = 0; i < 4; ++i) {
            keys.append(newKey());
            bodies.append(compact(vacancyBody(i + 1)));
        }
        const QString batchUrlA = pair.a.baseUrl() + "/api/v1/vacancy-batches";
        QList<Request> requests { jsonRequest(batchUrlA, "POST", batchOf(keys, bodies), token) };
        // Even rounds: the same batch on B; odd rounds: each create alone on B.
        if (round % 2 == 0) {
            requests.append(jsonRequest(pair.b->baseUrl() + "/api/v1/vacancy-batches", "POST",
                batchOf(keys, bodies), token));
        } else {
            for (qsizetype i = 0; i < keys.size(); ++i)
                requests.append(jsonRequest(pair.b->baseUrl() + "/api/v1/vacancies", "POST",
                    bodies[i], token, { { "Idempotency-Key", keys[i] } }));
        }
        const QList<Reply> replies = sendTogether(requests);

        QList<KeyAnswer> answers;
        QList<QByteArray> answeredKeys;
        collectBatch(replies[0], keys, answers, answeredKeys);
        if (round % 2 == 0) {
            collectBatch(replies[1], keys, answers, answeredKeys);
        } else {
            for (qsizetype i = 0; i < keys.size(); ++i) {
                const Reply& single = replies[1 + i];
                answers.append(
                    { single.status, single.header("Idempotent-Replayed") == "true", single.body });
                answeredKeys.append(keys[i]);
            }
        }
        // Per key: 201 or 409 in flight; at most one did the work; all 201s are one answer.
        for (const QByteArray& key : keys) {
            QList<KeyAnswer> forKey;
            for (qsizetype i = 0; i < answers.size(); ++i)
                if (answeredKeys[i] == key)
                    forKey.append(answers[i]);
            int worked = 0;
            QSet<QByteArray> bodiesSeen;
            for (const KeyAnswer& answer : forKey) {
                INFO(answer.status << " " << answer.body.left(300).toStdString());
                CHECK((answer.status == 201 || answer.status == 409));
                if (answer.status == 201) {
                    worked += answer.replayed ? 0 : 1;
                    bodiesSeen.insert(QJsonDocument::fromJson(answer.body)
                                          .object()
                                          .value("vacancyId")
                                          .toString()
                                          .toLatin1());
                }
            }
            CHECK(worked <= 1);
            CHECK(bodiesSeen.size() <= 1);
        }
        // Whatever was still in flight or lost its lock wait: the retry settles it, once.
        const QJsonArray retried = [&] {
            const Reply reply = pair.clientA.send("POST", "/api/v1/vacancy-batches",
                batchOf(keys, bodies), { { "Content-Type", "application/json" }, bearer(token) });
            INFO(reply.body.left(500).toStdString());
            REQUIRE(reply.status == 200);
            return reply.json().value("results").toArray();
        }();
        for (const QJsonValue& result : retried)
            CHECK(result.toObject().value("status").toInt() == 201);
        CHECK(total().toInt() == before + 4);
    }
}
