// Who may see and write vacancies over real HTTP: another agency's do not exist for the
// caller, and a password session reads but never writes.

#include "test_server.hpp"
#include "vacancy_test_support.hpp"

using namespace servertest;
using namespace vacancytest;

TEST_CASE(
    "vacancies: another agency's vacancies do not exist for the caller", "[server][vacancies]")
{
    TestServer server;
    const HttpClient client = server.client();
    const QString token = clerkSession(client);
    const QJsonObject own = created(client, token, vacancyBody(0));

    for (const QString& id : { otherAgencyCurrent, otherAgencyScheduled }) {
        INFO(id.toStdString());
        const Reply got = getOne(client, token, id);
        CHECK(got.status == 404);
        CHECK(got.error() == "not-found");
        // Not even a stale tag gives it away: 404, never 412.
        const Reply replaced = put(client, token, id, vacancyBody(0), "\"1\"");
        CHECK(replaced.status == 404);
        CHECK_FALSE(replaced.json().contains("current"));
        CHECK(remove(client, token, id, "\"1\"").status == 404);
        CHECK(list(client, token, "id=" + id).value("total") == 0);
        CHECK(list(client, token, "scope=history&id=" + id).value("total") == 0);
    }
    // Their text is not searchable either.
    CHECK(list(client, token, "q=isolation-marker").value("total") == 0);
    CHECK(list(client, token, "scope=history&q=isolation-marker").value("total") == 0);
    const QStringList feed = feedIds(wholeFeed(client, token));
    CHECK_FALSE(feed.contains(otherAgencyCurrent));
    CHECK_FALSE(feed.contains(otherAgencyScheduled));
    CHECK(feed.contains(own.value("vacancyId").toString()));

    // A body naming the other agency is refused on the agencyCode field.
    QJsonObject body = vacancyBody(0);
    body.insert("agencyCode", "A12000000X");
    const Reply reply = create(client, token, body);
    CHECK(reply.status == 422);
    CHECK(reply.error() == "validation-failed");
    CHECK(reply.json().value("fields").toObject().contains("agencyCode"));
}

TEST_CASE("vacancies: a password session reads but never writes", "[server][vacancies]")
{
    TestServer server;
    const HttpClient client = server.client();
    const QString card = clerkSession(client);
    const QJsonObject own = created(client, card, vacancyBody(0));
    const QString id = own.value("vacancyId").toString();
    const QString password = passwordSession(client);

    CHECK(list(client, password).value("total").toInt() == 2);
    CHECK(record(client, password, id) == own);
    CHECK(feedIds(wholeFeed(client, password)).contains(id));

    const QList<Reply> writes {
        create(client, password, vacancyBody(0)),
        put(client, password, id, vacancyBody(0), etagOf(own)),
        remove(client, password, id, etagOf(own)),
    };
    for (const Reply& reply : writes) {
        CHECK(reply.status == 403);
        CHECK(reply.error() == "certificate-login-required");
    }
    CHECK(record(client, card, id) == own);
    CHECK(list(client, card).value("total").toInt() == 2);
}
