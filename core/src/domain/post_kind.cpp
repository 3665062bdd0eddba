#include "core/domain/post_kind.hpp"

#include <QStringList>

namespace core::domain {

namespace {

bool blank(const QString& text)
{
    return text.trimmed().isEmpty();
}

/// The 人員區分 of resources/codes/person-kinds.json that 任用 never fills: contract staff
/// (行政院暨所屬機關約僱人員僱用辦法, 聘用人員聘用條例), 工友, 技工 and 駕駛, 駐衛警,
/// teachers (教育人員任用條例) and the catch-all 其他人員. A kind missing here, including one
/// the server adds later, follows its 職缺類別.
const QStringList& outsideAppointment()
{
    static const QStringList kinds {
        QStringLiteral("教育人員"), // i18n-ok: 人員區分 names, compared as data
        QStringLiteral("聘用人員"), // i18n-ok: 人員區分 names, compared as data
        QStringLiteral("約僱人員"), // i18n-ok: 人員區分 names, compared as data
        QStringLiteral("兼任教師"), // i18n-ok: 人員區分 names, compared as data
        QStringLiteral("代課教師"), // i18n-ok: 人員區分 names, compared as data
        QStringLiteral("代理教師"), // i18n-ok: 人員區分 names, compared as data
        QStringLiteral("實習老師"), // i18n-ok: 人員區分 names, compared as data
        QStringLiteral("技工"), // i18n-ok: 人員區分 names, compared as data
        QStringLiteral("駕駛"), // i18n-ok: 人員區分 names, compared as data
        QStringLiteral("駐衛警"), // i18n-ok: 人員區分 names, compared as data
        QStringLiteral("駐警衛"), // i18n-ok: 人員區分 names, compared as data
        QStringLiteral("工友"), // i18n-ok: 人員區分 names, compared as data
        QStringLiteral("清潔隊員"), // i18n-ok: 人員區分 names, compared as data
        QStringLiteral("測量助理"), // i18n-ok: 人員區分 names, compared as data
        QStringLiteral("其他人員"), // i18n-ok: 人員區分 names, compared as data
    };
    return kinds;
}

} // namespace

bool isOutsideAppointment(const QString& personKind)
{
    return outsideAppointment().contains(personKind.trimmed());
}

bool hasNoSeries(const QString& personKind)
{
    // i18n-ok: a 人員區分 name, compared as data
    return personKind.trimmed() == QStringLiteral("警察人員");
}

bool isAppointmentPost(const Vacancy& v)
{
    // 不使用應徵者履歷調閱 says nothing about 任用資格; it was never held to the 任用 rules.
    return v.vacancyClass == VacancyClass::CivilService && !isOutsideAppointment(v.personKind);
}

bool gradeOnRankScheme(const Vacancy& v)
{
    return !v.gradeRanges.isEmpty() || blank(v.gradeText);
}

bool gradeRequired(const Vacancy& v)
{
    return isAppointmentPost(v);
}

bool seriesRequired(const Vacancy& v)
{
    // 職系 belong to the 職組暨職系名稱一覽表 of 公務人員任用法 §6; 醫事, 警察, 關務 and 國營事業
    // grades sit outside it, so such posts have none to choose.
    return isAppointmentPost(v) && gradeOnRankScheme(v) && !hasNoSeries(v.personKind);
}

bool reserveCapApplies(const Vacancy& v)
{
    return isAppointmentPost(v);
}

} // namespace core::domain
