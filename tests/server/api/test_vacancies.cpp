// The vacancy endpoints over real HTTP: create, read, list (scope, id, q, paging), status by
// date and the seeded vacancies, replace, withdraw and delete, agency isolation, the password
// session's read-only access, and the rules' 422 answers. Idempotency, concurrent writers and
// the change feed: test_vacancy_sync.cpp; the bad-input matrix: test_vacancy_bad_input.cpp.

#include "test_server.hpp"
#include "vacancy_test_support.hpp"

#include <QRegularExpression>
#include <functional>

using namespace servertest;
using namespace vacancytest;

namespace {

QString rocMonth(const QDate& date)
{
    return QStringLiteral("%1%2")
        .arg(date.year() - 1911, 3, 10, QLatin1Char('0'))
        .arg(date.month(), 2, 10, QLatin1Char('0'));
}

QJsonObject withTitle(QJsonObject body, const QString& title)
{
    body.insert("title", title);
    return body;
}

} // namespace

TEST_CASE("vacancies: create answers 201 with a server-assigned 職缺編號", "[server][vacancies]")
{
    TestServer server;
    const HttpClient client = server.client();
    const QString token = clerkSession(client);

    QJsonObject body = vacancyBody(0);
    // Server-assigned members in the body are ignored on create.
    body.insert("vacancyId", "1010100001");
    body.insert("status", "ended");
    body.insert("createdOn", "2001-01-01");
    body.insert("agencyName", "自稱機關");
    const Reply reply = create(client, token, body);
    INFO(reply.body.toStdString());
    REQUIRE(reply.status == 201);
    const QJsonObject made = reply.json();
    const QString id = made.value("vacancyId").toString();
    CHECK(QRegularExpression("^[0-9]{10}$").match(id).hasMatch());
    CHECK(id.startsWith(rocMonth(today())));
    CHECK(id != "1010100001");
    CHECK(reply.header("Location") == "/api/v1/vacancies/" + id.toLatin1());
    CHECK_FALSE(reply.header("ETag").isEmpty());
    CHECK(reply.header("ETag") == etagOf(made));
    CHECK(made.value("status") == "published");
    CHECK(made.value("publishedOn") == today().toString(Qt::ISODate));
    CHECK(made.value("createdOn") == today().toString(Qt::ISODate));
    CHECK(made.value("updatedOn") == today().toString(Qt::ISODate));
    CHECK(made.value("agencyCode") == ownAgency);
    CHECK(made.value("agencyName") == "測試機關");
    CHECK(made.value("title") == "科員");
    CHECK_FALSE(made.contains("rejectionReason"));

    // A second one the same month takes the next number.
    const QJsonObject next = created(client, token, vacancyBody(5));
    CHECK(next.value("vacancyId").toString().toLongLong() == id.toLongLong() + 1);
    CHECK(next.value("status") == "scheduled");
    CHECK_FALSE(next.contains("publishedOn"));

    SECTION("GET answers the record with its ETag")
    {
        const Reply got = client.get(QString::fromLatin1(reply.header("Location")), token);
        REQUIRE(got.status == 200);
        CHECK(got.json() == made);
        CHECK(got.header("ETag") == reply.header("ETag"));
    }
    SECTION("unknown and malformed ids are 404")
    {
        CHECK(getOne(client, token, "1159999999").status == 404);
        CHECK(getOne(client, token, "1159999999").error() == "not-found");
        CHECK(getOne(client, token, "abc").status == 404);
        CHECK(getOne(client, token, "%27%20OR%201%3D1").status == 404);
    }
    SECTION("without a session nothing is read or written")
    {
        CHECK(client.get("/api/v1/vacancies").status == 401);
        CHECK(client.get("/api/v1/vacancies/" + id).status == 401);
        CHECK(client.get("/api/v1/changes").status == 401);
        CHECK(create(client, {}, vacancyBody()).status == 401);
    }
}

TEST_CASE("vacancies: the list filters by scope, id and text, and pages", "[server][vacancies]")
{
    TestServer server;
    const HttpClient client = server.client();
    const QString token = clerkSession(client);

    QStringList made;
    made << created(client, token, withTitle(vacancyBody(0), "Data 分析師"))
                .value("vacancyId")
                .toString();
    made << created(client, token, withTitle(vacancyBody(1), "資料 50%_折扣"))
                .value("vacancyId")
                .toString();
    for (int i = 0; i < 3; ++i)
        made << created(client, token, vacancyBody(2 + i)).value("vacancyId").toString();

    // current = scheduled, published, rejected: the five above and the seeded rejected one.
    const QJsonObject current = list(client, token);
    CHECK(current.value("total").toInt() == 6);
    CHECK(current.value("page").toInt() == 1);
    CHECK(current.value("pageSize").toInt() == 20);
    QStringList expected = made;
    expected << seededRejected;
    std::sort(expected.begin(), expected.end(), std::greater<>());
    CHECK(idsOf(current) == expected); // newest 職缺編號 first
    CHECK(list(client, token, "scope=current") == current);

    // history = ended, withdrawn: the two seeded ones.
    const QJsonObject history = list(client, token, "scope=history");
    CHECK(history.value("total").toInt() == 2);
    CHECK(idsOf(history).contains(seededWithdrawn));
    CHECK(idsOf(history).contains(endedSeedId(client, token)));

    SECTION("paging keeps the total and splits the items")
    {
        const QJsonObject first = list(client, token, "page=1&pageSize=4");
        const QJsonObject second = list(client, token, "page=2&pageSize=4");
        const QJsonObject beyond = list(client, token, "page=3&pageSize=4");
        CHECK(first.value("total").toInt() == 6);
        CHECK(second.value("total").toInt() == 6);
        CHECK(beyond.value("total").toInt() == 6);
        CHECK(idsOf(first) == expected.mid(0, 4));
        CHECK(idsOf(second) == expected.mid(4));
        CHECK(idsOf(beyond).isEmpty());
        CHECK(second.value("page").toInt() == 2);
        CHECK(second.value("pageSize").toInt() == 4);
        CHECK(list(client, token, "pageSize=100").value("items").toArray().size() == 6);
    }
    SECTION("id is an exact 職缺編號")
    {
        CHECK(idsOf(list(client, token, "id=" + made[2])) == QStringList { made[2] });
        CHECK(list(client, token, "id=" + made[2] + "&scope=history").value("total") == 0);
        CHECK(idsOf(list(client, token, "scope=history&id=" + seededWithdrawn))
            == QStringList { seededWithdrawn });
    }
    SECTION("q matches title, content, address and id, in any case")
    {
        CHECK(idsOf(list(client, token, "q=DATA")) == QStringList { made[0] });
        CHECK(
            idsOf(list(client, token, "q=data%20%E5%88%86")) == QStringList { made[0] }); // data 分
        CHECK(list(client, token, "q=" + made[3].mid(4)).value("total").toInt() >= 1);
        CHECK(idsOf(list(client, token, "q=" + made[3])) == QStringList { made[3] });
        // 資格條件, 工作項目, 工作地址 of the fixture: every created one.
        CHECK(list(client, token, "q=%E7%B6%9C%E5%90%88%E6%A5%AD%E5%8B%99").value("total") == 5);
        CHECK(list(client, token, "q=%E6%98%8E%E5%BE%B7%E8%B7%AF").value("total") == 5);
        // % and _ are literal characters, not wildcards.
        CHECK(idsOf(list(client, token, "q=50%25_")) == QStringList { made[1] });
        CHECK(list(client, token, "q=%25").value("total") == 1);
        CHECK(list(client, token, "q=_").value("total") == 1);
        CHECK(list(client, token, "q=%5C").value("total") == 0); // a backslash
        CHECK(list(client, token, "q=%E4%B8%8D%E5%AD%98%E5%9C%A8").value("total") == 0);
        // Contact details are not searched.
        CHECK(list(client, token, "q=hr%40ntunhs").value("total") == 0);
    }
    SECTION("bad query values are 400 request-invalid with the parameter named")
    {
        const QList<QPair<QString, QString>> bad {
            { "scope=everything", "scope" },
            { "page=0", "page" },
            { "page=-1", "page" },
            { "page=abc", "page" },
            { "page=1.5", "page" },
            { "page=99999999999999", "page" },
            { "pageSize=0", "pageSize" },
            { "pageSize=101", "pageSize" },
            { "pageSize=ten", "pageSize" },
            { "id=123", "id" },
            { "id=11501000011", "id" },
            { "id=abcdefghij", "id" },
            { "sort=title", "sort" },
            { "page=1&page=2", "page" },
            { "q=" + QString(201, u'x'), "q" },
        };
        for (const auto& [query, field] : bad) {
            const Reply reply = client.get("/api/v1/vacancies?" + query, token);
            INFO(query.toStdString() << " → " << reply.body.toStdString());
            CHECK(reply.status == 400);
            CHECK(reply.error() == "request-invalid");
            CHECK(reply.json().value("fields").toObject().contains(field));
        }
    }
}

TEST_CASE("vacancies: status follows the date; seeded ones keep theirs", "[server][vacancies]")
{
    TestServer server;
    const HttpClient client = server.client();
    const QString token = clerkSession(client);

    const QJsonObject publishedNow = created(client, token, vacancyBody(0, 3));
    CHECK(publishedNow.value("status") == "published");
    CHECK(publishedNow.value("publishedOn") == today().toString(Qt::ISODate));
    const QJsonObject later = created(client, token, vacancyBody(1, 3));
    CHECK(later.value("status") == "scheduled");
    CHECK_FALSE(later.contains("publishedOn"));

    const QJsonObject ended = record(client, token, endedSeedId(client, token));
    CHECK(ended.value("status") == "ended");
    CHECK(ended.value("publishedOn") == ended.value("validFrom"));
    CHECK(ended.value("createdOn") == "2025-03-01");
    CHECK(ended.value("vacancyId").toString().startsWith("11403"));

    const QJsonObject withdrawn = record(client, token, seededWithdrawn);
    CHECK(withdrawn.value("status") == "withdrawn");
    CHECK_FALSE(withdrawn.contains("rejectionReason"));

    const QJsonObject rejected = record(client, token, seededRejected);
    CHECK(rejected.value("status") == "rejected");
    CHECK(rejected.value("rejectionReason").toString().contains("工作項目"));
    CHECK_FALSE(rejected.contains("publishedOn"));

    for (const QJsonObject& one : { publishedNow, later, ended, withdrawn, rejected }) {
        CHECK_FALSE(one.value("etag").toString().isEmpty());
        CHECK(one.value("agencyCode") == ownAgency);
    }

    SECTION("a restart with the same seed adds nothing")
    {
        const QJsonObject before = list(client, token, "scope=history");
        const QJsonArray feedBefore = wholeFeed(client, token);
        server.restart();
        const HttpClient again = server.client();
        const QString token2 = clerkSession(again);
        CHECK(list(again, token2, "scope=history") == before);
        CHECK(list(again, token2).value("total").toInt() == 3);
        CHECK(wholeFeed(again, token2) == feedBefore);
    }
    SECTION("a replaced rejected vacancy is active again, by date")
    {
        QJsonObject body = rejected;
        body.insert("duties", "補正後的工作項目");
        const Reply reply = put(client, token, seededRejected, body, etagOf(rejected));
        INFO(reply.body.toStdString());
        REQUIRE(reply.status == 200);
        CHECK(reply.json().value("status") == "scheduled"); // its dates lie in 2099
        CHECK_FALSE(reply.json().contains("rejectionReason"));
        CHECK(record(client, token, seededRejected).value("duties") == "補正後的工作項目");
    }
}

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

TEST_CASE("vacancies: the rules answer 422 with per-field messages", "[server][vacancies]")
{
    TestServer server;
    const HttpClient client = server.client();
    const QString token = clerkSession(client);

    struct Case {
        const char* what;
        QString field;
        std::function<void(QJsonObject&)> change;
    };
    const QList<Case> cases {
        { "名額 0", "openings", [](QJsonObject& b) { b.insert("openings", 0); } },
        { "候補名額 > 2 × 名額", "reserveOpenings",
            [](QJsonObject& b) {
                b.insert("openings", 1);
                b.insert("reserveOpenings", 3);
            } },
        { "end before start", "validTo",
            [](QJsonObject& b) {
                b.insert("validFrom", today().addDays(5).toString(Qt::ISODate));
                b.insert("validTo", today().addDays(4).toString(Qt::ISODate));
            } },
        { "notice shorter than 3 days", "validTo",
            [](QJsonObject& b) {
                b.insert("validFrom", today().toString(Qt::ISODate));
                b.insert("validTo", today().addDays(2).toString(Qt::ISODate));
            } },
        { "start in the past", "validFrom",
            [](QJsonObject& b) {
                b.insert("validFrom", today().addDays(-1).toString(Qt::ISODate));
            } },
        { "unknown 職系", "seriesCodes",
            [](QJsonObject& b) { b.insert("seriesCodes", QJsonArray { "Z999" }); } },
        { "unknown 工作地點", "workplaceCodes",
            [](QJsonObject& b) { b.insert("workplaceCodes", QJsonArray { "77" }); } },
        { "unknown 人員區分", "personKind",
            [](QJsonObject& b) { b.insert("personKind", "宇宙人員"); } },
        { "bad e-mail", "contactEmail",
            [](QJsonObject& b) { b.insert("contactEmail", "hr-at-example"); } },
        { "gender without a reason", "genderReason",
            [](QJsonObject& b) { b.insert("gender", "male"); } },
        { "missing title", "title", [](QJsonObject& b) { b.remove("title"); } },
        { "over-long title", "title",
            [](QJsonObject& b) { b.insert("title", QString(201, u'長')); } },
        { "over-long 資格條件", "qualifications",
            [](QJsonObject& b) { b.insert("qualifications", QString(4001, u'長')); } },
    };
    for (const Case& c : cases) {
        QJsonObject body = vacancyBody(0);
        c.change(body);
        const Reply reply = create(client, token, body);
        INFO(c.what << " → " << reply.body.toStdString());
        CHECK(reply.status == 422);
        CHECK(reply.error() == "validation-failed");
        const QJsonArray messages
            = reply.json().value("fields").toObject().value(c.field).toArray();
        REQUIRE_FALSE(messages.isEmpty());
        CHECK_FALSE(messages.first().toString().isEmpty());
    }

    // Several problems at once, each under its own field.
    QJsonObject body = vacancyBody(0);
    body.insert("openings", 0);
    body.insert("contactEmail", "nope");
    body.insert("gender", "female");
    const QJsonObject fields = create(client, token, body).json().value("fields").toObject();
    CHECK(fields.contains("openings"));
    CHECK(fields.contains("contactEmail"));
    CHECK(fields.contains("genderReason"));
    // With a reason the gender limit passes.
    body = vacancyBody(0);
    body.insert("gender", "female");
    body.insert("genderReason", "哺乳室管理，工作性質僅適合女性");
    CHECK(create(client, token, body).status == 201);

    // Only the one valid vacancy (and the seeded rejected one) exists.
    CHECK(list(client, token).value("total").toInt() == 2);
}
