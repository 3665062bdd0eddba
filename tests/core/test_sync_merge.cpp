// core::sync::merge: the field-by-field three-way merge, exhaustively per field — nobody, one
// side, both alike, both differently — plus the clerk's choices, and disjoint edits together.
#include "core/domain/vacancy_json.hpp"
#include "core/sync/merge.hpp"
#include "vacancy_fixture.hpp"

#include <QJsonObject>
#include <catch2/catch.hpp>
#include <functional>
#include <map>

using core::domain::Vacancy;
using core::sync::Side;
namespace domain = core::domain;

namespace {

/// Sets the field to its `variant`-th value (1 or 2): both differ from the fixture's and from
/// each other. A field with two values only (a flag) has no variant 2.
using Mutator = std::function<void(Vacancy&, int variant)>;

template <typename T> T pick(int variant, T one, T two)
{
    return variant == 1 ? one : two;
}

const std::map<QString, Mutator>& mutators()
{
    using namespace domain;
    const auto text = [](QString Vacancy::*member) {
        return [member](Vacancy& v, int n) { v.*member += QStringLiteral("·改%1").arg(n); };
    };
    const auto flag = [](bool Vacancy::*member) {
        return [member](Vacancy& v, int) { v.*member = !(v.*member); };
    };
    static const std::map<QString, Mutator> table {
        { "agencyCode",
            [](Vacancy& v, int n) { v.agencyCode = pick(n, "A29000000G", "A15000000I"); } },
        { "agencyName", text(&Vacancy::agencyName) },
        { "agencyAddress", text(&Vacancy::agencyAddress) },
        { "fillerName", text(&Vacancy::fillerName) },
        { "fillerPhone", text(&Vacancy::fillerPhone) },
        { "fillerExtension", text(&Vacancy::fillerExtension) },
        { "fillerEmail", text(&Vacancy::fillerEmail) },
        { "personKind", text(&Vacancy::personKind) },
        { "rankClasses",
            [](Vacancy& v, int n) {
                v.rankClasses = pick<QList<RankClass>>(
                    n, { RankClass::Senior }, { RankClass::Other, RankClass::Junior });
            } },
        { "gradeRanges",
            [](Vacancy& v, int n) {
                v.gradeRanges = pick<QList<GradeRange>>(
                    n, { { RankClass::Senior, 10, 11 } }, { { RankClass::Junior, 3, 5 } });
            } },
        { "gradeText", text(&Vacancy::gradeText) },
        { "title", text(&Vacancy::title) },
        { "seriesCodes",
            [](Vacancy& v, int n) {
                v.seriesCodes = pick<QStringList>(n, { "A102" }, { "A101", "A103" });
            } },
        { "openings", [](Vacancy& v, int n) { v.openings += n; } },
        { "reserveOpenings", [](Vacancy& v, int n) { v.reserveOpenings += n; } },
        { "gender", [](Vacancy& v, int n) { v.gender = pick(n, Gender::Male, Gender::Female); } },
        { "genderReason", text(&Vacancy::genderReason) },
        { "workplaceCodes",
            [](Vacancy& v, int n) { v.workplaceCodes = pick<QStringList>(n, { "11" }, {}); } },
        // The second variant unsets the date: an absent key is a value too.
        { "validFrom",
            [](Vacancy& v, int n) { v.validFrom = pick(n, QDate(2026, 12, 9), QDate()); } },
        { "validTo", [](Vacancy& v, int n) { v.validTo = pick(n, QDate(2027, 1, 9), QDate()); } },
        { "qualifications", text(&Vacancy::qualifications) },
        { "duties", text(&Vacancy::duties) },
        { "workAddress", text(&Vacancy::workAddress) },
        { "contactMethod", text(&Vacancy::contactMethod) },
        { "contactEmail", text(&Vacancy::contactEmail) },
        { "welcomesDisabled", flag(&Vacancy::welcomesDisabled) },
        { "welcomesIndigenous", flag(&Vacancy::welcomesIndigenous) },
        { "indigenousArea", flag(&Vacancy::indigenousArea) },
        { "trainingProgramme", flag(&Vacancy::trainingProgramme) },
        { "transfer", flag(&Vacancy::transfer) },
        { "vacancyClass",
            [](Vacancy& v, int n) {
                v.vacancyClass
                    = pick(n, VacancyClass::NonCivilService, VacancyClass::NoResumeAccess);
            } },
        { "announcementUrl", text(&Vacancy::announcementUrl) },
        { "resumeAccess",
            [](Vacancy& v, int n) {
                v.resumeAccess.enabled = true;
                v.resumeAccess.items
                    = pick<QList<ResumeItem>>(n, { ResumeItem::All }, { ResumeItem::Exam });
            } },
        { "vacancyId",
            [](Vacancy& v, int n) { v.vacancyId = pick(n, "1150100001", "1150100002"); } },
        { "status",
            [](Vacancy& v, int n) {
                v.status = pick(n, VacancyStatus::Published, VacancyStatus::Ended);
            } },
        { "createdOn",
            [](Vacancy& v, int n) {
                v.createdOn = pick(n, QDate(2026, 1, 1), QDate(2026, 1, 2));
            } },
        { "updatedOn",
            [](Vacancy& v, int n) {
                v.updatedOn = pick(n, QDate(2026, 2, 1), QDate(2026, 2, 2));
            } },
        { "publishedOn",
            [](Vacancy& v, int n) {
                v.publishedOn = pick(n, QDate(2026, 3, 1), QDate(2026, 3, 2));
            } },
    };
    return table;
}

bool isFlag(const QString& key)
{
    Vacancy a = domaintest::validVacancy();
    Vacancy b = a;
    mutators().at(key)(a, 1);
    mutators().at(key)(b, 2);
    return a == b;
}

Vacancy with(const QString& key, int variant)
{
    Vacancy v = domaintest::validVacancy();
    if (variant > 0)
        mutators().at(key)(v, variant);
    return v;
}

QJsonValue field(const Vacancy& v, const QString& key)
{
    return domain::toJson(v).value(key);
}

/// Every key but `key` is the base's.
void checkRestIsBase(const Vacancy& merged, const QString& key)
{
    const QJsonObject base = domain::toJson(domaintest::validVacancy());
    const QJsonObject got = domain::toJson(merged);
    for (const QString& other : core::sync::mergeKeys()) {
        if (other == key)
            continue;
        INFO("other key " << other.toStdString());
        CHECK(got.value(other) == base.value(other));
    }
}

} // namespace

TEST_CASE("merge: the table covers every key of the vacancy JSON", "[sync][merge]")
{
    QStringList tableKeys;
    for (const auto& [key, mutate] : mutators())
        tableKeys << key;
    QStringList keys = core::sync::mergeKeys();
    keys.sort();
    tableKeys.sort();
    CHECK(keys == tableKeys);
    // Each mutator really changes its own field and nothing else.
    for (const QString& key : keys) {
        INFO(key.toStdString());
        CHECK(field(with(key, 1), key) != field(with(key, 0), key));
        checkRestIsBase(with(key, 1), key);
        if (!isFlag(key)) {
            CHECK(field(with(key, 2), key) != field(with(key, 0), key));
            CHECK(field(with(key, 2), key) != field(with(key, 1), key));
            checkRestIsBase(with(key, 2), key);
        }
    }
}

TEST_CASE("merge: each field, each case", "[sync][merge]")
{
    const Vacancy base = domaintest::validVacancy();
    const QStringList serverOnly = core::sync::serverAssignedKeys();
    for (const QString& key : core::sync::mergeKeys()) {
        INFO("key " << key.toStdString());
        const bool serverAssigned = serverOnly.contains(key);
        {
            INFO("nobody changed it");
            const auto result = core::sync::merge(base, base, base);
            CHECK(result.clean());
            CHECK(result.merged == base);
        }
        {
            INFO("only mine changed it");
            const auto result = core::sync::merge(base, with(key, 1), base);
            CHECK(result.clean());
            // The server's own members always come from the server.
            CHECK(field(result.merged, key) == field(serverAssigned ? base : with(key, 1), key));
            checkRestIsBase(result.merged, key);
        }
        {
            INFO("only the server changed it");
            const auto result = core::sync::merge(base, base, with(key, 1));
            CHECK(result.clean());
            CHECK(field(result.merged, key) == field(with(key, 1), key));
            checkRestIsBase(result.merged, key);
        }
        {
            INFO("both changed it alike");
            const auto result = core::sync::merge(base, with(key, 1), with(key, 1));
            CHECK(result.clean());
            CHECK(field(result.merged, key) == field(with(key, 1), key));
            checkRestIsBase(result.merged, key);
        }
        if (isFlag(key))
            continue; // two values only: both sides changing it is changing it alike
        {
            INFO("both changed it differently");
            const Vacancy mine = with(key, 1);
            const Vacancy server = with(key, 2);
            const auto result = core::sync::merge(base, mine, server);
            if (serverAssigned) {
                CHECK(result.clean());
                CHECK(field(result.merged, key) == field(server, key));
            } else {
                CHECK(result.conflicts == QStringList { key });
                CHECK(field(result.merged, key) == field(mine, key));
                CHECK(field(core::sync::resolve(base, mine, server, { { key, Side::Mine } }), key)
                    == field(mine, key));
                CHECK(field(core::sync::resolve(base, mine, server, { { key, Side::Server } }), key)
                    == field(server, key));
                CHECK(
                    field(core::sync::resolve(base, mine, server, {}), key) == field(server, key));
            }
            checkRestIsBase(result.merged, key);
        }
    }
}

TEST_CASE("merge: disjoint edits on both sides merge by themselves", "[sync][merge]")
{
    const Vacancy base = domaintest::validVacancy();
    Vacancy mine = base;
    Vacancy server = base;
    const QStringList keys = core::sync::mergeKeys();
    const QStringList serverOnly = core::sync::serverAssignedKeys();
    for (qsizetype i = 0; i < keys.size(); ++i) {
        // Alternate: even keys mine, odd keys the server's (server-assigned keys the server's).
        if (i % 2 == 0 && !serverOnly.contains(keys[i]))
            mutators().at(keys[i])(mine, 1);
        else
            mutators().at(keys[i])(server, 1);
    }
    const auto result = core::sync::merge(base, mine, server);
    CHECK(result.clean());
    for (qsizetype i = 0; i < keys.size(); ++i) {
        INFO(keys[i].toStdString());
        const bool mineChanged = i % 2 == 0 && !serverOnly.contains(keys[i]);
        CHECK(field(result.merged, keys[i]) == field(mineChanged ? mine : server, keys[i]));
    }

    SECTION("with one shared field in conflict, the rest still merges")
    {
        Vacancy mine2 = mine;
        Vacancy server2 = server;
        mine2.title = QStringLiteral("我的");
        server2.title = QStringLiteral("他的");
        const auto conflicted = core::sync::merge(base, mine2, server2);
        CHECK(conflicted.conflicts == QStringList { QStringLiteral("title") });
        CHECK(conflicted.merged.duties == result.merged.duties);
        CHECK(conflicted.merged.qualifications == result.merged.qualifications);
        const Vacancy theirs = core::sync::resolve(
            base, mine2, server2, { { QStringLiteral("title"), Side::Server } });
        CHECK(theirs.title == "他的");
        Vacancy expected = result.merged;
        expected.title = QStringLiteral("他的");
        CHECK(theirs == expected);
    }
}

TEST_CASE("merge: sameContent ignores what the server assigns", "[sync][merge]")
{
    Vacancy a = domaintest::validVacancy();
    Vacancy b = a;
    b.vacancyId = QStringLiteral("1150100001");
    b.status = domain::VacancyStatus::Published;
    b.updatedOn = QDate(2026, 1, 1);
    CHECK(core::sync::sameContent(a, b));
    b.title = QStringLiteral("x");
    CHECK_FALSE(core::sync::sameContent(a, b));
}
