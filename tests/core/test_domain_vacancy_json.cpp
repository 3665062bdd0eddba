// The vacancy record on the wire: lossless round trip, strict parsing with the field named.
#include "core/domain/domain_json_error.hpp"
#include "core/domain/vacancy_json.hpp"
#include "vacancy_fixture.hpp"

#include <QJsonArray>
#include <QJsonDocument>
#include <catch2/catch.hpp>

using namespace core::domain;

namespace {

/// Every field differs from its default, so a field the JSON drops or mangles shows up.
Vacancy everyFieldSet()
{
    // The shared valid vacancy, then every remaining field away from its default.
    Vacancy v = domaintest::validVacancy();
    v.fillerExtension = QStringLiteral("2101");
    v.gradeText = QStringLiteral("約僱5等280薪點");
    v.seriesCodes = { QStringLiteral("A101"), QStringLiteral("B702") };
    v.openings = 2;
    v.reserveOpenings = 3;
    v.gender = Gender::Female;
    v.genderReason = QStringLiteral("女性受刑人管理");
    v.workplaceCodes = { QStringLiteral("10"), QStringLiteral("23") };
    v.validTo = QDate(2026, 12, 15);
    v.welcomesDisabled = true;
    v.welcomesIndigenous = true;
    v.indigenousArea = true;
    v.trainingProgramme = true;
    v.transfer = true;
    v.vacancyClass = VacancyClass::NoResumeAccess;
    v.announcementUrl = QStringLiteral("https://example.gov.tw/notice/1");
    v.resumeAccess.enabled = true;
    v.resumeAccess.trainingFrom = QDate(2021, 1, 1);
    v.resumeAccess.trainingTo = QDate(2025, 12, 31);
    v.resumeAccess.rewardsFrom = QDate(2022, 1, 1);
    v.resumeAccess.rewardsTo = QDate(2025, 6, 30);
    v.resumeAccess.appraisalFromYear = 2022;
    v.resumeAccess.appraisalToYear = 2025;
    v.resumeAccess.items = { ResumeItem::Exam, ResumeItem::Appraisal, ResumeItem::Study };
    v.vacancyId = QStringLiteral("1151100001");
    v.status = VacancyStatus::Withdrawn;
    v.createdOn = QDate(2026, 11, 20);
    v.updatedOn = QDate(2026, 11, 21);
    v.publishedOn = QDate(2026, 12, 1);
    return v;
}

QString failingField(const QJsonObject& object)
{
    try {
        vacancyFromJson(object);
    } catch (const DomainJsonError& error) {
        return error.field();
    }
    return QStringLiteral("(accepted)");
}

QJsonObject withValue(QJsonObject object, const char* key, const QJsonValue& value)
{
    object.insert(QLatin1String(key), value);
    return object;
}

} // namespace

TEST_CASE("every vacancy field survives toJson and back", "[domain][vacancy-json]")
{
    const Vacancy original = everyFieldSet();
    REQUIRE_FALSE(original == Vacancy {}); // the fixture really differs from the defaults
    // Through bytes too: what goes over the wire must come back equal.
    const QByteArray bytes = QJsonDocument(toJson(original)).toJson(QJsonDocument::Compact);
    CHECK(vacancyFromJson(QJsonDocument::fromJson(bytes).object()) == original);
    CHECK(vacancyFromJson(toJson(Vacancy {})) == Vacancy {});
}

TEST_CASE("dates are ISO and enums use stable names on the wire", "[domain][vacancy-json]")
{
    const QJsonObject json = toJson(everyFieldSet());
    CHECK(json.value(QStringLiteral("validFrom")).toString() == QStringLiteral("2026-12-01"));
    CHECK(json.value(QStringLiteral("gender")).toString() == QStringLiteral("female"));
    CHECK(json.value(QStringLiteral("status")).toString() == QStringLiteral("withdrawn"));
    CHECK(
        json.value(QStringLiteral("vacancyClass")).toString() == QStringLiteral("noResumeAccess"));
    // A draft has no status and no server dates: the keys are left out rather than faked.
    const QJsonObject draft = toJson(Vacancy {});
    CHECK_FALSE(draft.contains(QStringLiteral("status")));
    CHECK_FALSE(draft.contains(QStringLiteral("validFrom")));
}

TEST_CASE("a missing key keeps the default", "[domain][vacancy-json]")
{
    const Vacancy v
        = vacancyFromJson(QJsonObject { { QStringLiteral("title"), QStringLiteral("技士") } });
    CHECK(v.title == QStringLiteral("技士"));
    CHECK(v.openings == 1);
    CHECK(v.gender == Gender::Any);
    CHECK_FALSE(v.status.has_value());
}

TEST_CASE("wrong types, bad values and unknown fields name the field", "[domain][vacancy-json]")
{
    const QJsonObject good = toJson(everyFieldSet());
    CHECK(failingField(good) == QStringLiteral("(accepted)"));
    CHECK(failingField(withValue(good, "nickname", QStringLiteral("x")))
        == QStringLiteral("nickname"));
    CHECK(failingField(withValue(good, "openings", QStringLiteral("1名")))
        == QStringLiteral("openings"));
    CHECK(failingField(withValue(good, "openings", 1.5)) == QStringLiteral("openings"));
    CHECK(failingField(withValue(good, "title", 7)) == QStringLiteral("title"));
    CHECK(failingField(withValue(good, "transfer", QStringLiteral("Y")))
        == QStringLiteral("transfer"));
    CHECK(failingField(withValue(good, "validTo", QStringLiteral("1151215")))
        == QStringLiteral("validTo"));
    CHECK(failingField(withValue(good, "validTo", QStringLiteral("2026-02-30")))
        == QStringLiteral("validTo"));
    CHECK(failingField(withValue(good, "gender", QStringLiteral("不拘")))
        == QStringLiteral("gender"));
    CHECK(failingField(withValue(good, "status", QStringLiteral("draft")))
        == QStringLiteral("status"));
    CHECK(failingField(withValue(good, "seriesCodes", QJsonArray { QStringLiteral("A101"), 3 }))
        == QStringLiteral("seriesCodes[1]"));
    CHECK(failingField(withValue(good, "rankClasses", QJsonArray { QStringLiteral("委任") }))
        == QStringLiteral("rankClasses[0]"));
    CHECK(failingField(withValue(good, "gradeRanges",
              QJsonArray { QJsonObject { { QStringLiteral("rank"), QStringLiteral("junior") },
                  { QStringLiteral("from"), 1 }, { QStringLiteral("to"), 3 },
                  { QStringLiteral("step"), 1 } } }))
        == QStringLiteral("gradeRanges[0].step"));

    QJsonObject resume = good.value(QStringLiteral("resumeAccess")).toObject();
    resume.insert(QStringLiteral("items"), QJsonArray { QStringLiteral("everything") });
    CHECK(failingField(withValue(good, "resumeAccess", resume))
        == QStringLiteral("resumeAccess.items[0]"));
    CHECK(failingField(withValue(good, "resumeAccess", true)) == QStringLiteral("resumeAccess"));
}
