// The vacancy endpoints over real HTTP, creating: 201 with a server-assigned 職缺編號, and the
// rules' 422 answers. Listing: test_vacancy_list.cpp; replace and delete:
// test_vacancy_replace_delete.cpp; who may see and write: test_vacancy_access.cpp. Idempotency,
// concurrent writers and the change feed: test_vacancy_sync.cpp; the bad-input matrix:
// test_vacancy_bad_input.cpp.

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
