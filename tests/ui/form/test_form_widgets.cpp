// The form's pickers on their own: the ROC date edit, the 工作地 grid, the coded pickers and the
// 官職等 ranges; the code lists cached in the store replacing the built-in ones; and a language
// change retranslating the form without a restart.

#include "core/domain/code_lists.hpp"
#include "form_fixture.hpp"
#include "ui/form/grade_range_picker.hpp"
#include "ui/form/post_section.hpp"
#include "ui/form/vacancy_form_dialog.hpp"
#include "ui/widgets/code_picker.hpp"
#include "ui/widgets/roc_date_edit.hpp"
#include "ui/widgets/workplace_picker.hpp"

#include <QCalendarWidget>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTranslator>
#include <catch2/catch.hpp>

using core::domain::CodeListKind;
using core::domain::CodeLists;
using core::domain::GradeRange;
using core::domain::RankClass;

TEST_CASE("RocDateEdit shows and accepts 民國 yyy/MM/dd, with a ROC calendar", "[form][widgets]")
{
    CHECK(ui::rocDateText(QDate(2026, 12, 1)) == QStringLiteral("115/12/01"));
    CHECK(ui::rocDateText(QDate(1912, 1, 1)) == QStringLiteral("001/01/01"));
    CHECK(ui::rocDateText(QDate()).isEmpty());
    CHECK(ui::parseRocDateText(QStringLiteral("115/12/01")) == QDate(2026, 12, 1));
    CHECK(ui::parseRocDateText(QStringLiteral(" 115/1/5 ")) == QDate(2026, 1, 5));
    CHECK(ui::parseRocDateText(QStringLiteral("115-02-28")) == QDate(2026, 2, 28));
    CHECK(ui::parseRocDateText(QStringLiteral("1151231")) == QDate(2026, 12, 31));
    // A date copied from the screens, with its era, in either language.
    CHECK(ui::parseRocDateText(QStringLiteral("ROC 115/03/02")) == QDate(2026, 3, 2));
    CHECK(ui::parseRocDateText(QStringLiteral("民國115/03/02")) == QDate(2026, 3, 2));
    CHECK_FALSE(ui::parseRocDateText(QStringLiteral("AD 115/03/02")));
    CHECK_FALSE(ui::parseRocDateText(QStringLiteral("115/02/29")));
    CHECK_FALSE(ui::parseRocDateText(QStringLiteral("115/13/01")));
    CHECK_FALSE(ui::parseRocDateText(QStringLiteral("0/01/01")));
    CHECK_FALSE(ui::parseRocDateText(QStringLiteral("2026/12/01")));

    ui::RocDateEdit edit;
    QSignalSpy edited(&edit, &ui::RocDateEdit::edited);
    edit.setDate(QDate(2026, 12, 1));
    CHECK(edit.lineEdit()->text() == QStringLiteral("115/12/01"));
    CHECK(edit.date() == QDate(2026, 12, 1));
    CHECK(edited.isEmpty()); // setDate is not the clerk

    edit.lineEdit()->clear();
    QTest::keyClicks(edit.lineEdit(), QStringLiteral("114/7/9"));
    CHECK(edit.date() == QDate(2025, 7, 9));
    CHECK_FALSE(edited.isEmpty());
    edit.lineEdit()->clear();
    QTest::keyClicks(edit.lineEdit(), QStringLiteral("114/2/30"));
    CHECK_FALSE(edit.date().isValid());
    CHECK_FALSE(edit.hasAcceptableInput());

    edit.setDate(QDate(2026, 12, 1));
    edit.showCalendar();
    CHECK(edit.calendarTitle() == QStringLiteral("民國115年12月"));
    edit.calendar()->showNextMonth();
    CHECK(edit.calendarTitle() == QStringLiteral("民國116年1月"));
    const int before = static_cast<int>(edited.count());
    emit edit.calendar()->clicked(QDate(2027, 1, 15));
    CHECK(edit.lineEdit()->text() == QStringLiteral("116/01/15"));
    CHECK(edit.date() == QDate(2027, 1, 15));
    CHECK(edited.count() == before + 1);
}

TEST_CASE("WorkplacePicker is the seed's grid of coded checkboxes and round-trips codes",
    "[form][widgets]")
{
    ui::WorkplacePicker picker(CodeLists::builtin());
    // The seed's boxes, labelled code-name.
    for (const char* code : { "10", "20", "23", "26", "30", "31", "33", "35", "42", "50", "54",
             "60", "61", "63", "72", "82", "88", "89", "90", "95", "97", "98", "99" }) {
        INFO(code);
        REQUIRE(picker.checkBox(QString::fromLatin1(code)));
    }
    CHECK(picker.checkBox(QStringLiteral("10"))->text() == QStringLiteral("10-臺北市"));
    CHECK(picker.checkBox(QStringLiteral("98"))->text() == QStringLiteral("98-連江縣"));
    CHECK_FALSE(picker.checkBox(QStringLiteral("21"))); // retired: not offered

    const QStringList codes { QStringLiteral("33"), QStringLiteral("10") };
    picker.setCodes(codes);
    CHECK(picker.codes() == codes);
    QSignalSpy edited(&picker, &ui::WorkplacePicker::edited);
    picker.show();
    QTest::mouseClick(
        picker.checkBox(QStringLiteral("99")), Qt::LeftButton, Qt::NoModifier, QPoint(4, 4));
    CHECK(edited.count() == 1);
    CHECK(picker.codes() == QStringList { "33", "10", "99" });
    picker.checkBox(QStringLiteral("33"))->click();
    CHECK(picker.codes() == QStringList { "10", "99" });

    // An old record's retired code shows, checked and marked, and can be taken off.
    picker.setCodes({ QStringLiteral("21"), QStringLiteral("10") });
    REQUIRE(picker.checkBox(QStringLiteral("21")));
    CHECK(picker.checkBox(QStringLiteral("21"))->isChecked());
    CHECK(picker.checkBox(QStringLiteral("21"))->text().contains(QStringLiteral("已停用")));
    CHECK(picker.codes() == QStringList { "21", "10" });
    picker.checkBox(QStringLiteral("21"))->click();
    CHECK(picker.codes() == QStringList { "10" });
}

TEST_CASE("CodePicker offers 人員區分 and 職系 with their codes", "[form][widgets]")
{
    ui::CodePicker series(
        CodeLists::builtin(), CodeListKind::Series, ui::CodePicker::Mode::Multiple);
    CHECK(series.comboBox()->findText(QStringLiteral("A101 綜合行政")) >= 0);
    CHECK(series.comboBox()->findText(QStringLiteral("B702 資訊處理")) >= 0);
    QSignalSpy edited(&series, &ui::CodePicker::edited);
    CHECK(series.choose(QStringLiteral("B702")));
    CHECK(series.choose(QStringLiteral("A101")));
    CHECK_FALSE(series.choose(QStringLiteral("Z999")));
    CHECK(series.codes() == QStringList { "B702", "A101" });
    CHECK(series.chosenList()->count() == 2);
    CHECK(series.chosenList()->item(0)->text() == QStringLiteral("B702 資訊處理"));
    CHECK(edited.count() == 2);
    series.remove(QStringLiteral("B702"));
    CHECK(series.codes() == QStringList { "A101" });

    ui::CodePicker kind(
        CodeLists::builtin(), CodeListKind::PersonKind, ui::CodePicker::Mode::Single);
    CHECK(kind.code().isEmpty());
    CHECK(kind.choose(QStringLiteral("一般人員")));
    CHECK(kind.code() == QStringLiteral("一般人員"));
    CHECK(kind.comboBox()->currentText() == QStringLiteral("一般人員"));
    // A value the list no longer has stays visible for the record that holds it.
    kind.setCode(QStringLiteral("雇員"));
    CHECK(kind.code() == QStringLiteral("雇員"));
    CHECK(kind.comboBox()->currentText().contains(QStringLiteral("雇員")));
    // The 人員區分 agencies publish as are offered: the 2016 feed's 代理教師 and 駐衛警.
    CHECK(kind.comboBox()->findText(QStringLiteral("代理教師")) >= 0);
    CHECK(kind.comboBox()->findText(QStringLiteral("駐衛警")) >= 0);
    // An old 職系 name is not offered for a new record, only shown for one that holds it.
    CHECK(series.comboBox()->findText(QStringLiteral("一般行政")) < 0);
    series.setCodes({ QStringLiteral("一般行政") });
    CHECK(series.chosenList()->item(0)->text() == QStringLiteral("一般行政（已停用）"));
}

TEST_CASE("GradeRangePicker builds 官職等 ranges within each 官等's band", "[form][widgets]")
{
    const auto parsed
        = ui::parseGradeRanges(QStringLiteral("委任第5職等或薦任第6職等至薦任第7職等"));
    REQUIRE(parsed);
    CHECK(*parsed
        == QList<GradeRange> { { RankClass::Junior, 5, 5 }, { RankClass::Intermediate, 6, 7 } });
    CHECK_FALSE(ui::parseGradeRanges(QStringLiteral("約僱5等280薪點")));

    ui::GradeRangePicker picker(CodeLists::builtin());
    QComboBox* combo = picker.comboBox();
    // The common ranges come first, right after the empty entry.
    REQUIRE(picker.commonCount() > 0);
    const int common = combo->findText(QStringLiteral("委任第5職等或薦任第6職等至薦任第7職等"));
    REQUIRE(common > 0);
    CHECK(common <= picker.commonCount());
    // Then every range within one 官等's band, and nothing across a band.
    CHECK(combo->findText(QStringLiteral("薦任第6職等至薦任第9職等")) > picker.commonCount());
    CHECK(combo->findText(QStringLiteral("簡任第10職等至簡任第14職等")) > picker.commonCount());
    CHECK(combo->findText(QStringLiteral("委任第5職等至委任第6職等")) < 0);

    QSignalSpy edited(&picker, &ui::GradeRangePicker::edited);
    combo->setCurrentIndex(common);
    emit combo->activated(common);
    CHECK(picker.ranges() == *parsed);
    CHECK(edited.count() == 1);

    // Typed in the feed's wording: read as ranges.
    combo->lineEdit()->clear();
    formtest::typeInto(combo->lineEdit(), QStringLiteral("薦任第8職等至薦任第9職等或簡任第10職等"));
    CHECK(picker.ranges()
        == QList<GradeRange> { { RankClass::Intermediate, 8, 9 }, { RankClass::Senior, 10, 10 } });
    CHECK_FALSE(picker.hasUnreadableText());
    // Anything else: no ranges, and the hint says how to write them.
    combo->lineEdit()->clear();
    formtest::typeInto(combo->lineEdit(), QStringLiteral("約僱5等"));
    CHECK(picker.ranges().isEmpty());
    CHECK(picker.hasUnreadableText());
}

TEST_CASE("官等類別 follows the ranges; 其他官職等 shows only where it applies", "[form][widgets]")
{
    formtest::Fixture f;
    ui::VacancyFormDialog dialog(f.context, QString());
    ui::PostSection* post = dialog.postSection();
    core::domain::Vacancy v = dialog.vacancy();
    v.personKind = QStringLiteral("一般人員");
    v.vacancyClass = core::domain::VacancyClass::CivilService;
    v.gradeRanges = { { RankClass::Junior, 5, 5 }, { RankClass::Intermediate, 6, 7 } };
    v.gradeText.clear();
    v.rankClasses = { RankClass::Other }; // what the ranges contradict
    dialog.setVacancy(v);
    CHECK(dialog.vacancy().rankClasses
        == QList<RankClass> { RankClass::Junior, RankClass::Intermediate });
    CHECK_FALSE(post->isFieldVisible(QStringLiteral("gradeText")));
    CHECK_FALSE(post->isFieldVisible(QStringLiteral("rankClasses")));
    CHECK(post->isFieldVisible(QStringLiteral("gradeRanges")));

    // A 約僱 post: no ranges to pick, its grade is text, its 官等類別 the clerk's.
    v.personKind = QStringLiteral("約僱人員");
    v.gradeRanges.clear();
    v.gradeText = QStringLiteral("約僱5等280薪點");
    v.rankClasses = { RankClass::Other };
    dialog.setVacancy(v);
    CHECK_FALSE(post->isFieldVisible(QStringLiteral("gradeRanges")));
    CHECK(post->isFieldVisible(QStringLiteral("gradeText")));
    CHECK(post->isFieldVisible(QStringLiteral("rankClasses")));
    CHECK(dialog.vacancy().rankClasses == QList<RankClass> { RankClass::Other });
}

TEST_CASE("The form offers the code lists cached from the server", "[form][widgets]")
{
    formtest::Fixture f;
    const QJsonObject bundle {
        { QStringLiteral("personKinds"),
            QJsonObject {
                { QStringLiteral("items"), QJsonArray { QStringLiteral("一般人員") } } } },
        { QStringLiteral("series"),
            QJsonObject { { QStringLiteral("items"),
                QJsonArray { QJsonObject { { QStringLiteral("code"), QStringLiteral("A101") },
                    { QStringLiteral("name"), QStringLiteral("綜合行政") } } } } } },
        { QStringLiteral("workplaces"),
            QJsonObject { { QStringLiteral("items"),
                QJsonArray { QJsonObject { { QStringLiteral("code"), QStringLiteral("10") },
                                 { QStringLiteral("name"), QStringLiteral("臺北市") } },
                    QJsonObject { { QStringLiteral("code"), QStringLiteral("102") },
                        { QStringLiteral("name"), QStringLiteral("新測試縣") } } } } } },
        { QStringLiteral("grades"),
            QJsonObject { { QStringLiteral("ranks"),
                QJsonArray { QJsonObject { { QStringLiteral("rank"), QStringLiteral("委任") },
                    { QStringLiteral("from"), 1 }, { QStringLiteral("to"), 5 } } } } } },
        { QStringLiteral("titles"), QJsonObject { { QStringLiteral("items"), QJsonArray {} } } },
    };
    f.store->syncState().saveCodeLists(QJsonDocument(bundle).toJson(), QStringLiteral("\"v2\""));
    ui::VacancyFormDialog dialog(f.context, QString());
    auto* grid = dialog.postSection()->workplacePicker();
    REQUIRE(grid->checkBox(QStringLiteral("102")));
    CHECK(grid->checkBox(QStringLiteral("102"))->text() == QStringLiteral("102-新測試縣"));
    CHECK_FALSE(grid->checkBox(QStringLiteral("20")));
}

namespace {

/// Turns a few of the form's texts into English, as a loaded .qm would.
class FakeEnglish : public QTranslator {
public:
    QString translate(
        const char* context, const char* source, const char* disambiguation, int n) const override
    {
        Q_UNUSED(disambiguation)
        Q_UNUSED(n)
        const QString key
            = QString::fromUtf8(context) + QLatin1Char('|') + QString::fromUtf8(source);
        if (key == QStringLiteral("ui::PostSection|職稱"))
            return QStringLiteral("Job title");
        if (key == QStringLiteral("ui::VacancyFormDialog|儲存草稿"))
            return QStringLiteral("Save draft");
        if (key == QStringLiteral("ui::AgencySection|機關基本資料"))
            return QStringLiteral("Agency");
        return {};
    }
    bool isEmpty() const override { return false; }
};

} // namespace

TEST_CASE("Switching the language retranslates the open form", "[form][widgets]")
{
    formtest::Fixture f;
    ui::VacancyFormDialog dialog(f.context, QString());
    CHECK(dialog.fieldCaption(QStringLiteral("title")) == QStringLiteral("* 職稱"));
    FakeEnglish english;
    QCoreApplication::installTranslator(&english);
    QCoreApplication::processEvents();
    CHECK(dialog.fieldCaption(QStringLiteral("title")) == QStringLiteral("* Job title"));
    CHECK(dialog.saveDraftButton()->text() == QStringLiteral("Save draft"));
    QCoreApplication::removeTranslator(&english);
    QCoreApplication::processEvents();
    CHECK(dialog.fieldCaption(QStringLiteral("title")) == QStringLiteral("* 職稱"));
}
