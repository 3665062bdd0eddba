#include "core/domain/vacancy_rules.hpp"

#include "code_rules.hpp"
#include "core/domain/post_kind.hpp"

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

/// One field a post must fill: when it applies (nullptr: always), when it counts as missing,
/// and what the clerk is told.
struct Requirement {
    const char* field;
    bool (*applies)(const Vacancy&);
    bool (*missing)(const Vacancy&);
    const char* message;
};

// The seed's starred fields (人員區分, 職稱, 名額, 性別, 工作地 and the 機關基本資料 ones), the
// content that protects applicants where the seed shows nothing (有效期間, 資格條件, 工作項目,
// 工作地址, 聯絡方式), and what only some kinds of post need.
const Requirement requirements[] = {
    { "agencyCode", nullptr,
        [](const Vacancy& v) { return blank(v.agencyCode) || blank(v.agencyName); },
        QT_TRANSLATE_NOOP("VacancyRules", "請選擇徵才機關") },
    { "agencyAddress", nullptr, [](const Vacancy& v) { return blank(v.agencyAddress); },
        QT_TRANSLATE_NOOP("VacancyRules", "請填寫機關地址") },
    { "fillerName", nullptr, [](const Vacancy& v) { return blank(v.fillerName); },
        QT_TRANSLATE_NOOP("VacancyRules", "請填寫填寫人姓名") },
    { "fillerPhone", nullptr, [](const Vacancy& v) { return blank(v.fillerPhone); },
        QT_TRANSLATE_NOOP("VacancyRules", "請填寫填寫人電話") },
    { "personKind", nullptr, [](const Vacancy& v) { return blank(v.personKind); },
        QT_TRANSLATE_NOOP("VacancyRules", "請選擇人員區分") },
    { "rankClasses", nullptr, [](const Vacancy& v) { return v.rankClasses.isEmpty(); },
        QT_TRANSLATE_NOOP("VacancyRules", "請選擇官等類別") },
    { "title", nullptr, [](const Vacancy& v) { return blank(v.title); },
        QT_TRANSLATE_NOOP("VacancyRules", "請填寫職稱") },
    { "workplaceCodes", nullptr, [](const Vacancy& v) { return v.workplaceCodes.isEmpty(); },
        QT_TRANSLATE_NOOP("VacancyRules", "請選擇工作地點") },
    { "validFrom", nullptr, [](const Vacancy& v) { return !v.validFrom.isValid(); },
        QT_TRANSLATE_NOOP("VacancyRules", "請填寫有效期間起日") },
    { "validTo", nullptr, [](const Vacancy& v) { return !v.validTo.isValid(); },
        QT_TRANSLATE_NOOP("VacancyRules", "請填寫有效期間迄日") },
    { "qualifications", nullptr, [](const Vacancy& v) { return blank(v.qualifications); },
        QT_TRANSLATE_NOOP("VacancyRules", "請填寫資格條件") },
    { "duties", nullptr, [](const Vacancy& v) { return blank(v.duties); },
        QT_TRANSLATE_NOOP("VacancyRules", "請填寫工作項目") },
    { "workAddress", nullptr, [](const Vacancy& v) { return blank(v.workAddress); },
        QT_TRANSLATE_NOOP("VacancyRules", "請填寫工作地址") },
    { "contactMethod", nullptr, [](const Vacancy& v) { return blank(v.contactMethod); },
        QT_TRANSLATE_NOOP("VacancyRules", "請填寫聯絡方式") },
    // 任用 posts are filled by their 官職等; one the pickers cannot express is written as text.
    { "gradeRanges", gradeRequired,
        [](const Vacancy& v) { return v.gradeRanges.isEmpty() && blank(v.gradeText); },
        QT_TRANSLATE_NOOP("VacancyRules", "須具任用資格之職缺請選擇官職等，或填寫其他官職等") },
    { "seriesCodes", seriesRequired, [](const Vacancy& v) { return v.seriesCodes.isEmpty(); },
        QT_TRANSLATE_NOOP("VacancyRules", "須具任用資格之職缺請選擇職系") },
    // 性別平等工作法 §7: a gender limit is lawful only when the work suits one gender alone, and
    // the agency has to say why.
    { "genderReason", [](const Vacancy& v) { return v.gender != Gender::Any; },
        [](const Vacancy& v) { return blank(v.genderReason); },
        QT_TRANSLATE_NOOP(
            "VacancyRules", "限制性別須說明工作性質僅適合特定性別之理由（性別平等工作法第7條）") },
};

bool applies(const Requirement& r, const Vacancy& v)
{
    return !r.applies || r.applies(v);
}

void missingFields(const Vacancy& v, Messages& m)
{
    for (const Requirement& r : requirements)
        if (applies(r, v) && r.missing(v))
            m.add(r.field, QCoreApplication::translate("VacancyRules", r.message));
}

void headcount(const Vacancy& v, Messages& m)
{
    if (v.openings < 1)
        m.add("openings", QCoreApplication::translate("VacancyRules", "名額至少須為1名"));
    if (v.reserveOpenings < 0)
        m.add("reserveOpenings", QCoreApplication::translate("VacancyRules", "候補名額不得為負數"));
    else if (reserveCapApplies(v) && v.openings >= 1 && v.reserveOpenings > 2 * v.openings)
        // 陞遷法施行細則 §3 caps 候補 at twice the vacancies; it covers 任用 posts only.
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
    missingFields(vacancy, m);
    headcount(vacancy, m);
    period(vacancy, today, m);
    m.list += detail::codeMessages(vacancy, codes);
    gradeRanges(vacancy, codes, m);
    contacts(vacancy, m);
    lengths(vacancy, m);
    return m.list;
}

QSet<QString> requiredFields(const Vacancy& vacancy)
{
    // 名額 and 性別 are starred in the seed; the form always holds a value for them.
    QSet<QString> fields { QStringLiteral("openings"), QStringLiteral("gender") };
    for (const Requirement& r : requirements)
        if (applies(r, vacancy))
            fields.insert(QString::fromLatin1(r.field));
    return fields;
}

} // namespace core::domain
