#include "ui/preview/vacancy_html.hpp"

#include "core/domain/roc_date.hpp"
#include "ui/preview/vacancy_text.hpp"

#include <QCoreApplication>

namespace ui {

using namespace core::domain;

namespace {

/// The clerk's text with its line breaks, safe inside HTML.
QString paragraph(const QString& text)
{
    QString escaped = text.toHtmlEscaped();
    escaped.replace(QLatin1Char('\n'), QStringLiteral("<br/>"));
    return escaped;
}

class Page {
public:
    void item(const QString& label, const QString& value, bool longText = false)
    {
        html_ += QStringLiteral("<tr><td class=\"label\" width=\"22%\">&gt;&nbsp;%1</td>")
                     .arg(QCoreApplication::translate("ui::VacancyHtml", "%1：")
                              .arg(label)
                              .toHtmlEscaped());
        if (longText)
            html_ += QStringLiteral("</tr><tr><td class=\"para\" colspan=\"2\">%1</td></tr>")
                         .arg(paragraph(value));
        else
            html_ += QStringLiteral("<td class=\"value\">%1</td></tr>").arg(paragraph(value));
    }
    void raw(const QString& html) { html_ += html; }
    const QString& html() const { return html_; }

private:
    QString html_;
};

} // namespace

/// The page's parts; a class only for its translation context.
class VacancyHtml {
    Q_DECLARE_TR_FUNCTIONS(ui::VacancyHtml)
public:
    static QString resumeBlock(const ResumeAccess& r);
    static QString build(const Vacancy& v, const CodeLists& codes);
};

QString VacancyHtml::resumeBlock(const ResumeAccess& r)
{
    QString html = QStringLiteral("<tr><td class=\"label\" width=\"22%\">&gt;&nbsp;%1</td></tr>")
                       .arg(tr("%1：").arg(tr("履歷調閱資料")).toHtmlEscaped());
    QString body;
    const auto line = [&body](const QString& label, const QString& value) {
        body += tr("%1：%2").arg(label.toHtmlEscaped(), value.toHtmlEscaped())
            + QStringLiteral("<br/>");
    };
    line(tr("訓練日期區間"), core::domain::rocPeriodDisplay(r.trainingFrom, r.trainingTo));
    line(tr("獎懲日期區間"), core::domain::rocPeriodDisplay(r.rewardsFrom, r.rewardsTo));
    line(tr("考績年度區間"),
        core::domain::rocYearRangeDisplay(r.appraisalFromYear, r.appraisalToYear));
    const ResumeItem all[] = { ResumeItem::All, ResumeItem::Exam, ResumeItem::Appraisal,
        ResumeItem::RewardsPunishments, ResumeItem::LanguageSkills, ResumeItem::Screening,
        ResumeItem::MilitaryService, ResumeItem::Study };
    for (const ResumeItem item : all)
        body += QStringLiteral("%1 %2<br/>")
                    .arg(r.items.contains(item) ? QStringLiteral("☑") : QStringLiteral("☐"),
                        vacancytext::resumeItem(item).toHtmlEscaped());
    return html + QStringLiteral("<tr><td class=\"para\" colspan=\"2\">%1</td></tr>").arg(body);
}

QString vacancyHtml(const Vacancy& v, const CodeLists& codes)
{
    return VacancyHtml::build(v, codes);
}

QString VacancyHtml::build(const Vacancy& v, const CodeLists& codes)
{
    Page page;
    page.item(tr("職缺編號"), v.vacancyId.isEmpty() ? tr("系統自動產生") : v.vacancyId);
    page.item(tr("徵才機關"), v.agencyName);
    page.item(tr("人員區分"), v.personKind);
    page.item(tr("官職等"), vacancytext::grade(v));
    page.item(tr("職系"), vacancytext::series(v.seriesCodes, codes));
    QString openings = QString::number(v.openings);
    if (v.reserveOpenings > 0)
        // Two counts, each with its own plural: 正取 then 候補.
        openings
            = tr("正取%n名", nullptr, v.openings) + tr("，候補%n名", nullptr, v.reserveOpenings);
    page.item(tr("名額"), openings);
    // Like the public page: 性別 appears only when it is limited.
    if (v.gender != Gender::Any) {
        page.item(tr("性別"), vacancytext::gender(v.gender));
        page.item(tr("限制性別理由"), v.genderReason, true);
    }
    page.item(tr("工作地點"), vacancytext::workplaces(v.workplaceCodes, codes));
    page.item(tr("有效期間"), core::domain::rocPeriodDisplay(v.validFrom, v.validTo));
    page.item(tr("資格條件"), v.qualifications, true);
    page.item(tr("工作項目"), v.duties, true);
    page.item(tr("工作地址"), v.workAddress, true);
    page.item(tr("聯絡E-Mail"), v.contactEmail);
    page.item(tr("聯絡方式"), v.contactMethod, true);
    if (!v.announcementUrl.isEmpty())
        page.item(tr("公告網址"), v.announcementUrl);
    page.item(tr("職缺類別"), vacancytext::vacancyClass(v.vacancyClass), true);
    page.raw(resumeBlock(v.resumeAccess));

    QStringList welcomes;
    if (v.welcomesDisabled)
        welcomes << tr("歡迎身心障礙者參加甄選");
    if (v.welcomesIndigenous)
        welcomes << tr("歡迎原住民族參加甄選");
    if (v.indigenousArea)
        welcomes << tr("工作地點位於原住民族地區");
    if (!welcomes.isEmpty())
        page.item(tr("甄選對象"), welcomes.join(tr("、")));

    QString notes;
    if (v.resumeAccess.enabled)
        notes
            += QStringLiteral("<p class=\"resume\">%1</p>")
                   .arg(tr("* 請注意：本職缺啟用應徵人員調閱履歷功能，應徵者需同意開放履歷給徵才機"
                           "關調閱")
                            .toHtmlEscaped());
    const QString style = QStringLiteral(
        "body { font-size: 12pt; }"
        "h1 { font-size: 14pt; color: #3f737b; border-bottom: 2px dashed #bad3e6; }"
        "h2 { font-size: 16pt; color: #3f737b; }"
        "td.label { color: #4a8c3d; font-weight: bold; white-space: nowrap; padding: 3px; }"
        "td.value { padding: 3px; }"
        "td.para { padding: 3px 3px 6px 30px; }"
        "p.resume { color: #ad380b; }"
        "p.foot { text-align: center; color: #555; }");
    return QStringLiteral(
        "<html><head><meta charset=\"utf-8\"/><title>%1</title>"
        "<style>%2</style></head><body><h1>%1</h1><h2>%3</h2>"
        "<table width=\"100%\" cellspacing=\"0\">%4</table>%5<p class=\"foot\">%6</p>"
        "</body></html>")
        .arg(tr("行政院人事行政總處-事求人-機關徵才項目明細").toHtmlEscaped(), style,
            paragraph(v.title), page.html(), notes,
            tr("所有電子報的內容均由各機關自行審核後公布本網站，若對徵才內容有疑問請逕洽該徵才機關"
               "。")
                .toHtmlEscaped());
}

} // namespace ui
