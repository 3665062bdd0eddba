// Every operation of docs/api/openapi.yaml, driven against the real server through Stoplight
// Prism's validating proxy: a request or an answer that breaks the document fails the walk.
// check-walk.js then compares the operations walked with the document's, reads every body again
// under a strict JSON Schema reading, and holds HEAD and OPTIONS to what the document says.

#include "../api/vacancy_test_support.hpp"
#include "applications_seed.hpp"
#include "card_login.hpp"
#include "contract_proxy.hpp"
#include "core/auth/auth_token.hpp"
#include "test_server.hpp"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>
#include <catch2/catch.hpp>

using contract::Walk;
using servertest::Headers;
using servertest::Reply;

namespace {

const QByteArray json = "application/json";

Headers withToken(const QString& token, Headers extra = {})
{
    extra.prepend(servertest::bearer(token));
    return extra;
}

QString sessionOf(const Reply& reply)
{
    return reply.json().value("session").toObject().value("token").toString();
}

/// Challenge and card login for `certName`, through the walk.
Reply cardLogin(Walk& walk, const QString& certName, int expectedStatus)
{
    const Reply challenge = walk.call("issueChallenge", "POST", "/api/v1/auth/challenge", 200, "{}",
        { { "Content-Type", json } });
    const QString nonce = challenge.json().value("nonce").toString();
    return walk.callJson("certificateLogin", "POST", "/api/v1/auth/certificate", expectedStatus,
        core::auth::certificateLoginRequest(
            nonce, servertest::loginToken(certName, certName, servertest::testOrigin, nonce)));
}

} // namespace

TEST_CASE("The contract walk: every operation through Prism's validating proxy", "[contract]")
{
    servertest::applications::ApplicationsSeed seed;
    servertest::TestServer server(seed.options());
    contract::PrismProxy strict(server.baseUrl(), true);
    contract::PrismProxy lenient(server.baseUrl(), false);
    Walk walk(server.baseUrl(), strict.baseUrl(), lenient.baseUrl());

    // Public: health, code lists with their ETags, the Open Data feed.
    walk.call("health", "GET", "/api/v1/health", 200);
    const Reply lists = walk.call("getCodeLists", "GET", "/api/v1/reference", 200);
    walk.call("getCodeLists", "GET", "/api/v1/reference", 304, {},
        { { "If-None-Match", lists.header("etag") } });
    for (const char* list :
        { "person-kinds", "series", "workplaces", "grades", "titles", "agencies" }) {
        const QString path = QStringLiteral("/api/v1/reference/") + list;
        const Reply one = walk.call("getCodeList", "GET", path, 200);
        walk.call("getCodeList", "GET", path, 304, {}, { { "If-None-Match", one.header("etag") } });
    }
    walk.call(
        "getCodeList", "GET", "/api/v1/reference/series", 304, {}, { { "If-None-Match", "*" } });
    const Reply feed = walk.callXml("openDataFeed", "/api/v1/opendata/vacancies.xml", 200);
    walk.call("openDataFeed", "GET", "/api/v1/opendata/vacancies.xml", 304, {},
        { { "If-None-Match", feed.header("etag") } });

    // 王小明's card: first seen, so activation, then the account set up and changed.
    const Reply first = cardLogin(walk, "citizen-sign", 200);
    REQUIRE(first.json().value("activationRequired").toBool());
    const Reply activated
        = walk.callJson("activateCertificate", "POST", "/api/v1/auth/activate", 200,
            { { "activationTicket", first.json().value("activationTicket") },
                { "accountOrIdNumber", "A123456789" } });
    const QString setupToken = sessionOf(activated);
    walk.call("getAccount", "GET", "/api/v1/account", 200, {}, withToken(setupToken));
    walk.callJson("setUpAccount", "PUT", "/api/v1/account", 200,
        { { "account", "wang01" }, { "email", "wang@test.gov.tw" },
            { "password", servertest::clerkPassword } },
        setupToken);
    walk.callJson(
        "changeAccount", "PATCH", "/api/v1/account", 200, { { "phone", "1234" } }, setupToken);
    const QString clerk = setupToken; // a card session with its account set up: may write
    const Reply again = cardLogin(walk, "citizen-sign", 200);
    REQUIRE_FALSE(sessionOf(again).isEmpty());
    const Reply password = walk.callJson("passwordLogin", "POST", "/api/v1/auth/password", 200,
        { { "account", "wang01" }, { "password", servertest::clerkPassword } });
    const QString reader = sessionOf(password);
    const QString agency = sessionOf(cardLogin(walk, "agency-sign", 200));
    walk.call("getAccount", "GET", "/api/v1/account", 200, {}, withToken(reader));

    // Vacancies: create (and its replay), read, replace with what was read, a stale If-Match,
    // withdraw a published one and delete a scheduled one.
    const QByteArray key = vacancytest::newKey();
    const QJsonObject body = vacancytest::vacancyBody(0, 10);
    const Reply created = walk.callJson("createVacancy", "POST", "/api/v1/vacancies", 201, body,
        clerk, { { "Idempotency-Key", key } });
    walk.callJson("createVacancy", "POST", "/api/v1/vacancies", 201, body, clerk,
        { { "Idempotency-Key", key } });
    const QString id = created.json().value("vacancyId").toString();
    const QString path = "/api/v1/vacancies/" + id;
    const Reply read = walk.call("getVacancy", "GET", path, 200, {}, withToken(reader));
    const QByteArray etag = read.header("etag");
    const Reply replaced = walk.call("replaceVacancy", "PUT", path, 200, read.body,
        withToken(clerk, { { "Content-Type", json }, { "If-Match", etag } }));
    walk.call("replaceVacancy", "PUT", path, 412, read.body,
        withToken(clerk, { { "Content-Type", json }, { "If-Match", etag } }));
    const Reply scheduled = walk.callJson("createVacancy", "POST", "/api/v1/vacancies", 201,
        vacancytest::vacancyBody(5, 10), clerk, { { "Idempotency-Key", vacancytest::newKey() } });
    const QString scheduledPath
        = "/api/v1/vacancies/" + scheduled.json().value("vacancyId").toString();
    walk.call("deleteVacancy", "DELETE", scheduledPath, 412, {},
        withToken(clerk, { { "If-Match", "\"999\"" } }));
    walk.call("deleteVacancy", "DELETE", scheduledPath, 204, {},
        withToken(clerk, { { "If-Match", scheduled.header("etag") } }));
    walk.call("deleteVacancy", "DELETE", path, 200, {},
        withToken(clerk, { { "If-Match", replaced.header("etag") } }));
    walk.call("getVacancy", "GET", scheduledPath, 404, {}, withToken(clerk));
    walk.callJson("createVacancy", "POST", "/api/v1/vacancies", 201, vacancytest::vacancyBody(0, 3),
        clerk, { { "Idempotency-Key", vacancytest::newKey() } });
    // A unit's vacancy: the agency card posts for 第一分署 (not for an unrelated agency), the
    // unit's clerk reads it, its list, its feed and its trail.
    QJsonObject forUnit = vacancytest::vacancyBody(2, 10);
    forUnit.insert("agencyCode", "A29010000G");
    const Reply unitCreated = walk.callJson("createVacancy", "POST", "/api/v1/vacancies", 201,
        forUnit, agency, { { "Idempotency-Key", vacancytest::newKey() } });
    QJsonObject elsewhere = forUnit;
    elsewhere.insert("agencyCode", "A12000000X");
    walk.callJson("createVacancy", "POST", "/api/v1/vacancies", 422, elsewhere, agency,
        { { "Idempotency-Key", vacancytest::newKey() } });
    const QString unitClerk = sessionOf(walk.callJson("passwordLogin", "POST",
        "/api/v1/auth/password", 200, { { "account", "huang01" }, { "password", "Huang!2345" } }));
    const QString unitPath
        = "/api/v1/vacancies/" + unitCreated.json().value("vacancyId").toString();
    walk.call("getVacancy", "GET", unitPath, 200, {}, withToken(unitClerk));
    walk.call("listVacancies", "GET", "/api/v1/vacancies", 200, {}, withToken(unitClerk));
    walk.call("getChanges", "GET", "/api/v1/changes", 200, {}, withToken(unitClerk));
    walk.call("readAudit", "GET", "/api/v1/audit", 200, {}, withToken(unitClerk));
    walk.call("getVacancy", "GET", path, 404, {}, withToken(unitClerk));

    // A batch: the first create's key again (its stored answer), a new one, and one the form
    // rules refuse (a start date in the past), each answered in its result.
    const auto batchItem = [](const QByteArray& itemKey, const QJsonObject& vacancy) {
        return QJsonObject { { "idempotencyKey", QString::fromLatin1(itemKey) },
            { "vacancy", vacancy } };
    };
    const Reply batch = walk.callJson("createVacancyBatch", "POST", "/api/v1/vacancy-batches", 200,
        QJsonObject { { "items",
            QJsonArray { batchItem(key, body),
                batchItem(vacancytest::newKey(), vacancytest::vacancyBody(1, 10)),
                batchItem(vacancytest::newKey(), vacancytest::vacancyBody(-5, 10)) } } },
        clerk);
    const QJsonArray results = batch.json().value("results").toArray();
    REQUIRE(results.size() == 3);
    CHECK(results.at(0).toObject().value("replayed").toBool());
    CHECK(results.at(1).toObject().value("status").toInt() == 201);
    CHECK(results.at(2).toObject().value("status").toInt() == 422);
    const Reply rows = walk.callXml("openDataFeed", "/api/v1/opendata/vacancies.xml", 200);
    CHECK(rows.body.contains("<ROW>"));

    // The list with every scope and paging parameter, from a password session and the agency's.
    for (const QString& query : { QString(), QStringLiteral("scope=current"),
             QStringLiteral("scope=history"), QStringLiteral("scope=history&page=1&pageSize=1"),
             QStringLiteral("page=2&pageSize=1"), QStringLiteral("pageSize=100"),
             QStringLiteral("id=") + id, QStringLiteral("scope=history&id=") + id,
             QStringLiteral("q=%E6%AA%94%E6%A1%88"), QStringLiteral("page=1000000") })
        walk.call("listVacancies", "GET", "/api/v1/vacancies?" + query, 200, {}, withToken(reader));
    walk.call("listVacancies", "GET", "/api/v1/vacancies", 200, {}, withToken(agency));

    // The change feed, followed to its end, with a limit.
    QString cursor;
    for (int page = 0; page < 50; ++page) {
        const Reply changes = walk.call("getChanges", "GET",
            "/api/v1/changes?limit=2" + (cursor.isEmpty() ? QString() : "&since=" + cursor), 200,
            {}, withToken(reader));
        cursor = changes.json().value("cursor").toString();
        if (!changes.json().value("hasMore").toBool())
            break;
    }
    walk.call("getChanges", "GET", "/api/v1/changes", 200, {}, withToken(clerk));

    // 調閱履歷 and its audit trail.
    namespace apps = servertest::applications;
    walk.call("readApplications", "GET", "/api/v1/vacancies/" + apps::allId + "/applications", 200,
        {}, withToken(reader));
    walk.call("readApplications", "GET", "/api/v1/vacancies/" + apps::subsetId + "/applications",
        200, {}, withToken(clerk));
    walk.call("readApplications", "GET",
        "/api/v1/vacancies/" + apps::pagedId + "/applications?page=2&pageSize=10", 200, {},
        withToken(reader));
    walk.call("readApplications", "GET", "/api/v1/vacancies/" + apps::disabledId + "/applications",
        403, {}, withToken(reader));
    walk.call("readAudit", "GET", "/api/v1/audit", 200, {}, withToken(reader));
    walk.call("readAudit", "GET", "/api/v1/audit?page=1&pageSize=5", 200, {}, withToken(agency));

    // HEAD and OPTIONS on every path the walk read.
    for (const QString& get :
        { QStringLiteral("/api/v1/health"), QStringLiteral("/api/v1/reference"),
            QStringLiteral("/api/v1/reference/series"),
            QStringLiteral("/api/v1/opendata/vacancies.xml"), QStringLiteral("/api/v1/account"),
            QStringLiteral("/api/v1/vacancies"), path, QStringLiteral("/api/v1/changes"),
            QStringLiteral("/api/v1/audit"), "/api/v1/vacancies/" + apps::allId + "/applications" })
        walk.headAndOptions(get, reader);
    for (const QString& post : { QStringLiteral("/api/v1/auth/challenge"),
             QStringLiteral("/api/v1/auth/certificate"), QStringLiteral("/api/v1/auth/activate"),
             QStringLiteral("/api/v1/auth/password"), QStringLiteral("/api/v1/auth/logout") })
        walk.headAndOptions(post);

    // Logging out ends the session.
    walk.call("logout", "POST", "/api/v1/auth/logout", 204, {}, withToken(agency));
    walk.call("getAccount", "GET", "/api/v1/account", 401, {}, withToken(agency));
}
