#pragma once

// Vacancies of the kinds the government feed is full of, each as an agency really publishes it,
// and the broken ones the rules must still refuse (field and message). Shared by the domain
// suite, the server's HTTP suite and the form tests, so all three judge the same records.
// Dates are validVacancy()'s (today = 2026-11-28); suites that run on the real date move them.

#include "core/domain/vacancy_json.hpp"
#include "vacancy_fixture.hpp"

#include <QJsonDocument>
#include <QList>
#include <functional>

namespace domaintest {

struct VacancyKind {
    const char* what;
    core::domain::Vacancy vacancy;
};

/// A post published as `personKind` in `vacancyClass`, titled `title`, with no 官職等 and no 職系
/// yet: each kind below fills in what its agencies write.
inline core::domain::Vacancy postOf(const QString& personKind, const QString& title,
    core::domain::VacancyClass vacancyClass = core::domain::VacancyClass::NonCivilService)
{
    core::domain::Vacancy v = validVacancy();
    v.personKind = personKind;
    v.title = title;
    v.vacancyClass = vacancyClass;
    v.rankClasses = { core::domain::RankClass::Other };
    v.gradeRanges.clear();
    v.gradeText.clear();
    v.seriesCodes.clear();
    v.reserveOpenings = 0;
    return v;
}

/// Every kind of the issue's list: each must be accepted by validate() and by the server, and
/// appear in the Open Data feed.
inline QList<VacancyKind> realisticVacancies()
{
    using namespace core::domain;
    const VacancyClass civil = VacancyClass::CivilService;
    QList<VacancyKind> kinds;

    kinds.append({ "任用 with 官職等 ranges and a 職系", validVacancy() });

    Vacancy contract = postOf(QStringLiteral("約僱人員"), QStringLiteral("約僱人員"));
    contract.gradeText = QStringLiteral("約僱5等280薪點");
    contract.seriesCodes = { QStringLiteral("0100") }; // 無
    kinds.append({ "約僱 with 薪點 and 職系 無", contract });

    Vacancy reserveList = postOf(QStringLiteral("約僱人員"), QStringLiteral("行政助理"), civil);
    reserveList.openings = 1;
    reserveList.reserveOpenings = 5; // 正取1名、備取5名, 職缺類別 left at its default
    kinds.append({ "約僱 with a reserve list of five", reserveList });

    Vacancy professor = postOf(QStringLiteral("教育人員"), QStringLiteral("助理教授"));
    professor.qualifications = QStringLiteral("具教育部審定助理教授以上資格，護理相關博士學位");
    kinds.append({ "教育人員 (助理教授) with no 官職等", professor });

    Vacancy researcher = postOf(QStringLiteral("其他人員"), QStringLiteral("研究助理"));
    researcher.reserveOpenings = 3;
    kinds.append({ "研究助理, 其他人員, no 官職等, no 職系", researcher });

    Vacancy physician = postOf(QStringLiteral("其他人員"), QStringLiteral("約用主治醫師"));
    physician.duties = QStringLiteral("門診、住院及急診醫療業務");
    kinds.append({ "約用主治醫師, nothing made up for 官職等", physician });

    Vacancy pharmacist = postOf(QStringLiteral("一般人員"), QStringLiteral("藥師"), civil);
    pharmacist.gradeText = QStringLiteral("師(三)級");
    kinds.append({ "醫事 with 師(三)級 and no 職系", pharmacist });

    Vacancy police = postOf(QStringLiteral("警察人員"), QStringLiteral("警務員"), civil);
    police.gradeText = QStringLiteral("警正二階");
    kinds.append({ "警察 with 警正二階 and no 職系", police });

    Vacancy seconded = postOf(QStringLiteral("一般人員"), QStringLiteral("助理員"), civil);
    seconded.rankClasses = { RankClass::Junior };
    seconded.gradeText = QStringLiteral("委派第五職等");
    seconded.seriesCodes = { QStringLiteral("A101") };
    kinds.append({ "派用 with 委派第五職等", seconded });

    Vacancy customs = postOf(QStringLiteral("關務人員"), QStringLiteral("關務員"), civil);
    customs.gradeText = QStringLiteral("關務員1階");
    kinds.append({ "關務 with 關務員1階", customs });

    Vacancy stateOwned = postOf(QStringLiteral("一般人員"), QStringLiteral("管理師"), civil);
    stateOwned.rankClasses = { RankClass::Intermediate };
    stateOwned.gradeText = QStringLiteral("第九職等（相當行政機關薦任第七職等）");
    kinds.append({ "國營事業 with its own 職等", stateOwned });

    Vacancy substitute = postOf(QStringLiteral("代理教師"), QStringLiteral("國小代理教師"));
    kinds.append({ "代理教師, a 人員區分 the 2016 feed uses", substitute });

    Vacancy campusPolice = postOf(QStringLiteral("駐衛警"), QStringLiteral("駐衛警察隊員"));
    kinds.append({ "駐衛警 as agencies spell it", campusPolice });

    return kinds;
}

/// A broken vacancy and the one message it must get.
struct Refusal {
    const char* what;
    const char* field;
    const char* message;
    std::function<void(core::domain::Vacancy&)> breakIt;
};

/// What the rules must still refuse, with the same field and words on the client and the server.
inline QList<Refusal> refusals()
{
    using namespace core::domain;
    return {
        { "任用 with no 官職等 at all", "gradeRanges",
            "須具任用資格之職缺請選擇官職等，或填寫其他官職等",
            [](Vacancy& v) { v.gradeRanges.clear(); } },
        { "任用 on the 委任/薦任/簡任 scheme with no 職系", "seriesCodes",
            "須具任用資格之職缺請選擇職系", [](Vacancy& v) { v.seriesCodes.clear(); } },
        { "任用 with 候補名額 over twice 名額", "reserveOpenings",
            "候補名額不得超過名額的2倍（最多2名）", [](Vacancy& v) { v.reserveOpenings = 3; } },
        { "no 資格條件", "qualifications", "請填寫資格條件",
            [](Vacancy& v) { v.qualifications.clear(); } },
        { "no 工作項目", "duties", "請填寫工作項目", [](Vacancy& v) { v.duties.clear(); } },
        { "no 工作地址", "workAddress", "請填寫工作地址",
            [](Vacancy& v) { v.workAddress.clear(); } },
        { "no 聯絡方式 on a 約僱 post", "contactMethod", "請填寫聯絡方式",
            [](Vacancy& v) {
                v.personKind = QStringLiteral("約僱人員");
                v.contactMethod.clear();
            } },
        { "a gender limit without its reason on a 其他人員 post", "genderReason",
            "限制性別須說明工作性質僅適合特定性別之理由（性別平等工作法第7條）",
            [](Vacancy& v) {
                v.personKind = QStringLiteral("其他人員");
                v.gender = Gender::Female;
            } },
        { "a malformed 聯絡E-Mail", "contactEmail", "聯絡E-Mail格式不正確",
            [](Vacancy& v) { v.contactEmail = QStringLiteral("hr-at-ntunhs"); } },
        { "an old 職系 name", "seriesCodes", "職系「一般行政職系」已停用，請改選「A101 綜合行政」",
            [](Vacancy& v) { v.seriesCodes = { QStringLiteral("一般行政職系") }; } },
        { "a 職系 name where its code belongs", "seriesCodes",
            "職系「資訊處理」請改以代碼選擇「B702 資訊處理」",
            [](Vacancy& v) { v.seriesCodes = { QStringLiteral("資訊處理") }; } },
        { "a retired 工作地點", "workplaceCodes",
            "工作地點「21-福建省連江縣」已停用，請改選「98-連江縣」",
            [](Vacancy& v) { v.workplaceCodes = { QStringLiteral("21") }; } },
    };
}

/// Records as the previous rules stored them (they required ranges and 職系 on every
/// 須具任用資格 post and a grade on every other one): they must still load, validate and sync.
inline QList<core::domain::Vacancy> savedUnderOldRules()
{
    // A published 任用 post with ranges and 職系, a non-任用 one with its grade as text and one
    // with ranges only and 職系 無, and a 醫事 post not using 履歷調閱.
    const char* const saved[] = {
        R"({"agencyCode":"A096C0000Q","agencyName":"國立臺北護理健康大學",
          "agencyAddress":"臺北市北投區明德路365號","fillerName":"王小明",
          "fillerPhone":"02-28227101","personKind":"一般人員",
          "rankClasses":["junior","intermediate"],
          "gradeRanges":[{"rank":"junior","from":5,
          "to":5},{"rank":"intermediate","from":6,"to":7}],"gradeText":"",
          "title":"科員","seriesCodes":["A101"],"openings":1,"reserveOpenings":2,
          "gender":"any","workplaceCodes":["10"],"validFrom":"2026-11-01",
          "validTo":"2026-12-31","qualifications":"具公務人員任用資格","duties":"綜合業務",
          "workAddress":"臺北市北投區明德路365號","contactMethod":"請寄履歷",
          "vacancyClass":"civilService","vacancyId":"1151100001",
          "status":"published"})",
        R"({"agencyCode":"A096C0000Q","agencyName":"國立臺北護理健康大學",
          "agencyAddress":"臺北市北投區明德路365號","fillerName":"王小明",
          "fillerPhone":"02-28227101","personKind":"約僱人員",
          "rankClasses":["other"],"gradeRanges":[],"gradeText":"約僱3等220薪點",
          "title":"約僱人員","seriesCodes":[],"openings":2,"reserveOpenings":4,
          "gender":"any","workplaceCodes":["10"],"validFrom":"2026-12-01",
          "validTo":"2026-12-10","qualifications":"高中職以上畢業","duties":"文書處理",
          "workAddress":"臺北市北投區明德路365號","contactMethod":"請寄履歷",
          "vacancyClass":"nonCivilService"})",
        R"({"agencyCode":"A096C0000Q","agencyName":"國立臺北護理健康大學",
          "agencyAddress":"臺北市北投區明德路365號","fillerName":"王小明",
          "fillerPhone":"02-28227101","personKind":"聘用人員",
          "rankClasses":["intermediate"],"gradeRanges":[{"rank":"intermediate",
          "from":7,"to":7}],"gradeText":"","title":"研究員","seriesCodes":["0100"],
          "openings":1,"reserveOpenings":0,"gender":"any",
          "workplaceCodes":["10","99"],"validFrom":"2026-12-01",
          "validTo":"2026-12-20","qualifications":"碩士以上","duties":"研究計畫",
          "workAddress":"臺北市北投區明德路365號","contactMethod":"請寄履歷",
          "vacancyClass":"nonCivilService"})",
        R"({"agencyCode":"A096C0000Q","agencyName":"國立臺北護理健康大學",
          "agencyAddress":"臺北市北投區明德路365號","fillerName":"王小明",
          "fillerPhone":"02-28227101","personKind":"一般人員",
          "rankClasses":["other"],"gradeRanges":[],"gradeText":"師(三)級",
          "title":"護理師","seriesCodes":[],"openings":1,"reserveOpenings":1,
          "gender":"any","workplaceCodes":["10"],"validFrom":"2026-12-01",
          "validTo":"2026-12-20","qualifications":"護理師證書","duties":"護理業務",
          "workAddress":"臺北市北投區明德路365號","contactMethod":"請寄履歷",
          "vacancyClass":"noResumeAccess"})",
    };
    QList<core::domain::Vacancy> records;
    for (const char* json : saved)
        records.append(core::domain::vacancyFromJson(QJsonDocument::fromJson(json).object()));
    return records;
}

} // namespace domaintest
