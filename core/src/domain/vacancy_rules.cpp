#include "core/domain/vacancy_rules.hpp"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

namespace core::domain {

namespace {

class Messages {
public:
    void add(const char* field, const QString& message)
    {
        list.append(FieldMessage { QString::fromLatin1(field), message });
    }
    QList<FieldMessage> list;
};

bool blank(const QString& text)
{
    return text.trimmed().isEmpty();
}

bool isEmail(const QString& text)
{
    // Deliberately loose: one @, no spaces, a dot in the domain. The mail server is the real test.
    static const QRegularExpression pattern(QStringLiteral(R"(^[^@\s]+@[^@\s]+\.[^@\s.]+$)"));
    return pattern.match(text).hasMatch();
}

bool isAgencyCode(const QString& text)
{
    // The reference only guesses this shape (§3.5); the check character is not known, so no
    // checksum is computed.
    static const QRegularExpression pattern(QStringLiteral(R"(^[0-9A-Z]{9}[A-Z]$)"));
    return pattern.match(text).hasMatch();
}

void requiredFields(const Vacancy& v, Messages& m)
{
    // The starred fields of the 機關徵才登錄 form, plus the content the public notice must carry.
    if (blank(v.agencyCode) || blank(v.agencyName))
        m.add("agencyCode", QCoreApplication::translate("VacancyRules", "請選擇徵才機關"));
    if (blank(v.agencyAddress))
        m.add("agencyAddress", QCoreApplication::translate("VacancyRules", "請填寫機關地址"));
    if (blank(v.fillerName))
        m.add("fillerName", QCoreApplication::translate("VacancyRules", "請填寫填寫人姓名"));
    if (blank(v.fillerPhone))
        m.add("fillerPhone", QCoreApplication::translate("VacancyRules", "請填寫填寫人電話"));
    if (blank(v.personKind))
        m.add("personKind", QCoreApplication::translate("VacancyRules", "請選擇人員區分"));
    if (v.rankClasses.isEmpty())
        m.add("rankClasses", QCoreApplication::translate("VacancyRules", "請選擇官等類別"));
    if (blank(v.title))
        m.add("title", QCoreApplication::translate("VacancyRules", "請填寫職稱"));
    if (v.workplaceCodes.isEmpty())
        m.add("workplaceCodes", QCoreApplication::translate("VacancyRules", "請選擇工作地點"));
    if (!v.validFrom.isValid())
        m.add("validFrom", QCoreApplication::translate("VacancyRules", "請填寫有效期間起日"));
    if (!v.validTo.isValid())
        m.add("validTo", QCoreApplication::translate("VacancyRules", "請填寫有效期間迄日"));
    if (blank(v.qualifications))
        m.add("qualifications", QCoreApplication::translate("VacancyRules", "請填寫資格條件"));
    if (blank(v.duties))
        m.add("duties", QCoreApplication::translate("VacancyRules", "請填寫工作項目"));
    if (blank(v.workAddress))
        m.add("workAddress", QCoreApplication::translate("VacancyRules", "請填寫工作地址"));
    if (blank(v.contactMethod))
        m.add("contactMethod", QCoreApplication::translate("VacancyRules", "請填寫聯絡方式"));
    // 任用 posts are announced with their 職等 and 職系 (陞遷法施行細則 §3); others use free text.
    if (v.vacancyClass == VacancyClass::CivilService) {
        if (v.gradeRanges.isEmpty())
            m.add("gradeRanges",
                QCoreApplication::translate("VacancyRules", "須具任用資格之職缺請選擇官職等"));
        if (v.seriesCodes.isEmpty())
            m.add("seriesCodes",
                QCoreApplication::translate("VacancyRules", "須具任用資格之職缺請選擇職系"));
    } else if (v.gradeRanges.isEmpty() && blank(v.gradeText)) {
        m.add("gradeText", QCoreApplication::translate("VacancyRules", "請填寫官職等或薪點"));
    }
}

void headcount(const Vacancy& v, Messages& m)
{
    if (v.openings < 1)
        m.add("openings", QCoreApplication::translate("VacancyRules", "名額至少須為1名"));
    if (v.reserveOpenings < 0)
        m.add("reserveOpenings", QCoreApplication::translate("VacancyRules", "候補名額不得為負數"));
    else if (v.openings >= 1 && v.reserveOpenings > 2 * v.openings)
        // 陞遷法施行細則 §3 caps 候補 at twice the vacancies.
        m.add("reserveOpenings",
            QCoreApplication::translate("VacancyRules", "候補名額不得超過名額的2倍（最多%1名）")
                .arg(2 * v.openings));
}

void period(const Vacancy& v, const QDate& today, Messages& m)
{
    if (!v.validFrom.isValid() || !v.validTo.isValid())
        return; // reported as missing already
    if (v.validTo < v.validFrom)
        m.add("validTo", QCoreApplication::translate("VacancyRules", "有效期間迄日不得早於起日"));
    else if (v.validFrom.daysTo(v.validTo) < 3)
        // 外補 needs a public notice of at least 3 days (陞遷法施行細則 §3).
        m.add("validTo", QCoreApplication::translate("VacancyRules", "公開甄選公告期間至少須3日"));
    // Only a draft the server has not seen may be checked against today: a published posting's
    // start date lies in the past by design.
    if (!v.status && v.validFrom < today)
        m.add("validFrom", QCoreApplication::translate("VacancyRules", "有效期間起日不得早於今日"));
}

/// Unknown codes and retired ones get different messages: a retired code names its successor.
template <typename Unknown, typename Retired>
void checkCode(const CodeLists& codes, CodeListKind kind, const QString& code, const char* field,
    Unknown unknown, Retired retired, Messages& m)
{
    const auto found = codes.find(kind, code);
    if (!found)
        m.add(field, unknown(code));
    else if (found->retired)
        m.add(field, retired(*found));
}

void codeLists(const Vacancy& v, const CodeLists& codes, Messages& m)
{
    if (!blank(v.agencyCode) && !isAgencyCode(v.agencyCode))
        m.add("agencyCode",
            QCoreApplication::translate("VacancyRules", "機關代碼格式不正確（應為10碼英數字）"));
    if (!blank(v.personKind))
        checkCode(
            codes, CodeListKind::PersonKind, v.personKind, "personKind",
            [](const QString& c) {
                return QCoreApplication::translate("VacancyRules", "人員區分「%1」不在代碼表中")
                    .arg(c);
            },
            [](const Code& c) {
                return QCoreApplication::translate("VacancyRules", "人員區分「%1」已停用")
                    .arg(c.name);
            },
            m);
    for (const QString& code : v.seriesCodes)
        checkCode(
            codes, CodeListKind::Series, code, "seriesCodes",
            [](const QString& c) {
                return QCoreApplication::translate("VacancyRules", "職系代碼「%1」不在代碼表中")
                    .arg(c);
            },
            [](const Code& c) {
                return QCoreApplication::translate("VacancyRules", "職系「%1」已停用").arg(c.name);
            },
            m);
    if (v.seriesCodes.size() > 1 && v.seriesCodes.contains(QStringLiteral("0100")))
        m.add("seriesCodes",
            QCoreApplication::translate("VacancyRules", "職系「無」不得與其他職系同時選擇"));
    for (const QString& code : v.workplaceCodes)
        checkCode(
            codes, CodeListKind::Workplace, code, "workplaceCodes",
            [](const QString& c) {
                return QCoreApplication::translate("VacancyRules", "工作地點代碼「%1」不在代碼表中")
                    .arg(c);
            },
            [&codes](const Code& c) {
                const auto successor = codes.find(CodeListKind::Workplace, c.replacedBy);
                if (!successor)
                    return QCoreApplication::translate("VacancyRules", "工作地點「%1」已停用")
                        .arg(c.name);
                return QCoreApplication::translate(
                    "VacancyRules", "工作地點「%1」已停用，請改選「%2」")
                    .arg(c.name, successor->name);
            },
            m);
}

void gradeRanges(const Vacancy& v, const CodeLists& codes, Messages& m)
{
    for (const GradeRange& g : v.gradeRanges) {
        const auto band = codes.band(g.rank);
        if (!band || g.from > g.to || g.from < band->from || g.to > band->to) {
            m.add("gradeRanges",
                QCoreApplication::translate("VacancyRules", "官職等範圍不在該官等的職等之內"));
            return; // one message is enough: the picker shows which range
        }
    }
}

void contacts(const Vacancy& v, Messages& m)
{
    if (!blank(v.contactEmail) && !isEmail(v.contactEmail))
        m.add("contactEmail", QCoreApplication::translate("VacancyRules", "聯絡E-Mail格式不正確"));
    if (!blank(v.fillerEmail) && !isEmail(v.fillerEmail))
        m.add("fillerEmail", QCoreApplication::translate("VacancyRules", "填寫人Email格式不正確"));
    if (!blank(v.announcementUrl)) {
        const QUrl url(v.announcementUrl, QUrl::StrictMode);
        const QString scheme = url.scheme();
        if (!url.isValid() || url.host().isEmpty()
            || (scheme != QStringLiteral("http") && scheme != QStringLiteral("https")))
            m.add("announcementUrl",
                QCoreApplication::translate("VacancyRules", "公告網址須為http或https開頭的網址"));
    }
}

void gender(const Vacancy& v, Messages& m)
{
    // 性別平等工作法 §7: a gender limit is lawful only when the work suits one gender alone, and
    // the agency has to say why.
    if (v.gender != Gender::Any && blank(v.genderReason))
        m.add("genderReason",
            QCoreApplication::translate("VacancyRules",
                "限制性別須說明工作性質僅適合特定性別之理由（性別平等工作法第7條）"));
}

void lengths(const Vacancy& v, Messages& m)
{
    const auto tooLong = [&m](const char* field, const QString& text) {
        if (text.size() > maxLongTextLength)
            m.add(field,
                QCoreApplication::translate("VacancyRules", "內容不得超過%1字（目前%2字）")
                    .arg(maxLongTextLength)
                    .arg(text.size()));
    };
    tooLong("qualifications", v.qualifications);
    tooLong("duties", v.duties);
    tooLong("contactMethod", v.contactMethod);
}

} // namespace

QList<FieldMessage> validate(const Vacancy& vacancy, const CodeLists& codes, const QDate& today)
{
    Messages m;
    requiredFields(vacancy, m);
    headcount(vacancy, m);
    period(vacancy, today, m);
    codeLists(vacancy, codes, m);
    gradeRanges(vacancy, codes, m);
    contacts(vacancy, m);
    gender(vacancy, m);
    lengths(vacancy, m);
    return m.list;
}

} // namespace core::domain
