// Dates in a seed file: fixed, or counted from the day the seed is loaded, so the demo's postings
// have real short periods and are still current on any day it starts.
#include "server/seed/seed_dates.hpp"
#include "server/seed/seed_loader.hpp"

#include <catch2/catch.hpp>

using server::seed::seedDate;
using server::seed::withSeedDates;

TEST_CASE("seed dates: yyyy-MM-dd, or days from the day of loading", "[server][seed]")
{
    const QDate today(2026, 12, 6);
    CHECK(seedDate(QStringLiteral("2025-03-03"), today) == QDate(2025, 3, 3));
    CHECK(seedDate(QStringLiteral("today"), today) == today);
    CHECK(seedDate(QStringLiteral("today+30"), today) == QDate(2027, 1, 5));
    CHECK(seedDate(QStringLiteral("today-6"), today) == QDate(2026, 11, 30));
    for (const char* wrong : { "", "2025-3-3", "115/03/02", "tomorrow", "today+", "today+1d",
             "today +1", "today+12345", "Today" }) {
        INFO(wrong);
        CHECK_FALSE(seedDate(QString::fromLatin1(wrong), today).has_value());
    }
}

TEST_CASE(
    "seed dates: a vacancy's date members are written out, the rest untouched", "[server][seed]")
{
    const QDate today(2026, 12, 6);
    const QJsonObject vacancy { { "title", "科員" }, { "validFrom", "today-5" },
        { "validTo", "today+14" }, { "createdOn", "2026-11-30" },
        { "resumeAccess",
            QJsonObject { { "enabled", true }, { "trainingFrom", "2021-01-01" },
                { "trainingTo", "today" } } } };
    const QJsonObject resolved = withSeedDates(vacancy, today, QStringLiteral("vacancies[0]"));
    CHECK(resolved.value("title") == "科員");
    CHECK(resolved.value("validFrom") == "2026-12-01");
    CHECK(resolved.value("validTo") == "2026-12-20");
    CHECK(resolved.value("createdOn") == "2026-11-30");
    const QJsonObject access = resolved.value("resumeAccess").toObject();
    CHECK(access.value("trainingFrom") == "2021-01-01");
    CHECK(access.value("trainingTo") == "2026-12-06");
    CHECK(access.value("enabled") == true);

    QJsonObject wrong = vacancy;
    wrong.insert("validTo", "next week");
    try {
        withSeedDates(wrong, today, QStringLiteral("vacancies[3].vacancy"));
        FAIL("a date that is neither form was taken");
    } catch (const server::seed::SeedError& error) {
        CHECK(QString::fromUtf8(error.what()).startsWith("vacancies[3].vacancy.validTo"));
    }
}
