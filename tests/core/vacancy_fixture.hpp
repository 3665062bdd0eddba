#pragma once

// A vacancy the rules accept (today = 2026-11-28), shared by the domain suites.

#include "core/domain/vacancy.hpp"

namespace domaintest {

inline core::domain::Vacancy validVacancy()
{
    core::domain::Vacancy v;
    v.agencyCode = QStringLiteral("A096C0000Q");
    v.agencyName = QStringLiteral("國立臺北護理健康大學");
    v.agencyAddress = QStringLiteral("臺北市北投區明德路365號");
    v.fillerName = QStringLiteral("王小明");
    v.fillerPhone = QStringLiteral("02-28227101");
    v.fillerEmail = QStringLiteral("wang@ntunhs.edu.tw");
    v.personKind = QStringLiteral("一般人員");
    v.rankClasses = { core::domain::RankClass::Junior, core::domain::RankClass::Intermediate };
    v.gradeRanges = { { core::domain::RankClass::Junior, 5, 5 },
        { core::domain::RankClass::Intermediate, 6, 7 } };
    v.title = QStringLiteral("科員");
    v.seriesCodes = { QStringLiteral("A101") };
    v.openings = 1;
    v.reserveOpenings = 2;
    v.workplaceCodes = { QStringLiteral("10") };
    v.validFrom = QDate(2026, 12, 1);
    v.validTo = QDate(2026, 12, 4); // exactly the 3-day minimum
    v.qualifications = QStringLiteral("具公務人員任用資格");
    v.duties = QStringLiteral("綜合業務");
    v.workAddress = QStringLiteral("臺北市北投區明德路365號");
    v.contactMethod = QStringLiteral("請寄履歷");
    v.contactEmail = QStringLiteral("hr@ntunhs.edu.tw");
    v.announcementUrl = QStringLiteral("https://www.ntunhs.edu.tw/notice");
    return v;
}

} // namespace domaintest
