#include "vacancy_generator.hpp"

#include "core/domain/code_lists.hpp"

#include <QStringList>
#include <array>

namespace bench {

using namespace core::domain;

namespace {

template <std::size_t N> QString pick(const std::array<const char*, N>& pool, std::uint64_t r)
{
    return QString::fromUtf8(pool[r % N]);
}

constexpr std::array cityUnits { "政府", "政府衛生局", "政府社會局", "政府教育局", "政府工務局",
    "政府財政局", "政府環境保護局", "政府警察局", "政府消防局", "政府地政局", "政府主計處",
    "政府人事處", "政府民政局", "政府勞動局", "政府文化局", "政府交通局", "政府水利局",
    "地方稅務局", "政府政風處", "政府農業局" };
constexpr std::array districts { "中正區", "信義區", "大安區", "板橋區", "三重區", "北屯區",
    "西屯區", "中西區", "東區", "北區", "苓雅區", "鳳山區", "竹北市", "羅東鎮", "花蓮市", "斗六市",
    "員林市", "太保市", "頭份市", "馬公市" };
constexpr std::array districtOffices { "戶政事務所", "地政事務所", "區公所", "衛生所", "國民小學",
    "國民中學", "公共托育中心" };
constexpr std::array centralAgencies { "行政院人事行政總處", "財政部北區國稅局",
    "財政部財政資訊中心", "經濟部水利署", "交通部公路局", "衛生福利部疾病管制署", "內政部移民署",
    "法務部矯正署臺北監獄", "國立臺灣大學", "國立臺北護理健康大學", "審計部", "數位發展部",
    "勞動部勞動力發展署", "教育部國民及學前教育署", "國防部政治作戰局", "海洋委員會海巡署",
    "農業部林業及自然保育署", "環境部", "文化部文化資產局", "考選部" };
constexpr std::array unitPrefixes { "秘書室", "人事室", "會計室", "政風室", "總務科", "資訊科",
    "社會救助科", "長期照顧科", "工務課", "民政課", "企劃科", "研考科" };
constexpr std::array qualifications { "具公務人員任用資格", "具社會工作師考試及格證書",
    "具護理師證書", "具普通小型車駕駛執照", "大學以上畢業", "熟悉Office文書處理軟體",
    "具身心障礙手冊者優先", "具原住民身分者優先", "具地政士證照者佳", "熟悉政府採購法",
    "具資訊安全相關證照", "具土木技師證書", "具英語檢定中高級以上", "具會計學分二十學分以上",
    "具統計分析經驗", "具長期照顧服務經驗" };
constexpr std::array duties { "辦理綜合業務", "辦理長期照護業務", "辦理兒少保護個案管理",
    "辦理水利工程規劃設計及施工督導", "辦理人事行政業務", "系統維運及資訊安全",
    "辦理公文收發及檔案管理", "辦理採購及財產管理", "辦理社會救助業務", "辦理戶籍登記業務",
    "辦理地籍測量業務", "辦理稅務稽徵業務", "辦理防疫業務", "辦理道路養護業務",
    "辦理預算編製及決算", "辦理為民服務業務", "辦理環境稽查", "辦理學生事務", "辦理文化資產保存",
    "協助主管交辦事項" };
constexpr std::array roads { "中山路", "中正路", "民生路", "民權東路", "忠孝東路", "市府路",
    "博愛路", "文化路", "建國路", "自由路", "光復路", "和平東路" };
constexpr std::array surnames { "王", "李", "張", "劉", "陳", "楊", "黃", "吳", "林", "周" };
constexpr std::array givenNames { "小明", "怡君", "志豪", "淑芬", "家豪", "雅婷", "建宏", "美玲" };
constexpr std::array schools { "中山", "民生", "信義", "光復", "仁愛", "文昌", "復興", "大同" };

const QDate today(2026, 11, 28);

} // namespace

VacancyGenerator::VacancyGenerator(std::uint64_t seed)
    : rng_(seed)
{ }

GeneratedVacancy VacancyGenerator::next()
{
    const CodeLists& codes = CodeLists::builtin();
    QList<Code> places;
    for (const Code& c : codes.items(CodeListKind::Workplace)) {
        if (!c.retired)
            places << c;
    }
    const QList<Code>& series = codes.items(CodeListKind::Series);
    const QList<Code>& kinds = codes.items(CodeListKind::PersonKind);
    const QStringList& titles = codes.commonTitles();

    GeneratedVacancy g;
    g.localId = QStringLiteral("%1-%2-4%3-8%4-%5")
                    .arg(draw() & 0xffffffffu, 8, 16, QLatin1Char('0'))
                    .arg(draw() & 0xffffu, 4, 16, QLatin1Char('0'))
                    .arg(draw() & 0xfffu, 3, 16, QLatin1Char('0'))
                    .arg(draw() & 0xfffu, 3, 16, QLatin1Char('0'))
                    .arg(draw() & 0xffffffffffffull, 12, 16, QLatin1Char('0'));

    Vacancy& v = g.data;
    const Code place = places[below(static_cast<int>(places.size()))];
    const QString district = pick(districts, draw());
    switch (below(10)) {
    case 0:
    case 1:
    case 2:
        v.agencyName = pick(centralAgencies, draw());
        break;
    case 3:
    case 4:
        v.agencyName = place.name + district + pick(districtOffices, draw());
        break;
    case 5:
        v.agencyName = place.name + QStringLiteral("立") + pick(schools, draw())
            + (percent(50) ? QStringLiteral("國民小學") : QStringLiteral("國民中學"));
        break;
    default:
        v.agencyName = place.name + pick(cityUnits, draw());
    }
    v.agencyCode = QStringLiteral("A%1").arg(draw() % 1'000'000'000ull, 9, 10, QLatin1Char('0'));
    v.workAddress
        = place.name + district + pick(roads, draw()) + QStringLiteral("%1號").arg(1 + below(300));
    v.agencyAddress = v.workAddress;
    v.fillerName = pick(surnames, draw()) + pick(givenNames, draw());
    v.fillerPhone = QStringLiteral("02-%1").arg(20000000 + below(9999999));
    v.fillerEmail = QStringLiteral("hr%1@example.gov.tw").arg(below(1000));
    v.personKind = kinds[percent(70) ? 0 : below(static_cast<int>(kinds.size()))].code;
    v.title = titles[below(static_cast<int>(titles.size()))];
    if (percent(30))
        v.title = pick(unitPrefixes, draw()) + v.title;
    if (percent(75)) {
        const bool intermediate = percent(50);
        v.rankClasses = { intermediate ? RankClass::Intermediate : RankClass::Junior };
        const int from = intermediate ? 6 + below(3) : 3 + below(3);
        v.gradeRanges = { { v.rankClasses.front(), from, from + below(2) } };
    } else {
        v.rankClasses = { RankClass::Other };
        v.gradeText = QStringLiteral("約僱%1等%2薪點").arg(3 + below(5)).arg(200 + 10 * below(20));
    }
    v.seriesCodes = { series[1 + below(static_cast<int>(series.size()) - 1)].code };
    v.openings = percent(80) ? 1 : 2 + below(4);
    v.reserveOpenings = below(3);
    v.workplaceCodes = { place.code };
    QStringList quals;
    quals << QStringLiteral("具%1職系任用資格")
                 .arg(codes.find(CodeListKind::Series, v.seriesCodes.front())->name);
    for (int i = below(3); i >= 0; --i)
        quals << pick(qualifications, draw());
    v.qualifications = quals.join(u'\n');
    QStringList jobs;
    for (int i = 1 + below(3); i >= 0; --i)
        jobs << pick(duties, draw());
    v.duties = jobs.join(u'\n');
    v.contactMethod = QStringLiteral("請於截止日前將履歷以電子郵件寄送");
    v.contactEmail = v.fillerEmail;
    v.welcomesDisabled = percent(20);
    v.welcomesIndigenous = percent(15);
    v.announcementUrl = QStringLiteral("https://example.gov.tw/notice/%1").arg(draw() % 100000);

    // Local state first; a record the server knows has an id and a status.
    const int s = below(100);
    g.state = s < 6 ? QStringLiteral("draft")
        : s < 11    ? QStringLiteral("pending")
        : s < 13    ? QStringLiteral("conflict")
        : s < 15    ? QStringLiteral("rejected")
                    : QStringLiteral("synced");
    const bool known
        = g.state == u"synced" || g.state == u"conflict" || (g.state != u"draft" && percent(50));
    if (known) {
        v.vacancyId = QString::number(nextServerId_++);
        const int t = below(100);
        v.status = t < 55 ? VacancyStatus::Ended
            : t < 80      ? VacancyStatus::Published
            : t < 88      ? VacancyStatus::Withdrawn
            : t < 95      ? VacancyStatus::Scheduled
                          : VacancyStatus::Rejected;
    }
    // Dates that fit the status: ended before today, published around it, scheduled after.
    int startOffset = -below(1400); // days from today
    if (v.status == VacancyStatus::Published)
        startOffset = -below(20);
    else if (v.status == VacancyStatus::Scheduled || !known)
        startOffset = 1 + below(30);
    else if (v.status == VacancyStatus::Ended)
        startOffset = -40 - below(1400);
    v.validFrom = today.addDays(startOffset);
    v.validTo = v.validFrom.addDays(3 + below(28));
    if (known) {
        v.createdOn = v.validFrom.addDays(-below(10) - 1);
        v.updatedOn = v.createdOn;
        if (v.status != VacancyStatus::Scheduled && v.status != VacancyStatus::Rejected)
            v.publishedOn = v.validFrom;
    }
    g.deleted = known && percent(2);
    g.serverDeleted = known && !g.deleted && percent(1);
    // Last local change: somewhere in the last four years, ms UTC.
    const qint64 start = QDateTime(QDate(2023, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    g.updatedAt = start + static_cast<qint64>(draw() % (4ull * 365 * 24 * 3600 * 1000));
    return g;
}

} // namespace bench
