// Changing a vacancy over real HTTP: PUT replaces it under If-Match; DELETE withdraws a
// published one and deletes one never published.

#include "test_server.hpp"
#include "vacancy_test_support.hpp"

using namespace servertest;
using namespace vacancytest;

TEST_CASE("vacancies: PUT replaces with If-Match", "[server][vacancies]")
{
    TestServer server;
    const HttpClient client = server.client();
    const QString token = clerkSession(client);
    const QJsonObject original = created(client, token, vacancyBody(0));
    const QString id = original.value("vacancyId").toString();
    QJsonObject body = vacancyBody(0);
    body.insert("title", "技士");
    body.insert("openings", 2);

    SECTION("without If-Match: 428")
    {
        const Reply reply = put(client, token, id, body, {});
        CHECK(reply.status == 428);
        CHECK(reply.error() == "precondition-required");
        CHECK(put(client, token, id, body, "*").status == 428);
        CHECK(record(client, token, id) == original);
    }
    SECTION("the current tag: 200 with a new tag")
    {
        const Reply reply = put(client, token, id, body, etagOf(original));
        INFO(reply.body.toStdString());
        REQUIRE(reply.status == 200);
        const QJsonObject updated = reply.json();
        CHECK(updated.value("title") == "技士");
        CHECK(updated.value("openings") == 2);
        CHECK(updated.value("vacancyId") == id);
        CHECK(updated.value("createdOn") == original.value("createdOn"));
        CHECK(etagOf(updated) != etagOf(original));
        CHECK(reply.header("ETag") == etagOf(updated));
        CHECK(record(client, token, id) == updated);

        // The old tag is stale now: 412 with the current record and its tag.
        body.insert("title", "課員");
        const Reply stale = put(client, token, id, body, etagOf(original));
        CHECK(stale.status == 412);
        CHECK(stale.error() == "precondition-failed");
        CHECK(stale.json().value("current").toObject() == updated);
        CHECK(stale.header("ETag") == etagOf(updated));
        CHECK(record(client, token, id) == updated);

        // A list of tags matches when one does; a weak tag never does.
        CHECK(put(client, token, id, body, "\"1\", " + etagOf(updated)).status == 200);
        const QByteArray now = etagOf(record(client, token, id));
        CHECK(put(client, token, id, body, "W/" + now).status == 412);
    }
    SECTION("the body's vacancyId must be the path's")
    {
        body.insert("vacancyId", "1150100999");
        const Reply reply = put(client, token, id, body, etagOf(original));
        CHECK(reply.status == 400);
        CHECK(reply.error() == "request-invalid");
        CHECK(reply.json().value("fields").toObject().contains("vacancyId"));
        body.insert("vacancyId", id); // the record as read is fine
        CHECK(put(client, token, id, body, etagOf(original)).status == 200);
    }
    SECTION("the record as read goes back unchanged")
    {
        const Reply reply = put(client, token, id, original, etagOf(original));
        INFO(reply.body.toStdString());
        CHECK(reply.status == 200);
    }
    SECTION("a rule broken: 422 and nothing changes")
    {
        body.insert("openings", 0);
        const Reply reply = put(client, token, id, body, etagOf(original));
        CHECK(reply.status == 422);
        CHECK(reply.json().value("fields").toObject().contains("openings"));
        CHECK(record(client, token, id) == original);
    }
    SECTION("a changed start date may not lie in the past")
    {
        body.insert("validFrom", today().addDays(-1).toString(Qt::ISODate));
        const Reply reply = put(client, token, id, body, etagOf(original));
        CHECK(reply.status == 422);
        CHECK(reply.json().value("fields").toObject().contains("validFrom"));
    }
    SECTION("ended and withdrawn vacancies are closed: 409")
    {
        const QJsonObject ended = record(client, token, endedSeedId(client, token));
        const Reply reply
            = put(client, token, ended.value("vacancyId").toString(), ended, etagOf(ended));
        CHECK(reply.status == 409);
        CHECK(reply.error() == "vacancy-closed");
        const QJsonObject withdrawn = record(client, token, seededWithdrawn);
        CHECK(put(client, token, seededWithdrawn, withdrawn, etagOf(withdrawn)).error()
            == "vacancy-closed");
    }
    SECTION("unknown ids are 404")
    {
        CHECK(put(client, token, "1159999999", body, etagOf(original)).status == 404);
    }
}

TEST_CASE("vacancies: DELETE withdraws a published one and deletes one never published",
    "[server][vacancies]")
{
    TestServer server;
    const HttpClient client = server.client();
    const QString token = clerkSession(client);
    const QJsonObject published = created(client, token, vacancyBody(0));
    const QJsonObject scheduled = created(client, token, vacancyBody(3));
    const QString publishedId = published.value("vacancyId").toString();
    const QString scheduledId = scheduled.value("vacancyId").toString();

    CHECK(remove(client, token, publishedId, {}).status == 428);
    CHECK(remove(client, token, publishedId, {}).error() == "precondition-required");
    const Reply stale = remove(client, token, publishedId, "\"0\"");
    CHECK(stale.status == 412);
    CHECK(stale.json().value("current").toObject() == published);

    const Reply withdrawn = remove(client, token, publishedId, etagOf(published));
    INFO(withdrawn.body.toStdString());
    REQUIRE(withdrawn.status == 200);
    CHECK(withdrawn.json().value("status") == "withdrawn");
    CHECK(withdrawn.json().value("publishedOn") == today().toString(Qt::ISODate));
    CHECK(withdrawn.header("ETag") == etagOf(withdrawn.json()));
    CHECK(etagOf(withdrawn.json()) != etagOf(published));
    CHECK(record(client, token, publishedId) == withdrawn.json());
    CHECK(idsOf(list(client, token, "scope=history")).contains(publishedId));
    CHECK_FALSE(idsOf(list(client, token)).contains(publishedId));
    // Withdrawn is final.
    const Reply again = remove(client, token, publishedId, etagOf(withdrawn.json()));
    CHECK(again.status == 409);
    CHECK(again.error() == "vacancy-closed");

    const Reply deleted = remove(client, token, scheduledId, etagOf(scheduled));
    CHECK(deleted.status == 204);
    CHECK(deleted.body.isEmpty());
    CHECK(getOne(client, token, scheduledId).status == 404);
    CHECK(remove(client, token, scheduledId, etagOf(scheduled)).status == 404);
    CHECK(put(client, token, scheduledId, scheduled, etagOf(scheduled)).status == 404);
    CHECK_FALSE(idsOf(list(client, token)).contains(scheduledId));
    CHECK_FALSE(idsOf(list(client, token, "scope=history")).contains(scheduledId));
    CHECK(list(client, token, "id=" + scheduledId).value("total") == 0);

    // A rejected one was never published: deleted too.
    const QJsonObject rejected = record(client, token, seededRejected);
    CHECK(remove(client, token, seededRejected, etagOf(rejected)).status == 204);
    CHECK(getOne(client, token, seededRejected).status == 404);

    // Ended: closed.
    const QJsonObject ended = record(client, token, endedSeedId(client, token));
    const Reply closed = remove(client, token, ended.value("vacancyId").toString(), etagOf(ended));
    CHECK(closed.status == 409);
    CHECK(closed.error() == "vacancy-closed");
}
