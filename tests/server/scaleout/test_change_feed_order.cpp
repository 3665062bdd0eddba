// The change feed across two server instances writing to one PostgreSQL: a reader that follows
// its cursor while both write never misses a change, even when a write that took an earlier
// change number commits after a later one would have.

#include "../api/vacancy_test_support.hpp"
#include "card_login.hpp"
#include "concurrent_requests.hpp"
#include "server/storage/sql.hpp"
#include "server/vacancies/vacancy_store.hpp"
#include "test_server.hpp"

#include <QHash>
#include <QSet>
#include <QSqlQuery>

using namespace servertest;
using namespace scaletest;
using namespace vacancytest;

namespace {

/// What a reader has taken from the feed so far: its cursor and the latest etag per vacancy.
struct FeedReader {
    QString cursor;
    QHash<QString, QString> etags;

    QString query(int limit) const
    {
        QString q = QStringLiteral("limit=%1").arg(limit);
        if (!cursor.isEmpty())
            q += QStringLiteral("&since=") + cursor;
        return q;
    }
    /// Takes one page; true when another follows.
    bool take(const QJsonObject& page)
    {
        for (const QJsonValue& change : page.value("changes").toArray())
            etags.insert(change.toObject().value("id").toString(),
                change.toObject().value("etag").toString());
        cursor = page.value("cursor").toString();
        return page.value("hasMore").toBool();
    }
    void drain(const HttpClient& client, const QString& token)
    {
        for (int page = 0; page < 1000; ++page)
            if (!take(changes(client, token, query(100))))
                return;
        FAIL("the feed never ended");
    }
};

QString vacanciesUrl(const TestServer& server)
{
    return server.baseUrl() + "/api/v1/vacancies";
}

} // namespace

TEST_CASE("scale-out: a change that commits after a later-numbered one is not skipped",
    "[server][scaleout][feed]")
{
    TestServer a;
    REQUIRE(a.isPostgres());
    const std::unique_ptr<TestServer> b = a.sibling();
    const HttpClient clientA = a.client();
    const HttpClient clientB = b->client();
    const QString token = clerkSession(clientA);

    // Two vacancies: the test's own writer changes the first, an instance the second, so the
    // only thing the two writes share is the change number.
    const QJsonObject first = created(clientA, token, vacancyBody(1));
    const QJsonObject second = created(clientA, token, vacancyBody(2));
    FeedReader reader;
    reader.drain(clientB, token);

    const QString connection = QStringLiteral("scaleout-held-write");
    const QString connectionWatch = connection + "-watch";
    {
        QSqlDatabase held = a.openDatabase(connection);
        QSqlDatabase watcher = a.openDatabase(connectionWatch);
        // A third writer, stopped half-way: the server's own write code on a connection of the
        // test's, inside a transaction left open after it took its change number.
        std::optional<server::storage::Transaction> transaction;
        transaction.emplace(held);
        const QString heldId = first.value("vacancyId").toString();
        std::optional<server::vacancies::StoredVacancy> row
            = server::vacancies::findVacancy(held, ownAgency, heldId);
        REQUIRE(row);
        row->vacancy.title = QStringLiteral("檢查員");
        REQUIRE(server::vacancies::updateVacancy(held, *row, row->etag));

        // A write through instance A now must not commit a later change number ahead of the
        // open one. Wait until it either answered or blocked behind the open transaction.
        Request request;
        SECTION("the later write is an update")
        {
            QJsonObject body = vacancyBody(2);
            body.insert("title", QStringLiteral("視察"));
            request = jsonRequest(vacanciesUrl(a) + u'/' + second.value("vacancyId").toString(),
                "PUT", compact(body), token, { { "If-Match", etagOf(second) } });
        }
        SECTION("the later write is a create")
        {
            request = jsonRequest(vacanciesUrl(a), "POST", compact(vacancyBody(3)), token,
                { { "Idempotency-Key", newKey() } });
        }
        AsyncClient async;
        const auto later = async.start(request);
        waitUntil([&] { return later->status != 0 || backendsWaitingForLocks(watcher) > 0; },
            "the instance's write to finish or to wait");

        // Meanwhile a client reads the feed through B and moves its cursor.
        reader.drain(clientB, token);

        transaction->commit();
        transaction.reset();
        waitUntil([&] { return async.pending() == 0; }, "the instance's answer");
        INFO(later->body.toStdString());
        REQUIRE((later->status == 200 || later->status == 201));
        const QString laterId = later->json().value("vacancyId").toString();
        CHECK(later->json().value("etag").toString().toStdString() != row->etag.toStdString());

        // From the cursor it kept, the reader gets both writes.
        reader.drain(clientB, token);
        CHECK(reader.etags.value(heldId).toStdString() == row->etag.toStdString());
        CHECK(reader.etags.value(laterId).toStdString()
            == later->json().value("etag").toString().toStdString());
        held.close();
        watcher.close();
    }
    QSqlDatabase::removeDatabase(connection);
    QSqlDatabase::removeDatabase(connectionWatch);
}

TEST_CASE("scale-out: a reader following the feed while two instances write misses nothing",
    "[server][scaleout][feed]")
{
    TestServer a;
    REQUIRE(a.isPostgres());
    const std::unique_ptr<TestServer> b = a.sibling();
    const QString token = clerkSession(a.client());
    constexpr int writesPerWriter = 40;

    // Each writer keeps one request in flight against its own instance: creates, and every
    // third write an update of one of its own vacancies (so no 412 between the writers).
    struct Writer {
        const TestServer* server;
        QHash<QString, QString> etags; // what this writer's last answer said per vacancy
        int done = 0;
    };
    Writer writers[2] { { &a, {}, 0 }, { b.get(), {}, 0 } };
    AsyncClient async;
    FeedReader reader;
    int readerPages = 0;
    bool writing = true;
    QStringList failures;

    std::function<void(Writer*)> nextWrite = [&](Writer* writer) {
        if (writer->done == writesPerWriter)
            return;
        const int n = writer->done++;
        QJsonObject body = vacancyBody(1 + n % 5);
        Request request;
        if (n % 3 == 2 && !writer->etags.isEmpty()) {
            const QString id = writer->etags.keys().at(n % writer->etags.size());
            body.insert("title", QStringLiteral("改%1").arg(n));
            request = jsonRequest(vacanciesUrl(*writer->server) + u'/' + id, "PUT", compact(body),
                token, { { "If-Match", writer->etags.value(id).toLatin1() } });
        } else {
            request = jsonRequest(vacanciesUrl(*writer->server), "POST", compact(body), token,
                { { "Idempotency-Key", newKey() } });
        }
        async.send(request, [&, writer, n](const Reply& reply) {
            if (reply.status == 200 || reply.status == 201)
                writer->etags.insert(reply.json().value("vacancyId").toString(),
                    reply.json().value("etag").toString());
            else
                failures.append(QStringLiteral("write %1: %2 %3")
                                    .arg(n)
                                    .arg(reply.status)
                                    .arg(QString::fromUtf8(reply.body)));
            nextWrite(writer);
        });
    };
    // The reader alternates instances and takes small pages, so its cursor moves often.
    std::function<void()> nextRead = [&] {
        if (!writing)
            return;
        const TestServer& server = readerPages % 2 ? *b : a;
        async.send(
            jsonRequest(server.baseUrl() + "/api/v1/changes?" + reader.query(3), "GET", {}, token),
            [&](const Reply& reply) {
                ++readerPages;
                if (reply.status != 200)
                    failures.append(QStringLiteral("feed: %1").arg(reply.status));
                else
                    reader.take(reply.json());
                nextRead();
            });
    };
    nextWrite(&writers[0]);
    nextWrite(&writers[1]);
    nextRead();
    waitUntil(
        [&] {
            writing = writers[0].done < writesPerWriter || writers[1].done < writesPerWriter
                || async.pending() > 1;
            return async.pending() == 0;
        },
        "the writers and the reader to finish");
    INFO(failures.join(u'\n').toStdString());
    REQUIRE(failures.isEmpty());
    CHECK(readerPages > 1);

    // Whatever the reader still lacks comes after its cursor: the rest of the feed.
    reader.drain(b->client(), token);
    for (const Writer& writer : writers)
        for (auto it = writer.etags.begin(); it != writer.etags.end(); ++it) {
            INFO(it.key().toStdString());
            CHECK(reader.etags.value(it.key()).toStdString() == it.value().toStdString());
        }
}
