// Bad input of every kind at the vacancy endpoints: always a 4xx with a clear code, never a 5xx
// or a dropped connection, and nothing stored changes (the list and the feed read the same).

#include "test_server.hpp"
#include "vacancy_test_support.hpp"

using namespace servertest;
using namespace vacancytest;

namespace {

struct BadBody {
    const char* what;
    QByteArray body;
    QByteArray contentType = "application/json";
    int status;
    QString error;
};

QByteArray withMember(const QString& key, const QJsonValue& value)
{
    QJsonObject body = vacancyBody(0);
    body.insert(key, value);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QList<BadBody> badBodies()
{
    const QByteArray valid = QJsonDocument(vacancyBody(0)).toJson(QJsonDocument::Compact);
    QByteArray oversize = valid;
    oversize.chop(1);
    oversize += ",\"duties\":\"" + QByteArray(300 * 1024, 'x') + "\"}";
    QByteArray deep = valid;
    deep.chop(1);
    deep += ",\"resumeAccess\":" + QByteArray(40, '[') + QByteArray(40, ']') + "}";
    QByteArray invalidUtf8 = valid;
    invalidUtf8.replace("科員", "\xff\xfe\xfd");
    return {
        { "malformed JSON", "{\"title\": ", "application/json", 400, "json-malformed" },
        { "empty body", "", "application/json", 400, "json-malformed" },
        { "an array", "[]", "application/json", 400, "json-malformed" },
        { "a string", "\"vacancy\"", "application/json", 400, "json-malformed" },
        { "null", "null", "application/json", 400, "json-malformed" },
        { "trailing garbage", valid + "xyz", "application/json", 400, "json-malformed" },
        { "invalid UTF-8", invalidUtf8, "application/json", 400, "json-malformed" },
        { "openings as text", withMember("openings", "1"), "application/json", 400,
            "request-invalid" },
        { "openings fractional", withMember("openings", 1.5), "application/json", 400,
            "request-invalid" },
        { "openings huge", withMember("openings", 1e20), "application/json", 400,
            "request-invalid" },
        { "title as number", withMember("title", 7), "application/json", 400, "request-invalid" },
        { "codes as a string", withMember("seriesCodes", "A101"), "application/json", 400,
            "request-invalid" },
        { "a code as a number", withMember("workplaceCodes", QJsonArray { 10 }), "application/json",
            400, "request-invalid" },
        { "flag as text", withMember("transfer", "Y"), "application/json", 400, "request-invalid" },
        { "impossible date", withMember("validTo", "2026-02-30"), "application/json", 400,
            "request-invalid" },
        { "ROC date", withMember("validFrom", "115/12/01"), "application/json", 400,
            "request-invalid" },
        { "unknown gender", withMember("gender", "other"), "application/json", 400,
            "request-invalid" },
        { "unknown status", withMember("status", "approved"), "application/json", 400,
            "request-invalid" },
        { "NUL in a text",
            withMember("title", QStringLiteral("科") + QChar(0) + QStringLiteral("員")),
            "application/json", 400, "request-invalid" },
        { "NUL in a code",
            withMember("seriesCodes",
                QJsonArray { QStringLiteral("A1") + QChar(0) + QStringLiteral("01") }),
            "application/json", 400, "request-invalid" },
        { "unknown field", withMember("salary", 50000), "application/json", 400,
            "request-invalid" },
        { "unknown nested field", withMember("resumeAccess", QJsonObject { { "x", 1 } }),
            "application/json", 400, "request-invalid" },
        { "grade range not an object", withMember("gradeRanges", QJsonArray { 5 }),
            "application/json", 400, "request-invalid" },
        { "deep nesting", deep, "application/json", 400, "json-too-deep" },
        { "oversize body", oversize, "application/json", 413, "body-too-large" },
        { "text/plain", valid, "text/plain", 415, "unsupported-media-type" },
        { "form data", "title=x", "application/x-www-form-urlencoded", 415,
            "unsupported-media-type" },
        { "no content type", valid, "", 415, "unsupported-media-type" },
    };
}

/// What a client can read: both lists and the whole feed.
QJsonArray snapshot(const HttpClient& client, const QString& token)
{
    return { list(client, token, "pageSize=100"), list(client, token, "scope=history&pageSize=100"),
        wholeFeed(client, token) };
}

} // namespace

TEST_CASE("vacancies: bad input is refused with 4xx and changes nothing",
    "[server][vacancies][bad-input]")
{
    TestServer server;
    const HttpClient client = server.client();
    const QString token = clerkSession(client);
    const QJsonObject existing = created(client, token, vacancyBody(0));
    const QString id = existing.value("vacancyId").toString();
    const QJsonArray before = snapshot(client, token);

    for (const BadBody& bad : badBodies()) {
        for (const QByteArray& method : { QByteArray("POST"), QByteArray("PUT") }) {
            Headers headers { bearer(token) };
            if (!bad.contentType.isEmpty())
                headers.append({ "Content-Type", bad.contentType });
            headers.append(method == "POST" ? withKey(newKey()) : withIfMatch(etagOf(existing)));
            const QString path = method == "POST" ? "/api/v1/vacancies" : "/api/v1/vacancies/" + id;
            const Reply reply = client.send(method, path, bad.body, headers);
            INFO(method.toStdString() << " " << bad.what << " → " << reply.status << " "
                                      << reply.body.left(300).toStdString());
            CHECK(reply.status == bad.status);
            CHECK(reply.error() == bad.error);
            if (bad.error == "request-invalid")
                CHECK_FALSE(reply.json().value("fields").toObject().isEmpty());
        }
    }

    SECTION("the same with an Idempotency-Key reused across bad bodies")
    {
        const QByteArray key = newKey();
        for (const BadBody& bad : badBodies()) {
            Headers headers { bearer(token), { "Idempotency-Key", key } };
            if (!bad.contentType.isEmpty())
                headers.append({ "Content-Type", bad.contentType });
            const Reply reply = client.send("POST", "/api/v1/vacancies", bad.body, headers);
            INFO(bad.what << " → " << reply.body.left(300).toStdString());
            CHECK(reply.status >= 400);
            CHECK(reply.status < 500);
        }
        // The key was never used for work: a valid body under it is created normally.
        const Reply good = create(client, token, vacancyBody(1), key);
        CHECK(good.status == 201);
        CHECK(good.header("Idempotent-Replayed").isEmpty());
        REQUIRE(
            remove(client, token, good.json().value("vacancyId").toString(), etagOf(good.json()))
                .status
            == 204);
        CHECK(snapshot(client, token) != before); // the tombstone is in the feed now
        return;
    }
    SECTION("headers, ids and methods")
    {
        const QJsonObject body = vacancyBody(0);
        const QList<QPair<const char*, Reply>> replies {
            { "If-Match empty", put(client, token, id, body, " ") },
            { "If-Match garbage", put(client, token, id, body, "garbage") },
            { "If-Match weak", put(client, token, id, body, "W/" + etagOf(existing)) },
            { "If-Match huge", put(client, token, id, body, QByteArray(4000, '"')) },
            { "PUT unknown id", put(client, token, "0000000000", body, etagOf(existing)) },
            { "PUT id with a slash", put(client, token, "1%2F2", body, etagOf(existing)) },
            { "PUT id SQL", put(client, token, "1'%20OR%20'1'='1", body, etagOf(existing)) },
            { "DELETE garbage tag", remove(client, token, id, "\"nope\"") },
            { "DELETE unknown id", remove(client, token, "9999999999", etagOf(existing)) },
            { "PATCH", client.sendJson("PATCH", "/api/v1/vacancies/" + id, body, token) },
            { "POST on one", client.sendJson("POST", "/api/v1/vacancies/" + id, body, token) },
            { "PUT on the list", client.sendJson("PUT", "/api/v1/vacancies", body, token) },
            { "DELETE changes", client.send("DELETE", "/api/v1/changes", {}, { bearer(token) }) },
            { "bad token",
                client.sendJson("POST", "/api/v1/vacancies", body, "x", withKey(newKey())) },
            { "list SQL in q",
                client.get("/api/v1/vacancies?q=%27%3B%20DROP%20TABLE%20vacancies%3B--", token) },
            { "list NUL in q", client.get("/api/v1/vacancies?q=a%00b", token) },
            { "list newline in q", client.get("/api/v1/vacancies?q=a%0Ab", token) },
            { "list bad percent", client.get("/api/v1/vacancies?q=%E4%B8", token) },
        };
        for (const auto& [what, reply] : replies) {
            INFO(what << " → " << reply.status << " " << reply.body.left(300).toStdString());
            CHECK(reply.status >= 200);
            CHECK(reply.status < 500);
            if (QByteArray(what).startsWith("list"))
                CHECK((reply.status == 200 || reply.status == 400));
            else
                CHECK(reply.status >= 400);
        }
    }

    // Nothing any of it did is visible.
    CHECK(snapshot(client, token) == before);
    CHECK(record(client, token, id) == existing);
    CHECK(client.get("/api/v1/health").status < 500);
}
