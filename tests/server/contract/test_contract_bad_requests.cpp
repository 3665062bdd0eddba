// Requests the contract does not allow, through Prism's proxy without --errors so that they
// reach the server: each must get the 4xx the document names, and Prism must find nothing wrong
// with the answer (only with the request).

#include "../api/vacancy_test_support.hpp"
#include "card_login.hpp"
#include "contract_proxy.hpp"
#include "test_server.hpp"

#include <catch2/catch.hpp>

using servertest::Headers;

namespace {

const QByteArray json = "application/json";

Headers with(const QString& token, Headers extra = {})
{
    if (!token.isEmpty())
        extra.prepend(servertest::bearer(token));
    return extra;
}

} // namespace

TEST_CASE("The contract walk: bad requests get the answers the document names", "[contract]")
{
    servertest::TestServer server;
    contract::PrismProxy strict(server.baseUrl(), true);
    contract::PrismProxy lenient(server.baseUrl(), false);
    contract::Walk walk(server.baseUrl(), strict.baseUrl(), lenient.baseUrl());
    const QString clerk = servertest::clerkSession(servertest::HttpClient(server.baseUrl()));
    const QString reader = servertest::passwordSession(servertest::HttpClient(server.baseUrl()));
    const Headers asJson { { "Content-Type", json } };

    // Bodies: not JSON, not an object, too deep, unknown and missing members, wrong type.
    walk.bad("issueChallenge", "POST", "/api/v1/auth/challenge", 400, "{\"x\":1}", asJson);
    walk.bad("issueChallenge", "POST", "/api/v1/auth/challenge", 415, "{}",
        { { "Content-Type", "text/plain" } });
    walk.notJson("passwordLogin", "POST", "/api/v1/auth/password", 400, "{\"account\":", asJson);
    walk.notJson("createVacancy", "POST", "/api/v1/vacancies", 400, "{\"title\": tru",
        with(clerk, { { "Content-Type", json }, { "Idempotency-Key", vacancytest::newKey() } }));
    walk.bad("passwordLogin", "POST", "/api/v1/auth/password", 400, "[]", asJson);
    walk.bad("passwordLogin", "POST", "/api/v1/auth/password", 400,
        QByteArray(20, '[') + QByteArray(20, ']'), asJson);
    walk.bad("passwordLogin", "POST", "/api/v1/auth/password", 400,
        "{\"account\":\"wang01\",\"password\":\"x\",\"extra\":1}", asJson);
    walk.bad(
        "passwordLogin", "POST", "/api/v1/auth/password", 400, "{\"account\":\"wang01\"}", asJson);
    walk.call("passwordLogin", "POST", "/api/v1/auth/password", 401,
        "{\"account\":\"wang01\",\"password\":\"Wrong-pass1\"}", asJson);
    const QString nonce = servertest::challenge(servertest::HttpClient(server.baseUrl()));
    walk.bad("certificateLogin", "POST", "/api/v1/auth/certificate", 400,
        "{\"nonce\":\"" + nonce.toLatin1() + "\",\"authToken\":{\"format\":\"web-eid:1.0\"}}",
        asJson);
    walk.bad("activateCertificate", "POST", "/api/v1/auth/activate", 400,
        "{\"activationTicket\":5,\"accountOrIdNumber\":\"A123456789\"}", asJson);
    walk.call("activateCertificate", "POST", "/api/v1/auth/activate", 401,
        "{\"activationTicket\":\"not-a-ticket\",\"accountOrIdNumber\":\"A123456789\"}", asJson);
    walk.bad(
        "changeAccount", "PATCH", "/api/v1/account", 400, "{\"phone\":5}", with(clerk, asJson));

    // Sessions: none, an unknown one, a password session writing.
    walk.bad("getAccount", "GET", "/api/v1/account", 401);
    walk.call("getAccount", "GET", "/api/v1/account", 401, {}, with("not-a-session"));
    walk.bad("logout", "POST", "/api/v1/auth/logout", 401);
    const QByteArray body = QJsonDocument(vacancytest::vacancyBody()).toJson();
    walk.call("createVacancy", "POST", "/api/v1/vacancies", 403, body,
        with(reader, { { "Content-Type", json }, { "Idempotency-Key", vacancytest::newKey() } }));

    // A batch from a session that cannot write, an empty one, one key twice.
    const QByteArray batchKey = vacancytest::newKey();
    const QByteArray twice = "{\"items\":[{\"idempotencyKey\":\"" + batchKey
        + "\",\"vacancy\":" + body.trimmed() + "},{\"idempotencyKey\":\"" + batchKey
        + "\",\"vacancy\":" + body.trimmed() + "}]}";
    walk.call(
        "createVacancyBatch", "POST", "/api/v1/vacancy-batches", 403, twice, with(reader, asJson));
    walk.bad("createVacancyBatch", "POST", "/api/v1/vacancy-batches", 400, "{\"items\":[]}",
        with(clerk, asJson));
    walk.call(
        "createVacancyBatch", "POST", "/api/v1/vacancy-batches", 400, twice, with(clerk, asJson));

    // Vacancy writes: no Idempotency-Key, no If-Match, a body the rules refuse.
    walk.bad("createVacancy", "POST", "/api/v1/vacancies", 400, body, with(clerk, asJson));
    walk.bad("createVacancy", "POST", "/api/v1/vacancies", 400, "{\"title\":[]}",
        with(clerk, { { "Content-Type", json }, { "Idempotency-Key", vacancytest::newKey() } }));
    walk.call("createVacancy", "POST", "/api/v1/vacancies", 422, "{\"title\":\"\"}",
        with(clerk, { { "Content-Type", json }, { "Idempotency-Key", vacancytest::newKey() } }));
    const QString id = walk.callJson("createVacancy", "POST", "/api/v1/vacancies", 201,
                               vacancytest::vacancyBody(), clerk,
                               { { "Idempotency-Key", vacancytest::newKey() } })
                           .json()
                           .value("vacancyId")
                           .toString();
    walk.bad("replaceVacancy", "PUT", "/api/v1/vacancies/" + id, 428, body, with(clerk, asJson));
    walk.bad("deleteVacancy", "DELETE", "/api/v1/vacancies/" + id, 428, {}, with(clerk));
    walk.call("getVacancy", "GET", "/api/v1/vacancies/9999999999", 404, {}, with(reader));
    walk.bad("getVacancy", "GET", "/api/v1/vacancies/12", 404, {}, with(reader));

    // Query parameters: out of range, not a number, unknown, a value outside the enum.
    walk.bad("listVacancies", "GET", "/api/v1/vacancies?pageSize=0", 400, {}, with(reader));
    walk.bad("listVacancies", "GET", "/api/v1/vacancies?page=x", 400, {}, with(reader));
    walk.bad("listVacancies", "GET", "/api/v1/vacancies?scope=all", 400, {}, with(reader));
    walk.call("listVacancies", "GET", "/api/v1/vacancies?sort=title", 400, {}, with(reader));
    walk.bad("getChanges", "GET", "/api/v1/changes?limit=501", 400, {}, with(reader));
    walk.call("getChanges", "GET", "/api/v1/changes?since=not-a-cursor", 400, {}, with(reader));
    walk.bad("readAudit", "GET", "/api/v1/audit?pageSize=101", 400, {}, with(reader));
    walk.bad("getCodeList", "GET", "/api/v1/reference/nothing", 404);
}
