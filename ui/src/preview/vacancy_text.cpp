#include "ui/preview/vacancy_text.hpp"

#include <QCoreApplication>

namespace ui::vacancytext {

using namespace core::domain;

namespace {

QString joined(const QStringList& parts)
{
    return parts.join(QCoreApplication::translate("ui::VacancyText", "、"));
}

} // namespace

QString rankName(RankClass rank)
{
    switch (rank) {
    case RankClass::Junior:
        return QCoreApplication::translate("ui::VacancyText", "委任");
    case RankClass::Intermediate:
        return QCoreApplication::translate("ui::VacancyText", "薦任");
    case RankClass::Senior:
        return QCoreApplication::translate("ui::VacancyText", "簡任");
    case RankClass::Other:
        break;
    }
    return QCoreApplication::translate("ui::VacancyText", "其他");
}

QString gradeRange(const GradeRange& range)
{
    //: One 官職等: %1 官等 (委任/薦任/簡任), %2 職等.
    const QString from = QCoreApplication::translate("ui::VacancyText", "%1第%2職等")
                             .arg(rankName(range.rank))
                             .arg(range.from);
    if (range.from == range.to)
        return from;
    const QString to = QCoreApplication::translate("ui::VacancyText", "%1第%2職等")
                           .arg(rankName(range.rank))
                           .arg(range.to);
    //: A 官職等 range: %1 the lowest, %2 the highest.
    return QCoreApplication::translate("ui::VacancyText", "%1至%2").arg(from, to);
}

QString gradeRanges(const QList<GradeRange>& ranges)
{
    QStringList parts;
    for (const GradeRange& range : ranges)
        parts.append(gradeRange(range));
    //: Joins alternative 官職等 ranges: 委任第5職等或薦任第6職等.
    return parts.join(QCoreApplication::translate("ui::VacancyText", "或"));
}

QString grade(const Vacancy& vacancy)
{
    const QString ranges = gradeRanges(vacancy.gradeRanges);
    const QString text = vacancy.gradeText.trimmed();
    if (ranges.isEmpty())
        return text;
    if (text.isEmpty())
        return ranges;
    return joined({ ranges, text });
}

QString gender(Gender value)
{
    switch (value) {
    case Gender::Male:
        return QCoreApplication::translate("ui::VacancyText", "男");
    case Gender::Female:
        return QCoreApplication::translate("ui::VacancyText", "女");
    case Gender::Any:
        break;
    }
    return QCoreApplication::translate("ui::VacancyText", "不拘");
}

QString vacancyClass(VacancyClass value)
{
    switch (value) {
    case VacancyClass::CivilService:
        return QCoreApplication::translate("ui::VacancyText", "須具公務人員任用資格職缺");
    case VacancyClass::NonCivilService:
        return QCoreApplication::translate("ui::VacancyText", "不須具公務人員任用資格職缺");
    case VacancyClass::NoResumeAccess:
        break;
    }
    return QCoreApplication::translate("ui::VacancyText", "不使用應徵者履歷調閱");
}

QString resumeItem(ResumeItem item)
{
    switch (item) {
    case ResumeItem::All:
        return QCoreApplication::translate("ui::VacancyText", "個人全部資料");
    case ResumeItem::Exam:
        return QCoreApplication::translate(
            "ui::VacancyText", "考試或晉升訓練/專門職業及技術人員資格");
    case ResumeItem::Appraisal:
        return QCoreApplication::translate("ui::VacancyText", "考績(成)或成績考核");
    case ResumeItem::RewardsPunishments:
        return QCoreApplication::translate("ui::VacancyText", "獎懲");
    case ResumeItem::LanguageSkills:
        return QCoreApplication::translate("ui::VacancyText", "專長及語言能力");
    case ResumeItem::Screening:
        return QCoreApplication::translate("ui::VacancyText", "檢覈/甄審");
    case ResumeItem::MilitaryService:
        return QCoreApplication::translate(
            "ui::VacancyText", "兵役/教師資格/身心障礙註記/原住民註記");
    case ResumeItem::Study:
        break;
    }
    return QCoreApplication::translate("ui::VacancyText", "訓練及進修");
}

QString workplaces(const QStringList& codes, const CodeLists& lists)
{
    QStringList parts;
    for (const QString& code : codes) {
        const auto found = lists.find(CodeListKind::Workplace, code);
        parts.append(found ? QStringLiteral("%1-%2").arg(code, found->name) : code);
    }
    return joined(parts);
}

QString series(const QStringList& codes, const CodeLists& lists)
{
    QStringList parts;
    for (const QString& code : codes) {
        const auto found = lists.find(CodeListKind::Series, code);
        parts.append(found ? found->name : code);
    }
    return joined(parts);
}

} // namespace ui::vacancytext
