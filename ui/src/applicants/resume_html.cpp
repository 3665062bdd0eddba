#include "core/domain/roc_date.hpp"
#include "ui/applicants/applicants_dialog.hpp"

#include <QCoreApplication>
#include <QDate>
#include <QJsonArray>
#include <QJsonObject>

namespace ui {

namespace {

// i18n-ok: only ever given QT_TRANSLATE_NOOP("ui::ApplicantsDialog", …) texts, same context
QString tx(const char* text)
{
    return QCoreApplication::translate("ui::ApplicantsDialog", text);
}

// lupdate reads the literals below through QT_TRANSLATE_NOOP.

/// A member's name in words; unknown members show as sent (a newer server).
QString fieldName(const QString& key)
{
    static const QList<QPair<QString, const char*>> names {
        { QStringLiteral("idNumberMasked"),
            QT_TRANSLATE_NOOP("ui::ApplicantsDialog", "身分證字號") },
        { QStringLiteral("gender"), QT_TRANSLATE_NOOP("ui::ApplicantsDialog", "性別") },
        { QStringLiteral("birthDate"), QT_TRANSLATE_NOOP("ui::ApplicantsDialog", "出生日期") },
        { QStringLiteral("email"), QT_TRANSLATE_NOOP("ui::ApplicantsDialog", "電子郵件") },
        { QStringLiteral("phone"), QT_TRANSLATE_NOOP("ui::ApplicantsDialog", "電話") },
        { QStringLiteral("education"), QT_TRANSLATE_NOOP("ui::ApplicantsDialog", "學歷") },
        { QStringLiteral("currentPost"), QT_TRANSLATE_NOOP("ui::ApplicantsDialog", "現職") },
        { QStringLiteral("school"), QT_TRANSLATE_NOOP("ui::ApplicantsDialog", "學校") },
        { QStringLiteral("department"), QT_TRANSLATE_NOOP("ui::ApplicantsDialog", "科系") },
        { QStringLiteral("degree"), QT_TRANSLATE_NOOP("ui::ApplicantsDialog", "學位") },
        { QStringLiteral("from"), QT_TRANSLATE_NOOP("ui::ApplicantsDialog", "起") },
        { QStringLiteral("to"), QT_TRANSLATE_NOOP("ui::ApplicantsDialog", "迄") },
        { QStringLiteral("agency"), QT_TRANSLATE_NOOP("ui::ApplicantsDialog", "機關") },
        { QStringLiteral("title"), QT_TRANSLATE_NOOP("ui::ApplicantsDialog", "職稱") },
        { QStringLiteral("grade"), QT_TRANSLATE_NOOP("ui::ApplicantsDialog", "等級") },
        { QStringLiteral("kind"), QT_TRANSLATE_NOOP("ui::ApplicantsDialog", "類別") },
        { QStringLiteral("name"), QT_TRANSLATE_NOOP("ui::ApplicantsDialog", "名稱") },
        { QStringLiteral("category"), QT_TRANSLATE_NOOP("ui::ApplicantsDialog", "類科") },
        { QStringLiteral("year"), QT_TRANSLATE_NOOP("ui::ApplicantsDialog", "年度") },
        { QStringLiteral("date"), QT_TRANSLATE_NOOP("ui::ApplicantsDialog", "日期") },
        { QStringLiteral("count"), QT_TRANSLATE_NOOP("ui::ApplicantsDialog", "次數") },
        { QStringLiteral("reason"), QT_TRANSLATE_NOOP("ui::ApplicantsDialog", "事由") },
        { QStringLiteral("level"), QT_TRANSLATE_NOOP("ui::ApplicantsDialog", "程度") },
        { QStringLiteral("certificate"), QT_TRANSLATE_NOOP("ui::ApplicantsDialog", "證照") },
        { QStringLiteral("result"), QT_TRANSLATE_NOOP("ui::ApplicantsDialog", "結果") },
        { QStringLiteral("military"), QT_TRANSLATE_NOOP("ui::ApplicantsDialog", "兵役") },
        { QStringLiteral("teacherQualification"),
            QT_TRANSLATE_NOOP("ui::ApplicantsDialog", "教師資格") },
        { QStringLiteral("disability"), QT_TRANSLATE_NOOP("ui::ApplicantsDialog", "身心障礙註記") },
        { QStringLiteral("indigenous"), QT_TRANSLATE_NOOP("ui::ApplicantsDialog", "原住民註記") },
        { QStringLiteral("course"), QT_TRANSLATE_NOOP("ui::ApplicantsDialog", "課程") },
        { QStringLiteral("institution"), QT_TRANSLATE_NOOP("ui::ApplicantsDialog", "機構") },
        { QStringLiteral("hours"), QT_TRANSLATE_NOOP("ui::ApplicantsDialog", "時數") },
    };
    for (const auto& [name, words] : names)
        if (name == key)
            return tx(words);
    return key;
}

/// A scalar for the clerk: dates and years in 民國, booleans as 是/否.
QString valueText(const QString& key, const QJsonValue& value)
{
    if (value.isBool())
        return value.toBool() ? QCoreApplication::translate("ui::ApplicantsDialog", "是")
                              : QCoreApplication::translate("ui::ApplicantsDialog", "否");
    if (value.isDouble()) {
        const int number = value.toInt();
        if (key == QLatin1String("year") && number > 1911)
            return core::domain::rocYearDisplay(number);
        return QString::number(value.toDouble());
    }
    const QString text = value.toString();
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid() && text.size() == 10)
        return core::domain::rocDateDisplay(date);
    return text;
}

QString objectHtml(const QJsonObject& object);

QString anyHtml(const QString& key, const QJsonValue& value)
{
    if (value.isObject())
        return objectHtml(value.toObject());
    if (value.isArray()) {
        QStringList entries;
        for (const QJsonValue& entry : value.toArray())
            entries << QStringLiteral("<li>%1</li>").arg(anyHtml(key, entry));
        return QStringLiteral("<ul>%1</ul>").arg(entries.join(QString()));
    }
    return valueText(key, value).toHtmlEscaped();
}

QString objectHtml(const QJsonObject& object)
{
    QStringList rows;
    for (auto it = object.begin(); it != object.end(); ++it)
        rows << QStringLiteral("<tr><th align=\"left\" valign=\"top\">%1</th><td>%2</td></tr>")
                    .arg(fieldName(it.key()).toHtmlEscaped(), anyHtml(it.key(), it.value()));
    return QStringLiteral("<table cellspacing=\"2\">%1</table>").arg(rows.join(QString()));
}

} // namespace

QString resumeSectionTitle(core::api::ResumeSection section)
{
    using core::api::ResumeSection;
    switch (section) {
    case ResumeSection::Basic:
        return QCoreApplication::translate("ui::ApplicantsDialog", "個人全部資料");
    case ResumeSection::Exam:
        return QCoreApplication::translate(
            "ui::ApplicantsDialog", "考試或晉升訓練/專門職業及技術人員資格");
    case ResumeSection::Appraisal:
        return QCoreApplication::translate("ui::ApplicantsDialog", "考績(成)或成績考核");
    case ResumeSection::RewardsPunishments:
        return QCoreApplication::translate("ui::ApplicantsDialog", "獎懲");
    case ResumeSection::LanguageSkills:
        return QCoreApplication::translate("ui::ApplicantsDialog", "專長及語言能力");
    case ResumeSection::Screening:
        return QCoreApplication::translate("ui::ApplicantsDialog", "檢覈/甄審");
    case ResumeSection::MilitaryService:
        return QCoreApplication::translate(
            "ui::ApplicantsDialog", "兵役/教師資格/身心障礙註記/原住民註記");
    case ResumeSection::Study:
        return QCoreApplication::translate("ui::ApplicantsDialog", "訓練及進修");
    }
    return {};
}

QString resumeSectionHtml(core::api::ResumeSection section, const QJsonValue& value)
{
    return QStringLiteral("<h3>%1</h3>%2")
        .arg(resumeSectionTitle(section).toHtmlEscaped(), anyHtml(QString(), value));
}

} // namespace ui
