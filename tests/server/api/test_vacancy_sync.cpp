// What offline sync leans on: Idempotency-Key (replay, reuse, a key in flight), If-Match between
// two server processes on one database, and the change feed (order, cursor, tombstones).

#include "test_server.hpp"
#include "vacancy_test_support.hpp"

#include <QBuffer>
#include <QCryptographicHash>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlQuery>
#include <QTimer>
#include <memory>

using namespace servertest;
using namespace vacancytest;

namespace {

struct Request {
    QString url;
    QByteArray method;
    QByteArray body;
    Headers headers;
};

/// Sends every request at once and waits for all answers: the servers see them concurrently.
QList<Reply> sendTogether(const QList<Request>& requests)
{
    QNetworkAccessManager manager;
    QList<QNetworkReply*> replies;
    std::vector<std::unique_ptr<QBuffer>> buffers;
    for (const Request& r : requests) {
        QNetworkRequest request { QUrl(r.url) };
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        for (const auto& [name, value] : r.headers)
            request.setRawHeader(name, value);
        buffers.push_back(std::make_unique<QBuffer>());
        buffers.back()->setData(r.body);
        buffers.back()->open(QIODevice::ReadOnly);
        replies.append(manager.sendCustomRequest(request, r.method, buffers.back().get()));
    }
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    int pending = int(replies.size());
    for (QNetworkReply* reply : replies)
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&pending, &loop] {
            if (--pending == 0)
                loop.quit();
        });
    timeout.start(30000);
    loop.exec();
    QList<Reply> answers;
    for (QNetworkReply* reply : replies) {
        Reply answer;
        if (reply->isFinished()) {
            answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            answer.body = reply->readAll();
            answer.headers = reply->rawHeaderPairs();
        } else {
            reply->abort();
        }
        reply->deleteLater();
        answers.append(answer);
    }
    return answers;
}

Request putRequest(const TestServer& server, const QString& token, const QString& id,
    const QJsonObject& body, const QByteArray& etag)
{
    return { server.baseUrl() + "/api/v1/vacancies/" + id, "PUT",
        QJsonDocument(body).toJson(QJsonDocument::Compact),
        { { "Content-Type", "application/json" }, bearer(token), { "If-Match", etag } } };
}

Reply postBytes(
    const HttpClient& client, const QString& token, const QByteArray& body, const QByteArray& key)
{
    return client.send("POST", "/api/v1/vacancies", body,
        { { "Content-Type", "application/json" }, bearer(token), { "Idempotency-Key", key } });
}

/// The fingerprint the server keeps with a key (idempotency.hpp): SHA-256 of method, path, body.
QString fingerprint(const QByteArray& body)
{
    return QString::fromLatin1(
        QCryptographicHash::hash("POST\n/api/v1/vacancies\n" + body, QCryptographicHash::Sha256)
            .toHex());
}

/// One statement on a direct connection; the first column of the first row, if any. The query
/// is finished before it returns, so no read snapshot stays open on SQLite.
QVariant direct(const QSqlDatabase& db, const QString& sql, const QVariantMap& binds)
{
    QSqlQuery query(db);
    REQUIRE(query.prepare(sql));
    for (auto it = binds.begin(); it != binds.end(); ++it)
        query.bindValue(it.key(), it.value());
    INFO(sql.toStdString());
    REQUIRE(query.exec());
    const QVariant value = query.next() ? query.value(0) : QVariant();
    query.finish();
    return value;
}

int total(const HttpClient& client, const QString& token)
{
    return list(client, token, "scope=current").value("total").toInt();
}

} // namespace

TEST_CASE("vacancies: Idempotency-Key is required, replays and refuses reuse",
    "[server][vacancies][idempotency]")
{
    TestServer server;
    const HttpClient client = server.client();
    const QString token = clerkSession(client);
    const int before = total(client, token);

    for (const QByteArray& key : { QByteArray(), QByteArray("not-a-uuid"),
             QByteArray("{6f9619ff-8b86-d011-b42d-00cf4fc964ff}"),
             QByteArray("6f9619ff8b86d011b42d00cf4fc964ff") }) {
        INFO(key.toStdString());
        const Reply reply = client.sendJson("POST", "/api/v1/vacancies", vacancyBody(), token,
            key.isEmpty() ? Headers {} : withKey(key));
        CHECK(reply.status == 400);
        CHECK(reply.error() == "idempotency-key-required");
    }
    CHECK(total(client, token) == before);

    const QByteArray key = newKey();
    const QByteArray body = compact(vacancyBody(0));
    const Reply first = postBytes(client, token, body, key);
    REQUIRE(first.status == 201);
    CHECK(first.header("Idempotent-Replayed").isEmpty());
    const Reply second = postBytes(client, token, body, key);
    CHECK(second.status == 201);
    CHECK(second.header("Idempotent-Replayed") == "true");
    CHECK(second.body == first.body);
    CHECK(second.header("ETag") == first.header("ETag"));
    CHECK(second.header("Location") == first.header("Location"));
    // Keys compare in any case.
    CHECK(postBytes(client, token, body, key.toUpper()).header("Idempotent-Replayed") == "true");
    CHECK(total(client, token) == before + 1);

    const Reply reused = postBytes(client, token, compact(vacancyBody(1)), key);
    CHECK(reused.status == 422);
    CHECK(reused.error() == "idempotency-key-reused");
    CHECK(total(client, token) == before + 1);

    SECTION("a refused attempt leaves the key free for the corrected request")
    {
        const QByteArray retryKey = newKey();
        QJsonObject broken = vacancyBody(0);
        broken.insert("openings", 0);
        CHECK(postBytes(client, token, compact(broken), retryKey).status == 422);
        CHECK(postBytes(client, token, "{not json", retryKey).status == 400);
        const Reply fixed = postBytes(client, token, compact(vacancyBody(2)), retryKey);
        CHECK(fixed.status == 201);
        CHECK(fixed.header("Idempotent-Replayed").isEmpty());
        CHECK(total(client, token) == before + 2);
    }
    SECTION("keys belong to their caller")
    {
        const QString agency = agencySession(client);
        const Reply other = postBytes(client, agency, body, key);
        INFO(other.body.toStdString());
        CHECK(other.status == 201);
        CHECK(other.header("Idempotent-Replayed").isEmpty());
        CHECK(other.json().value("vacancyId") != first.json().value("vacancyId"));
    }
}

TEST_CASE("vacancies: a key in flight answers 409 until its holder is presumed dead",
    "[server][vacancies][idempotency]")
{
    TestServer server;
    const HttpClient client = server.client();
    const QString token = clerkSession(client);
    const int before = total(client, token);

    // The reservation another server process on the same database holds while it works: written
    // straight into the database the server uses (the SQLite file, or the PostgreSQL database),
    // exactly as the reserving process writes it.
    const QByteArray key = newKey();
    const QByteArray body = compact(vacancyBody(0));
    const QString connection = QStringLiteral("vacancy-in-flight");
    {
        QSqlDatabase db = server.openDatabase(connection);
        const QVariant person
            = direct(db, "SELECT id FROM persons WHERE id_number = 'A123456789'", {});
        REQUIRE(person.isValid());
        direct(db,
            "INSERT INTO idempotency_keys (scope, idem_key, request_hash, state, created_at) "
            "VALUES (:s, :k, :h, 'in-flight', :at)",
            { { ":s", QStringLiteral("person:%1").arg(person.toLongLong()) },
                { ":k", QString::fromLatin1(key) }, { ":h", fingerprint(body) },
                { ":at", QDateTime::currentMSecsSinceEpoch() } });

        const Reply busy = postBytes(client, token, body, key);
        CHECK(busy.status == 409);
        CHECK(busy.error() == "idempotency-key-in-flight");
        CHECK(busy.header("Retry-After") == "1");
        CHECK(busy.json().value("retryAfterSeconds").toInt() == 1);
        CHECK(postBytes(client, token, body, key).status == 409);
        // As a batch item it answers the same, the wait in its body.
        const Reply batch = client.sendJson("POST", QStringLiteral("/api/v1/vacancy-batches"),
            QJsonObject { { "items",
                QJsonArray { QJsonObject { { "idempotencyKey", QString::fromLatin1(key) },
                    { "vacancy", QJsonDocument::fromJson(body).object() } } } } },
            token);
        REQUIRE(batch.status == 200);
        const QJsonObject item = batch.json().value("results").toArray().first().toObject();
        CHECK(item.value("status").toInt() == 409);
        CHECK(item.value("body").toObject().value("error") == "idempotency-key-in-flight");
        CHECK(item.value("body").toObject().value("retryAfterSeconds").toInt() == 1);
        // Another body under the key is still a reuse.
        CHECK(postBytes(client, token, compact(vacancyBody(1)), key).error()
            == "idempotency-key-reused");
        CHECK(total(client, token) == before);

        // A minute later the holder is presumed dead (its process crashed): the retry takes
        // the key over, does the work once, and later retries replay it.
        direct(db, "UPDATE idempotency_keys SET created_at = :at WHERE idem_key = :k",
            { { ":at", QDateTime::currentMSecsSinceEpoch() - 61 * 1000 },
                { ":k", QString::fromLatin1(key) } });
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);

    const Reply taken = postBytes(client, token, body, key);
    INFO(taken.body.toStdString());
    CHECK(taken.status == 201);
    CHECK(taken.header("Idempotent-Replayed").isEmpty());
    const Reply replay = postBytes(client, token, body, key);
    CHECK(replay.status == 201);
    CHECK(replay.header("Idempotent-Replayed") == "true");
    CHECK(replay.body == taken.body);
    CHECK(total(client, token) == before + 1);
}

TEST_CASE("vacancies: two server processes, one database, one version: one writer wins",
    "[server][vacancies][concurrency]")
{
    TestServer server;
    const std::unique_ptr<TestServer> sibling = server.sibling();
    const HttpClient client = server.client();
    const HttpClient other = sibling->client();
    const QString token = clerkSession(client); // sessions live in the shared database
    const QString id = created(client, token, vacancyBody(1)).value("vacancyId").toString();

    for (int round = 0; round < 3; ++round) {
        INFO("round " << round);
        const QByteArray etag = etagOf(record(other, token, id));
        QJsonObject mine = vacancyBody(1);
        mine.insert("title", QStringLiteral("甲%1").arg(round));
        QJsonObject theirs = vacancyBody(1);
        theirs.insert("title", QStringLiteral("乙%1").arg(round));
        const QList<Reply> answers = sendTogether({ putRequest(server, token, id, mine, etag),
            putRequest(*sibling, token, id, theirs, etag) });
        QList<int> statuses { answers[0].status, answers[1].status };
        std::sort(statuses.begin(), statuses.end());
        INFO(answers[0].body.toStdString() << " / " << answers[1].body.toStdString());
        REQUIRE(statuses == QList<int> { 200, 412 });
        const Reply& winner = answers[0].status == 200 ? answers[0] : answers[1];
        const Reply& loser = answers[0].status == 200 ? answers[1] : answers[0];
        CHECK(loser.error() == "precondition-failed");
        CHECK(loser.json().value("current").toObject() == winner.json());
        CHECK(record(client, token, id) == winner.json());
        CHECK(record(other, token, id) == winner.json());
    }

    SECTION("withdrawing from both at once: one 200, one 412")
    {
        const QJsonObject published = created(client, token, vacancyBody(0));
        const QString pid = published.value("vacancyId").toString();
        const Headers headers { bearer(token), { "If-Match", etagOf(published) } };
        const QList<Reply> answers = sendTogether(
            { { server.baseUrl() + "/api/v1/vacancies/" + pid, "DELETE", {}, headers },
                { sibling->baseUrl() + "/api/v1/vacancies/" + pid, "DELETE", {}, headers } });
        QList<int> statuses { answers[0].status, answers[1].status };
        std::sort(statuses.begin(), statuses.end());
        CHECK(statuses == QList<int> { 200, 412 });
        CHECK(record(client, token, pid).value("status") == "withdrawn");
    }
    SECTION("creates on both at once get distinct 職缺編號")
    {
        QList<Request> creates;
        for (int i = 0; i < 8; ++i)
            creates.append({ (i % 2 ? sibling->baseUrl() : server.baseUrl()) + "/api/v1/vacancies",
                "POST", compact(vacancyBody(1)),
                { { "Content-Type", "application/json" }, bearer(token),
                    { "Idempotency-Key", newKey() } } });
        QStringList ids;
        for (const Reply& reply : sendTogether(creates)) {
            INFO(reply.body.toStdString());
            CHECK(reply.status == 201);
            ids.append(reply.json().value("vacancyId").toString());
        }
        ids.removeDuplicates();
        CHECK(ids.size() == 8);
        // And the same key sent to both at once is done once.
        const QByteArray key = newKey();
        const Request one { server.baseUrl() + "/api/v1/vacancies", "POST", compact(vacancyBody(2)),
            { { "Content-Type", "application/json" }, bearer(token), { "Idempotency-Key", key } } };
        Request two = one;
        two.url = sibling->baseUrl() + "/api/v1/vacancies";
        const int beforeBoth = total(client, token);
        const QList<Reply> both = sendTogether({ one, two });
        INFO(both[0].body.toStdString() << " / " << both[1].body.toStdString());
        for (const Reply& reply : both)
            CHECK((reply.status == 201 || reply.status == 409));
        CHECK(total(client, token) == beforeBoth + 1);
    }
}

TEST_CASE("vacancies: the change feed lists each vacancy once, in change order, with tombstones",
    "[server][vacancies][feed]")
{
    TestServer server;
    const HttpClient client = server.client();
    const QString token = clerkSession(client);

    // The seed: ended, withdrawn (a tombstone that keeps its record), rejected.
    const QJsonArray seeded = wholeFeed(client, token);
    REQUIRE(seeded.size() == 3);
    const QString ended = endedSeedId(client, token);
    CHECK(feedIds(seeded) == QStringList { ended, seededWithdrawn, seededRejected });
    CHECK(seeded[0].toObject().value("deleted") == false);
    CHECK(seeded[0].toObject().value("vacancy").toObject().value("status") == "ended");
    CHECK(seeded[1].toObject().value("deleted") == true);
    CHECK(seeded[1].toObject().value("vacancy").toObject().value("status") == "withdrawn");
    CHECK(seeded[2].toObject().value("vacancy").toObject().value("rejectionReason").isString());

    const QJsonObject a = created(client, token, vacancyBody(0));
    const QJsonObject b = created(client, token, vacancyBody(4));
    const QJsonObject c = created(client, token, vacancyBody(0));
    const QString aId = a.value("vacancyId").toString();
    const QString bId = b.value("vacancyId").toString();
    const QString cId = c.value("vacancyId").toString();
    REQUIRE(remove(client, token, bId, etagOf(b)).status == 204);
    REQUIRE(remove(client, token, cId, etagOf(c)).status == 200);
    QJsonObject changed = vacancyBody(0);
    changed.insert("title", "專員");
    REQUIRE(put(client, token, aId, changed, etagOf(a)).status == 200);
    const QJsonObject aNow = record(client, token, aId);

    const QJsonArray feed = wholeFeed(client, token);
    CHECK(feedIds(feed) == QStringList { ended, seededWithdrawn, seededRejected, bId, cId, aId });
    const QJsonObject bEntry = feed[3].toObject();
    CHECK(bEntry.value("deleted") == true);
    CHECK(bEntry.contains("vacancy"));
    CHECK(bEntry.value("vacancy").isNull());
    CHECK_FALSE(bEntry.value("etag").toString().isEmpty());
    CHECK(bEntry.value("etag") != b.value("etag"));
    const QJsonObject cEntry = feed[4].toObject();
    CHECK(cEntry.value("deleted") == true);
    CHECK(cEntry.value("vacancy").toObject() == record(client, token, cId));
    const QJsonObject aEntry = feed[5].toObject();
    CHECK(aEntry.value("deleted") == false);
    CHECK(aEntry.value("vacancy").toObject() == aNow);
    CHECK(aEntry.value("etag") == aNow.value("etag"));

    SECTION("pages of two follow the cursor to the end")
    {
        const QJsonObject first = changes(client, token, "limit=2");
        CHECK(first.value("changes").toArray().size() == 2);
        CHECK(first.value("hasMore") == true);
        CHECK(wholeFeed(client, token, 2) == feed);
        CHECK(wholeFeed(client, token, 1) == feed);
        CHECK(wholeFeed(client, token, 6) == feed);
        const QJsonObject all = changes(client, token, "limit=6");
        CHECK(all.value("hasMore") == false);
        CHECK(changes(client, token).value("changes").toArray() == feed); // default limit 100
        CHECK(changes(client, token, "since=").value("changes").toArray() == feed);

        // Nothing new: an empty page, the same cursor.
        const QString end = all.value("cursor").toString();
        const QJsonObject quiet = changes(client, token, "since=" + end);
        CHECK(quiet.value("changes").toArray().isEmpty());
        CHECK(quiet.value("hasMore") == false);
        CHECK(quiet.value("cursor") == end);

        // A later change is all the saved cursor brings.
        changed.insert("title", "視察");
        REQUIRE(put(client, token, aId, changed, etagOf(aNow)).status == 200);
        const QJsonObject next = changes(client, token, "since=" + end);
        CHECK(feedIds(next.value("changes").toArray()) == QStringList { aId });
        CHECK(
            next.value("changes").toArray()[0].toObject().value("vacancy").toObject().value("title")
            == "視察");
        CHECK(next.value("cursor") != end);
    }
    SECTION("a malformed cursor is 400 cursor-invalid; a bad limit 400 request-invalid")
    {
        const auto cursorOf = [](const QByteArray& text) {
            return QString::fromLatin1(
                text.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        };
        for (const QString& cursor : { QString("!!!"), QString("%00"), cursorOf("v2:3"),
                 cursorOf("v1:-1"), cursorOf("v1:1x"), cursorOf("v1:"), cursorOf("3"),
                 QString("djE6Mw=="), QString(300, u'A') }) {
            const Reply reply = client.get("/api/v1/changes?since=" + cursor, token);
            INFO(cursor.toStdString() << " → " << reply.body.toStdString());
            CHECK(reply.status == 400);
            CHECK((reply.error() == "cursor-invalid" || reply.error() == "request-invalid"));
        }
        CHECK(client.get("/api/v1/changes?since=%21%21", token).error() == "cursor-invalid");
        CHECK(client.get("/api/v1/changes?since=" + cursorOf("v1:0"), token).status == 200);
        for (const QString& query :
            QStringList { "limit=0", "limit=501", "limit=x", "after=1", "limit=1&limit=2" }) {
            const Reply reply = client.get("/api/v1/changes?" + query, token);
            INFO(query.toStdString());
            CHECK(reply.status == 400);
            CHECK(reply.error() == "request-invalid");
        }
        CHECK(changes(client, token, "limit=500").value("changes").toArray() == feed);
    }
}
