// 調閱履歷: GET /vacancies/{id}/applications shows only the résumé sections and dates the vacancy's
// settings open, never a full ID number, pages like the vacancy list, and writes one audit row
// per read, which GET /audit lists to the reading agency only (filtered to those rows: logins and
// account changes are in the same trail, see test_audit_trail.cpp).
//
// The server runs on tests/server/seed/test.json plus the vacancies below (their 調閱 settings are
// what is under test) and 他機關's clerk 他機關員 with a password account, so a second agency
// can log in.

#include "applications_seed.hpp"
#include "card_login.hpp"
#include "server/accounts/password_hash.hpp"
#include "test_server.hpp"
#include "vacancy_test_support.hpp"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <memory>

using namespace servertest;
using namespace servertest::applications;

namespace {

QString applicationsPath(const QString& id, const QString& query = {})
{
    return QStringLiteral("/api/v1/vacancies/") + id + QStringLiteral("/applications")
        + (query.isEmpty() ? QString() : u'?' + query);
}

Reply readApplications(
    const HttpClient& client, const QString& token, const QString& id, const QString& query = {})
{
    return client.get(applicationsPath(id, query), token);
}

QJsonObject itemNamed(const QJsonArray& items, const QString& id)
{
    for (const QJsonValue& item : items)
        if (item.toObject().value("id").toString() == id)
            return item.toObject();
    FAIL("no applicant " << id.toStdString());
    return {};
}

QStringList keysOf(const QJsonObject& object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

QStringList textsOf(const QJsonArray& entries, const QString& key)
{
    QStringList texts;
    for (const QJsonValue& entry : entries)
        texts.append(entry.toObject().value(key).toVariant().toString());
    return texts;
}

/// No full ID number anywhere in the answer: neither the seeded ones nor anything shaped like one.
void requireNoIdNumbers(const QByteArray& body)
{
    for (const QString& id : applicantIdNumbers)
        CHECK_FALSE(body.contains(id.toLatin1()));
    CHECK_FALSE(QRegularExpression(QStringLiteral("[A-Z][12]\\d{8}"))
                    .match(QString::fromUtf8(body))
                    .hasMatch());
}

qint64 auditTotal(const HttpClient& client, const QString& token)
{
    const Reply audit = client.get("/api/v1/audit?action=applications.read", token);
    REQUIRE(audit.status == 200);
    return audit.json().value("total").toInteger();
}

} // namespace

TEST_CASE("Applications: 個人全部資料 shows every section, date ranges cut entries, no ID numbers",
    "[server][applications]")
{
    const ApplicationsSeed seed;
    TestServer server(seed.options());
    const HttpClient client = server.client();
    const QString token = clerkSession(client);

    const Reply reply = readApplications(client, token, allId);
    INFO(reply.body.toStdString());
    REQUIRE(reply.status == 200);
    const QJsonObject body = reply.json();
    CHECK(body.value("vacancyId").toString() == allId);
    CHECK(body.value("total").toInt() == 3);
    CHECK(body.value("page").toInt() == 1);
    CHECK(body.value("pageSize").toInt() == 20);
    CHECK(body.value("resumeAccess").toObject().value("enabled").toBool());
    CHECK(body.value("resumeAccess").toObject().value("trainingFrom").toString() == "2022-01-01");
    const QStringList allSections { "appraisal", "basic", "exam", "languageSkills",
        "militaryService", "rewardsPunishments", "screening", "study" };
    QStringList sections;
    for (const QJsonValue& s : body.value("sections").toArray())
        sections.append(s.toString());
    sections.sort();
    CHECK(sections == allSections);

    const QJsonArray items = body.value("items").toArray();
    REQUIRE(items.size() == 3);
    // Oldest application first.
    CHECK(items.at(0).toObject().value("id").toString() == "T0001");
    CHECK(items.at(1).toObject().value("id").toString() == "T0002");
    CHECK(items.at(2).toObject().value("id").toString() == "T0003");

    const QJsonObject first = itemNamed(items, "T0001");
    CHECK(first.value("name").toString() == "周測試");
    CHECK(first.value("appliedOn").toString() == "2026-01-06");
    const QJsonObject resume = first.value("resume").toObject();
    CHECK(keysOf(resume) == allSections);

    const QJsonObject basic = resume.value("basic").toObject();
    CHECK_FALSE(basic.contains("idNumber"));
    CHECK(basic.value("idNumberMasked").toString() == "G*****1013");
    CHECK(basic.value("education").toArray().size() == 1);
    CHECK_FALSE(resume.value("militaryService").toObject().contains("idNumber"));
    CHECK(resume.value("militaryService").toObject().value("military").toString() == "役畢");

    // 訓練日期區間 2022-01-01..2023-12-31: periods that overlap it stay, undated entries go.
    CHECK(textsOf(resume.value("study").toArray(), "course")
        == QStringList { "S-overlap-start", "S-inside", "S-one-day-at-end" });
    // 獎懲日期區間 2021-01-01..2022-12-31, both ends inclusive.
    CHECK(textsOf(resume.value("rewardsPunishments").toArray(), "reason")
        == QStringList { "R2021", "R2022" });
    // 考績年度區間 2021..2022.
    CHECK(textsOf(resume.value("appraisal").toArray(), "year") == QStringList { "2021", "2022" });
    // Sections without a range come whole.
    CHECK(resume.value("exam").toArray().size() == 1);
    CHECK(resume.value("screening").toArray().size() == 1);

    // A résumé without some sections simply lacks them.
    const QJsonObject second = itemNamed(items, "T0002").value("resume").toObject();
    CHECK_FALSE(second.contains("screening"));
    CHECK_FALSE(second.contains("militaryService"));
    CHECK(textsOf(second.value("appraisal").toArray(), "year") == QStringList { "2021" });
    CHECK(textsOf(second.value("study").toArray(), "course") == QStringList { "S-2022" });

    requireNoIdNumbers(reply.body);
}

TEST_CASE("Applications: checked items show only their sections", "[server][applications]")
{
    const ApplicationsSeed seed;
    TestServer server(seed.options());
    const HttpClient client = server.client();
    const QString token = clerkSession(client);

    const Reply reply = readApplications(client, token, subsetId);
    INFO(reply.body.toStdString());
    REQUIRE(reply.status == 200);
    CHECK(reply.json().value("sections").toArray() == QJsonArray { "exam", "appraisal" });
    const QJsonArray items = reply.json().value("items").toArray();
    REQUIRE(items.size() == 2);
    for (const QJsonValue& item : items) {
        const QJsonObject resume = item.toObject().value("resume").toObject();
        CHECK(keysOf(resume) == QStringList { "appraisal", "exam" });
    }
    // No 考績年度區間 here: every appraisal year comes.
    CHECK(textsOf(itemNamed(items, "T0001").value("resume").toObject().value("appraisal").toArray(),
              "year")
        == QStringList { "2020", "2021", "2022", "2023" });
    requireNoIdNumbers(reply.body);
    CHECK_FALSE(reply.body.contains("idNumberMasked"));
}

TEST_CASE("Applications: a vacancy without 調閱履歷 answers 403 resume-access-disabled",
    "[server][applications]")
{
    const ApplicationsSeed seed;
    TestServer server(seed.options());
    const HttpClient client = server.client();
    const QString token = clerkSession(client);

    for (const QString& id : { disabledId, noResumeClassId }) {
        const Reply reply = readApplications(client, token, id);
        INFO(id.toStdString() << ": " << reply.body.toStdString());
        CHECK(reply.status == 403);
        CHECK(reply.error() == "resume-access-disabled");
        CHECK(reply.json().value("message").toString().contains("調閱履歷"));
        CHECK_FALSE(reply.body.contains("周測試"));
    }
    // A refusal reads nothing, so nothing is audited.
    CHECK(auditTotal(client, token) == 0);
}

TEST_CASE("Applications: another agency's, unknown and deleted vacancies answer 404",
    "[server][applications]")
{
    const ApplicationsSeed seed;
    TestServer server(seed.options());
    const HttpClient client = server.client();
    const QString token = clerkSession(client);

    // 1140600001 is test.json's published vacancy of 他機關, with an application.
    for (const QString& id : { otherAgencyId, QStringLiteral("1140600001"),
             QStringLiteral("9999999999"), QStringLiteral("not-an-id") }) {
        const Reply reply = readApplications(client, token, id);
        INFO(id.toStdString() << ": " << reply.body.toStdString());
        CHECK(reply.status == 404);
        CHECK(reply.error() == "not-found");
        CHECK_FALSE(reply.body.contains("鄭測試"));
    }
    CHECK(auditTotal(client, token) == 0);

    // Without a session: 401, nothing read.
    CHECK(readApplications(client, QString(), allId).status == 401);

    // A vacancy deleted before it was published leaves only a tombstone: 404 as well.
    QJsonObject body = vacancytest::vacancyBody(1, 10);
    body.insert(
        "resumeAccess", QJsonObject { { "enabled", true }, { "items", QJsonArray { "all" } } });
    const QJsonObject record = vacancytest::created(client, token, body);
    const QString id = record.value("vacancyId").toString();
    const Reply empty = readApplications(client, token, id);
    REQUIRE(empty.status == 200); // 調閱 on, nobody applied yet
    CHECK(empty.json().value("total").toInt() == 0);
    CHECK(empty.json().value("items").toArray().isEmpty());
    const Reply removed = vacancytest::remove(client, token, id, vacancytest::etagOf(record));
    INFO(removed.body.toStdString());
    REQUIRE(removed.status < 300);
    CHECK(readApplications(client, token, id).status == 404);
}

TEST_CASE("Applications: every read is audited, and /audit lists the agency's own rows",
    "[server][applications]")
{
    const ApplicationsSeed seed;
    TestServer server(seed.options());
    const HttpClient client = server.client();
    const QString token = clerkSession(client);

    REQUIRE(readApplications(client, token, allId).status == 200);
    REQUIRE(readApplications(client, token, subsetId).status == 200);
    REQUIRE(readApplications(client, token, pagedId, "page=2&pageSize=10").status == 200);

    const Reply audit = client.get("/api/v1/audit?action=applications.read", token);
    INFO(audit.body.toStdString());
    REQUIRE(audit.status == 200);
    CHECK(audit.json().value("total").toInt() == 3);
    CHECK(audit.json().value("page").toInt() == 1);
    const QJsonArray rows = audit.json().value("items").toArray();
    REQUIRE(rows.size() == 3);
    // Newest first.
    CHECK(rows.at(0).toObject().value("target").toString() == pagedId);
    CHECK(rows.at(1).toObject().value("target").toString() == subsetId);
    CHECK(rows.at(2).toObject().value("target").toString() == allId);
    for (const QJsonValue& value : rows) {
        const QJsonObject row = value.toObject();
        CHECK(row.value("action").toString() == "applications.read");
        CHECK(row.value("actor").toString() == "wang01");
        CHECK(row.value("remoteAddress").toString() == "127.0.0.1");
        CHECK(row.value("at").toString().endsWith('Z'));
        CHECK(row.value("id").toInteger() > 0);
    }
    const QJsonObject pagedDetail = rows.at(0).toObject().value("detail").toObject();
    CHECK(pagedDetail.value("applicants").toInt() == 10);
    CHECK(pagedDetail.value("total").toInt() == pagedApplicants);
    CHECK(pagedDetail.value("page").toInt() == 2);
    CHECK(pagedDetail.value("sections").toArray() == QJsonArray { "languageSkills" });
    const QJsonObject allDetail = rows.at(2).toObject().value("detail").toObject();
    CHECK(allDetail.value("applicants").toInt() == 3);
    CHECK(allDetail.value("applicantIds").toArray() == QJsonArray { "T0001", "T0002", "T0003" });
    CHECK(allDetail.value("sections").toArray().size() == 8);
    requireNoIdNumbers(audit.body);

    // Paged like every list.
    const Reply pageTwo
        = client.get("/api/v1/audit?action=applications.read&page=2&pageSize=2", token);
    REQUIRE(pageTwo.status == 200);
    CHECK(pageTwo.json().value("total").toInt() == 3);
    REQUIRE(pageTwo.json().value("items").toArray().size() == 1);
    CHECK(pageTwo.json().value("items").toArray().at(0).toObject().value("target").toString()
        == allId);
    CHECK(client.get("/api/v1/audit?pageSize=0", token).status == 400);
    CHECK(client.get("/api/v1/audit").status == 401);

    // A password session (reading is allowed) is audited under the same account.
    const QString password = passwordSession(client);
    REQUIRE(readApplications(client, password, allId).status == 200);
    const Reply after = client.get("/api/v1/audit?action=applications.read&pageSize=1", password);
    REQUIRE(after.status == 200);
    CHECK(after.json().value("total").toInt() == 4);
    CHECK(after.json().value("items").toArray().at(0).toObject().value("actor").toString()
        == "wang01");
}

TEST_CASE("Applications: another agency sees neither the vacancy nor the audit trail",
    "[server][applications]")
{
    const ApplicationsSeed seed;
    TestServer server(seed.options());
    const HttpClient client = server.client();
    const QString token = clerkSession(client);
    const Reply otherLogin = client.sendJson("POST", "/api/v1/auth/password",
        { { "account", otherAccount }, { "password", otherPassword } });
    INFO(otherLogin.body.toStdString());
    REQUIRE(otherLogin.status == 200);
    const QString other = otherLogin.json().value("session").toObject().value("token").toString();

    REQUIRE(readApplications(client, token, allId).status == 200);
    // 他機關's clerk: 測試機關's vacancy does not exist for them, and its audit row is not theirs.
    const Reply foreign = readApplications(client, other, allId);
    CHECK(foreign.status == 404);
    CHECK(foreign.error() == "not-found");
    CHECK(auditTotal(client, other) == 0);

    // Their own vacancy reads fine and is audited under their agency only.
    const Reply own = readApplications(client, other, otherAgencyId);
    INFO(own.body.toStdString());
    REQUIRE(own.status == 200);
    CHECK(own.json().value("total").toInt() == 1);
    const Reply otherAudit = client.get("/api/v1/audit?action=applications.read", other);
    REQUIRE(otherAudit.status == 200);
    REQUIRE(otherAudit.json().value("total").toInt() == 1);
    const QJsonObject row = otherAudit.json().value("items").toArray().at(0).toObject();
    CHECK(row.value("target").toString() == otherAgencyId);
    CHECK(row.value("actor").toString() == otherAccount);

    const Reply mine = client.get("/api/v1/audit?action=applications.read", token);
    REQUIRE(mine.status == 200);
    CHECK(mine.json().value("total").toInt() == 1);
    CHECK_FALSE(mine.body.contains(otherAgencyId.toLatin1()));
}

TEST_CASE("Applications: pages like the vacancy list", "[server][applications]")
{
    const ApplicationsSeed seed;
    TestServer server(seed.options());
    const HttpClient client = server.client();
    const QString token = clerkSession(client);

    const Reply first = readApplications(client, token, pagedId);
    REQUIRE(first.status == 200);
    CHECK(first.json().value("total").toInt() == pagedApplicants);
    CHECK(first.json().value("pageSize").toInt() == 20);
    CHECK(first.json().value("items").toArray().size() == 20);

    QSet<QString> seen;
    QString previousDate;
    for (int page = 1; page <= 3; ++page) {
        const Reply reply = readApplications(
            client, token, pagedId, QStringLiteral("page=%1&pageSize=10").arg(page));
        REQUIRE(reply.status == 200);
        CHECK(reply.json().value("page").toInt() == page);
        CHECK(reply.json().value("pageSize").toInt() == 10);
        const QJsonArray items = reply.json().value("items").toArray();
        CHECK(items.size() == (page < 3 ? 10 : 5));
        for (const QJsonValue& item : items) {
            const QString id = item.toObject().value("id").toString();
            CHECK_FALSE(seen.contains(id));
            seen.insert(id);
            const QString date = item.toObject().value("appliedOn").toString();
            CHECK(date >= previousDate);
            previousDate = date;
            CHECK(keysOf(item.toObject().value("resume").toObject())
                == QStringList { "languageSkills" });
        }
    }
    CHECK(seen.size() == pagedApplicants);

    const Reply everything = readApplications(client, token, pagedId, "pageSize=100");
    REQUIRE(everything.status == 200);
    CHECK(everything.json().value("items").toArray().size() == pagedApplicants);
    const Reply beyond = readApplications(client, token, pagedId, "page=9");
    REQUIRE(beyond.status == 200);
    CHECK(beyond.json().value("items").toArray().isEmpty());
    CHECK(beyond.json().value("total").toInt() == pagedApplicants);

    for (const QString& bad : { QStringLiteral("pageSize=0"), QStringLiteral("pageSize=101"),
             QStringLiteral("page=0"), QStringLiteral("page=abc"), QStringLiteral("sort=name") }) {
        const Reply reply = readApplications(client, token, pagedId, bad);
        INFO(bad.toStdString() << ": " << reply.body.toStdString());
        CHECK(reply.status == 400);
        CHECK(reply.error() == "request-invalid");
    }
}
