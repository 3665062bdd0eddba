// An agency and its units (tests/server/seed/test.json: 測試機關 with 第一分署 and 第二分署): the
// parent's clerks post for the units and see and manage their vacancies, change feed, 調閱履歷
// and audit trail; a unit's clerk sees the unit's alone and posts for it alone.

#include "applications_seed.hpp"
#include "server/accounts/password_hash.hpp"
#include "test_server.hpp"
#include "vacancy_test_support.hpp"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

using namespace servertest;
using namespace vacancytest;

namespace {

const QString firstUnit = QStringLiteral("A29010000G");
const QString secondUnit = QStringLiteral("A29020000G");
const QString unrelated = QStringLiteral("A12000000X");
const QString unitVacancyId = QStringLiteral("1159800001"); ///< the unit seed's 調閱 vacancy

QJsonObject bodyFor(const QString& agency, const QString& title)
{
    QJsonObject body = vacancyBody(1);
    body.insert("agencyCode", agency);
    body.insert("agencyAddress", "");
    body.insert("title", title);
    return body;
}

QString login(const HttpClient& client, const QString& account, const QString& password)
{
    const Reply reply = client.sendJson(
        "POST", "/api/v1/auth/password", { { "account", account }, { "password", password } });
    INFO(reply.body.toStdString());
    REQUIRE(reply.status == 200);
    return reply.json().value("session").toObject().value("token").toString();
}

QString unitClerk(const HttpClient& client)
{
    return login(client, QStringLiteral("huang01"), QStringLiteral("Huang!2345"));
}

/// The `vacancy.*` or `applications.read` targets of the caller's audit trail.
QStringList auditTargets(const HttpClient& client, const QString& token, const QString& action)
{
    const Reply reply = client.get("/api/v1/audit?pageSize=100&action=" + action, token);
    INFO(reply.body.toStdString());
    REQUIRE(reply.status == 200);
    QStringList targets;
    for (const QJsonValue& row : reply.json().value("items").toArray())
        targets.append(row.toObject().value("target").toString());
    return targets;
}

QStringList agencyFieldMessages(const Reply& reply)
{
    INFO(reply.body.toStdString());
    REQUIRE(reply.status == 422);
    QStringList messages;
    for (const QJsonValue& m :
        reply.json().value("fields").toObject().value("agencyCode").toArray())
        messages.append(m.toString());
    return messages;
}

/// test.json with 王小明 (the test PKI's citizen card) at 第一分署 rather than at 測試機關, so a
/// unit's clerk can write, and a 調閱履歷 vacancy of 第一分署 with one application.
class UnitSeed {
public:
    UnitSeed()
    {
        QFile base(seedPath("test.json"));
        REQUIRE(base.open(QIODevice::ReadOnly));
        QJsonObject seed = QJsonDocument::fromJson(base.readAll()).object();
        QJsonArray persons;
        for (const QJsonValue& value : seed.value("persons").toArray()) {
            QJsonObject person = value.toObject();
            if (person.value("idNumber") == "A123456789")
                person.insert("agencyCode", firstUnit);
            persons.append(person);
        }
        seed.insert("persons", persons);
        QJsonArray vacancies = seed.value("vacancies").toArray();
        vacancies.append(QJsonObject { { "vacancyId", unitVacancyId }, { "agencyCode", firstUnit },
            { "vacancy",
                applications::vacancyBody(
                    { { "enabled", true }, { "items", QJsonArray { "exam" } } }) } });
        seed.insert("vacancies", vacancies);
        QJsonArray applications = seed.value("applications").toArray();
        applications.append(QJsonObject { { "vacancyId", unitVacancyId },
            { "applicantId", "T0001" }, { "appliedOn", "2026-01-06" } });
        seed.insert("applications", applications);
        REQUIRE(dir_.isValid());
        QFile out(dir_.filePath("unit-seed.json"));
        REQUIRE(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(seed).toJson());
        options_.seed = out.fileName();
    }
    const ServerOptions& options() const { return options_; }

private:
    QTemporaryDir dir_;
    ServerOptions options_;
};

} // namespace

TEST_CASE("Agency units: the parent's clerk posts for a unit, never for another agency",
    "[server][vacancies][units]")
{
    TestServer server;
    const HttpClient client = server.client();
    const QString clerk = clerkSession(client);

    const QJsonObject made = created(client, clerk, bodyFor(firstUnit, "分署科員"));
    CHECK(made.value("agencyCode") == firstUnit);
    CHECK(made.value("agencyName") == "測試機關第一分署");
    CHECK(made.value("agencyAddress") == "臺中市西屯區測試路10號"); // from the register

    // The agency card posts for its units as well; a typed address stays.
    QJsonObject typed = bodyFor(secondUnit, "分署技士");
    typed.insert("agencyAddress", "高雄市前鎮區另一路3號");
    const QJsonObject second = created(client, agencySession(client), typed);
    CHECK(second.value("agencyCode") == secondUnit);
    CHECK(second.value("agencyName") == "測試機關第二分署");
    CHECK(second.value("agencyAddress") == "高雄市前鎮區另一路3號");

    const QStringList refused = agencyFieldMessages(create(client, clerk, bodyFor(unrelated, "x")));
    CHECK(refused == QStringList { "只能登錄本機關（A29000000G）或所屬機關的職缺" });
    CHECK(agencyFieldMessages(create(client, clerk, bodyFor("A29030000G", "x"))).size() == 1);

    // The parent manages the unit's vacancy: read, replace (the agency stays), withdraw.
    const QString id = made.value("vacancyId").toString();
    CHECK(idsOf(list(client, clerk)).contains(id));
    QJsonObject changed = record(client, clerk, id);
    changed.insert("duties", "分署業務");
    const Reply replaced = put(client, clerk, id, changed, etagOf(changed));
    INFO(replaced.body.toStdString());
    REQUIRE(replaced.status == 200);
    CHECK(replaced.json().value("agencyCode") == firstUnit);

    QJsonObject moved = replaced.json();
    moved.insert("agencyCode", secondUnit);
    CHECK(agencyFieldMessages(put(client, clerk, id, moved, etagOf(moved))).size() == 1);
    moved.remove("agencyCode");
    const Reply kept = put(client, clerk, id, moved, etagOf(moved));
    REQUIRE(kept.status == 200);
    CHECK(kept.json().value("agencyCode") == firstUnit);

    const Reply removed = remove(client, clerk, id, etagOf(kept.json()));
    CHECK((removed.status == 200 || removed.status == 204));
}

TEST_CASE("Agency units: the parent sees its units' vacancies, a unit's clerk only the unit's",
    "[server][vacancies][units]")
{
    TestServer server;
    const HttpClient client = server.client();
    const QString parent = clerkSession(client);
    const QString own
        = created(client, parent, bodyFor(ownAgency, "本部科員")).value("vacancyId").toString();
    const QString first
        = created(client, parent, bodyFor(firstUnit, "一分署科員")).value("vacancyId").toString();
    const QString second
        = created(client, parent, bodyFor(secondUnit, "二分署科員")).value("vacancyId").toString();
    const QString unit = unitClerk(client);

    const QStringList parentList = idsOf(list(client, parent));
    CHECK(parentList.contains(own));
    CHECK(parentList.contains(first));
    CHECK(parentList.contains(second));
    CHECK_FALSE(parentList.contains(otherAgencyCurrent));
    CHECK(idsOf(list(client, unit)) == QStringList { first });
    CHECK(idsOf(list(client, unit, "scope=history")).isEmpty());
    CHECK(getOne(client, unit, first).status == 200);
    CHECK(getOne(client, unit, own).error() == "not-found");
    CHECK(getOne(client, unit, second).error() == "not-found");
    CHECK(getOne(client, unit, seededRejected).error() == "not-found");

    // The change feed follows the same scope, with the one cursor over all of it.
    const QStringList parentFeed = feedIds(wholeFeed(client, parent, 2));
    for (const QString& id : { own, first, second })
        CHECK(parentFeed.contains(id));
    CHECK_FALSE(parentFeed.contains(otherAgencyCurrent));
    CHECK(feedIds(wholeFeed(client, unit)) == QStringList { first });

    // Whoever wrote it, a vacancy's audit rows belong to its agency's trail.
    const QStringList parentAudit = auditTargets(client, parent, "vacancy.create");
    CHECK(parentAudit.contains(own));
    CHECK(parentAudit.contains(first));
    CHECK(parentAudit.contains(second));
    CHECK(auditTargets(client, unit, "vacancy.create") == QStringList { first });
}

TEST_CASE("Agency units: a unit's clerk posts for the unit alone", "[server][vacancies][units]")
{
    const UnitSeed seed;
    TestServer server(seed.options());
    const HttpClient client = server.client();
    const QString unit = clerkSession(client); // 王小明's card, at 第一分署 in this seed

    QJsonObject unnamed = bodyFor(firstUnit, "分署科員");
    unnamed.remove("agencyCode");
    const QJsonObject made = created(client, unit, unnamed);
    CHECK(made.value("agencyCode") == firstUnit);
    CHECK(made.value("agencyName") == "測試機關第一分署");
    for (const QString& agency : { secondUnit, ownAgency, unrelated }) {
        INFO(agency.toStdString());
        CHECK(agencyFieldMessages(create(client, unit, bodyFor(agency, "x")))
            == QStringList { "只能登錄本機關（A29010000G）的職缺" });
    }
    CHECK(idsOf(list(client, unit)).contains(made.value("vacancyId").toString()));
}

TEST_CASE("Agency units: the parent reads a unit's 調閱履歷; the unit's trail shows it",
    "[server][applications][units]")
{
    const UnitSeed seed;
    TestServer server(seed.options());
    const HttpClient client = server.client();
    const QString parent = login(client, QStringLiteral("chen01"), QStringLiteral("Chen!2345"));
    const QString unit = clerkSession(client);

    const Reply read = client.get("/api/v1/vacancies/" + unitVacancyId + "/applications", parent);
    INFO(read.body.toStdString());
    REQUIRE(read.status == 200);
    CHECK(read.json().value("total").toInt() == 1);
    CHECK(auditTargets(client, parent, "applications.read") == QStringList { unitVacancyId });
    CHECK(auditTargets(client, unit, "applications.read") == QStringList { unitVacancyId });

    // 他機關's 調閱 stays out of reach of both.
    CHECK(client.get("/api/v1/vacancies/1140600001/applications", parent).error() == "not-found");
}
