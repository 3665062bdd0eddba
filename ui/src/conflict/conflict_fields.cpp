#include "ui/conflict/conflict_fields.hpp"

#include "core/domain/roc_date.hpp"
#include "ui/preview/vacancy_text.hpp"

#include <QCoreApplication>
#include <QHash>
#include <algorithm>

/// The translation context of these texts (outside any namespace, so lupdate and the runtime
/// agree on its name).
class ConflictFieldText {
    Q_DECLARE_TR_FUNCTIONS(ConflictFieldText)
};

namespace ui::conflictfields {

namespace {

QString yesNo(bool value)
{
    return value ? ConflictFieldText::tr("是") : ConflictFieldText::tr("否");
}

QString resume(const core::domain::ResumeAccess& access)
{
    if (!access.enabled)
        return ConflictFieldText::tr("不啟用");
    QStringList parts;
    for (core::domain::ResumeItem item : access.items)
        parts.append(vacancytext::resumeItem(item));
    QString text = ConflictFieldText::tr("啟用：%1").arg(parts.join(ConflictFieldText::tr("、")));
    const QString training = core::domain::rocPeriodDisplay(access.trainingFrom, access.trainingTo);
    if (!training.isEmpty())
        text += QLatin1Char('\n') + ConflictFieldText::tr("訓練日期區間 %1").arg(training);
    const QString rewards = core::domain::rocPeriodDisplay(access.rewardsFrom, access.rewardsTo);
    if (!rewards.isEmpty())
        text += QLatin1Char('\n') + ConflictFieldText::tr("獎懲日期區間 %1").arg(rewards);
    const QString years
        = core::domain::rocYearRangeDisplay(access.appraisalFromYear, access.appraisalToYear);
    if (!years.isEmpty())
        text += QLatin1Char('\n') + ConflictFieldText::tr("考績年度區間 %1").arg(years);
    return text;
}

} // namespace

QString label(const QString& key)
{
    // Function-local: the texts are translated when asked, in the language of that moment.
    static const QHash<QString, const char*> labels {
        { QStringLiteral("agencyCode"), QT_TRANSLATE_NOOP("ConflictFieldText", "徵才機關") },
        { QStringLiteral("agencyName"), QT_TRANSLATE_NOOP("ConflictFieldText", "機關名稱") },
        { QStringLiteral("agencyAddress"), QT_TRANSLATE_NOOP("ConflictFieldText", "機關地址") },
        { QStringLiteral("fillerName"), QT_TRANSLATE_NOOP("ConflictFieldText", "填寫人姓名") },
        { QStringLiteral("fillerPhone"), QT_TRANSLATE_NOOP("ConflictFieldText", "填寫人電話") },
        { QStringLiteral("fillerExtension"), QT_TRANSLATE_NOOP("ConflictFieldText", "分機") },
        { QStringLiteral("fillerEmail"), QT_TRANSLATE_NOOP("ConflictFieldText", "填寫人Email") },
        { QStringLiteral("personKind"), QT_TRANSLATE_NOOP("ConflictFieldText", "人員區分") },
        { QStringLiteral("rankClasses"), QT_TRANSLATE_NOOP("ConflictFieldText", "官等類別") },
        { QStringLiteral("gradeRanges"), QT_TRANSLATE_NOOP("ConflictFieldText", "官職等") },
        { QStringLiteral("gradeText"), QT_TRANSLATE_NOOP("ConflictFieldText", "官職等（其他）") },
        { QStringLiteral("title"), QT_TRANSLATE_NOOP("ConflictFieldText", "職稱") },
        { QStringLiteral("seriesCodes"), QT_TRANSLATE_NOOP("ConflictFieldText", "職系") },
        { QStringLiteral("openings"), QT_TRANSLATE_NOOP("ConflictFieldText", "名額") },
        { QStringLiteral("reserveOpenings"), QT_TRANSLATE_NOOP("ConflictFieldText", "候補名額") },
        { QStringLiteral("gender"), QT_TRANSLATE_NOOP("ConflictFieldText", "性別") },
        { QStringLiteral("genderReason"), QT_TRANSLATE_NOOP("ConflictFieldText", "性別限制理由") },
        { QStringLiteral("workplaceCodes"), QT_TRANSLATE_NOOP("ConflictFieldText", "工作地點") },
        { QStringLiteral("validFrom"), QT_TRANSLATE_NOOP("ConflictFieldText", "有效期間（起）") },
        { QStringLiteral("validTo"), QT_TRANSLATE_NOOP("ConflictFieldText", "有效期間（迄）") },
        { QStringLiteral("qualifications"), QT_TRANSLATE_NOOP("ConflictFieldText", "資格條件") },
        { QStringLiteral("duties"), QT_TRANSLATE_NOOP("ConflictFieldText", "工作項目") },
        { QStringLiteral("workAddress"), QT_TRANSLATE_NOOP("ConflictFieldText", "工作地址") },
        { QStringLiteral("contactMethod"), QT_TRANSLATE_NOOP("ConflictFieldText", "聯絡方式") },
        { QStringLiteral("contactEmail"), QT_TRANSLATE_NOOP("ConflictFieldText", "聯絡E-Mail") },
        { QStringLiteral("welcomesDisabled"),
            QT_TRANSLATE_NOOP("ConflictFieldText", "歡迎身心障礙者參加甄選") },
        { QStringLiteral("welcomesIndigenous"),
            QT_TRANSLATE_NOOP("ConflictFieldText", "歡迎原住民族參加甄選") },
        { QStringLiteral("indigenousArea"),
            QT_TRANSLATE_NOOP("ConflictFieldText", "原住民族地區職缺") },
        { QStringLiteral("trainingProgramme"),
            QT_TRANSLATE_NOOP("ConflictFieldText", "進階職能培訓專班人員專區") },
        { QStringLiteral("transfer"), QT_TRANSLATE_NOOP("ConflictFieldText", "限調任") },
        { QStringLiteral("vacancyClass"), QT_TRANSLATE_NOOP("ConflictFieldText", "職缺類別") },
        { QStringLiteral("announcementUrl"), QT_TRANSLATE_NOOP("ConflictFieldText", "公告網址") },
        { QStringLiteral("resumeAccess"), QT_TRANSLATE_NOOP("ConflictFieldText", "調閱履歷") },
    };
    const auto it = labels.constFind(key);
    return it == labels.cend() ? key : ConflictFieldText::tr(it.value());
}

QString value(
    const core::domain::Vacancy& v, const QString& key, const core::domain::CodeLists& lists)
{
    if (key == QLatin1String("agencyCode"))
        return v.agencyCode;
    if (key == QLatin1String("agencyName"))
        return v.agencyName;
    if (key == QLatin1String("agencyAddress"))
        return v.agencyAddress;
    if (key == QLatin1String("fillerName"))
        return v.fillerName;
    if (key == QLatin1String("fillerPhone"))
        return v.fillerPhone;
    if (key == QLatin1String("fillerExtension"))
        return v.fillerExtension;
    if (key == QLatin1String("fillerEmail"))
        return v.fillerEmail;
    if (key == QLatin1String("personKind"))
        return v.personKind;
    if (key == QLatin1String("rankClasses")) {
        QStringList parts;
        for (core::domain::RankClass rank : v.rankClasses)
            parts.append(vacancytext::rankName(rank));
        return parts.join(ConflictFieldText::tr("、"));
    }
    if (key == QLatin1String("gradeRanges"))
        return vacancytext::gradeRanges(v.gradeRanges);
    if (key == QLatin1String("gradeText"))
        return v.gradeText;
    if (key == QLatin1String("title"))
        return v.title;
    if (key == QLatin1String("seriesCodes"))
        return vacancytext::series(v.seriesCodes, lists);
    if (key == QLatin1String("openings"))
        return QString::number(v.openings);
    if (key == QLatin1String("reserveOpenings"))
        return QString::number(v.reserveOpenings);
    if (key == QLatin1String("gender"))
        return vacancytext::gender(v.gender);
    if (key == QLatin1String("genderReason"))
        return v.genderReason;
    if (key == QLatin1String("workplaceCodes"))
        return vacancytext::workplaces(v.workplaceCodes, lists);
    if (key == QLatin1String("validFrom"))
        return core::domain::rocDateDisplay(v.validFrom);
    if (key == QLatin1String("validTo"))
        return core::domain::rocDateDisplay(v.validTo);
    if (key == QLatin1String("qualifications"))
        return v.qualifications;
    if (key == QLatin1String("duties"))
        return v.duties;
    if (key == QLatin1String("workAddress"))
        return v.workAddress;
    if (key == QLatin1String("contactMethod"))
        return v.contactMethod;
    if (key == QLatin1String("contactEmail"))
        return v.contactEmail;
    if (key == QLatin1String("welcomesDisabled"))
        return yesNo(v.welcomesDisabled);
    if (key == QLatin1String("welcomesIndigenous"))
        return yesNo(v.welcomesIndigenous);
    if (key == QLatin1String("indigenousArea"))
        return yesNo(v.indigenousArea);
    if (key == QLatin1String("trainingProgramme"))
        return yesNo(v.trainingProgramme);
    if (key == QLatin1String("transfer"))
        return yesNo(v.transfer);
    if (key == QLatin1String("vacancyClass"))
        return vacancytext::vacancyClass(v.vacancyClass);
    if (key == QLatin1String("announcementUrl"))
        return v.announcementUrl;
    if (key == QLatin1String("resumeAccess"))
        return resume(v.resumeAccess);
    return {};
}

QString changesHtml(const QString& before, const QString& after)
{
    const auto html = [](const QString& text) {
        return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    };
    if (before == after)
        return html(after);
    qsizetype head = 0;
    const qsizetype shorter = std::min(before.size(), after.size());
    while (head < shorter && before.at(head) == after.at(head))
        ++head;
    qsizetype tail = 0;
    while (tail < shorter - head
        && before.at(before.size() - 1 - tail) == after.at(after.size() - 1 - tail))
        ++tail;
    const QString changed = after.mid(head, after.size() - head - tail);
    const QString mark = changed.isEmpty()
        ? QStringLiteral("<span style=\"background:#ffe066\">&#x2038;</span>") // a deletion
        : QStringLiteral("<span style=\"background:#ffe066\">%1</span>").arg(html(changed));
    return html(after.left(head)) + mark + html(after.right(tail));
}

} // namespace ui::conflictfields
