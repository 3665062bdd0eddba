// The vacancy form with the kinds of post agencies publish: the 「*」 marks and the messages move
// as 人員區分, 職缺類別 and 官職等 change; every kind of the shared fixture, and records saved
// under the previous rules, open without a rule message and can be sent.

#include "../../core/vacancy_kinds_fixture.hpp"
#include "core/domain/vacancy_rules.hpp"
#include "form_fixture.hpp"
#include "ui/form/class_section.hpp"
#include "ui/form/post_section.hpp"
#include "ui/form/vacancy_form_dialog.hpp"
#include "ui/widgets/code_picker.hpp"

#include <QLineEdit>
#include <QRadioButton>
#include <QSpinBox>
#include <QTest>
#include <catch2/catch.hpp>

using core::domain::Vacancy;
using core::store::RecordState;
using formtest::Fixture;
using formtest::typeInto;

TEST_CASE("The marks and messages follow 人員區分 and 職缺類別 as the clerk changes them", "[form]")
{
    Fixture f;
    ui::VacancyFormDialog dialog(f.context, QString());
    dialog.show();
    auto* post = dialog.postSection();
    const auto marked = [&dialog](const char* field) {
        return dialog.isMarkedRequired(QString::fromLatin1(field))
            && dialog.fieldCaption(QString::fromLatin1(field)).startsWith(QStringLiteral("* "));
    };
    // A reserve list of five for one opening: refused while the post is a 任用 one.
    post->reserveSpin()->setValue(5);
    REQUIRE(post->personKindPicker()->choose(QStringLiteral("一般人員")));
    CHECK(marked("gradeRanges"));
    CHECK(marked("seriesCodes"));
    CHECK(dialog.fieldMessage(QStringLiteral("reserveOpenings"))
        == QStringLiteral("候補名額不得超過名額的2倍（最多2名）"));

    // 約僱人員: no 官職等 or 職系 is asked for, and the reserve list stands.
    REQUIRE(post->personKindPicker()->choose(QStringLiteral("約僱人員")));
    CHECK_FALSE(marked("gradeRanges"));
    CHECK_FALSE(marked("seriesCodes"));
    CHECK(dialog.fieldMessage(QStringLiteral("reserveOpenings")).isEmpty());
    CHECK(marked("personKind"));
    CHECK(marked("title"));
    CHECK(marked("qualifications"));

    // Back to 一般人員, then 不具公務人員任用資格: the 職缺類別 alone lifts them too.
    REQUIRE(post->personKindPicker()->choose(QStringLiteral("一般人員")));
    CHECK(marked("gradeRanges"));
    dialog.classSection()->classButton(core::domain::VacancyClass::NonCivilService)->click();
    CHECK(dialog.vacancy().vacancyClass == core::domain::VacancyClass::NonCivilService);
    CHECK_FALSE(marked("gradeRanges"));
    CHECK_FALSE(marked("seriesCodes"));
    CHECK(dialog.fieldMessage(QStringLiteral("reserveOpenings")).isEmpty());
    dialog.classSection()->classButton(core::domain::VacancyClass::CivilService)->click();
    CHECK(marked("gradeRanges"));
    CHECK(marked("seriesCodes"));
    CHECK_FALSE(dialog.fieldMessage(QStringLiteral("reserveOpenings")).isEmpty());

    // A 任用 grade the pickers cannot express, typed as text: accepted, and no 職系 is asked for.
    typeInto(post->gradeTextEdit(), QStringLiteral("師(三)級"));
    CHECK(marked("gradeRanges"));
    CHECK(dialog.fieldMessage(QStringLiteral("gradeRanges")).isEmpty());
    CHECK_FALSE(marked("seriesCodes"));
    post->gradeTextEdit()->selectAll();
    QTest::keyClick(post->gradeTextEdit(), Qt::Key_Backspace);
    CHECK(dialog.fieldMessage(QStringLiteral("gradeRanges"))
        == QStringLiteral("須具任用資格之職缺請選擇官職等，或填寫其他官職等"));
    CHECK(marked("seriesCodes"));
}

TEST_CASE("Every kind agencies publish can be sent; records of the old rules open clean", "[form]")
{
    Fixture f;
    QList<Vacancy> records;
    for (const auto& kind : domaintest::realisticVacancies())
        records.append(kind.vacancy);
    records += domaintest::savedUnderOldRules();
    for (Vacancy v : records) {
        INFO(v.title.toStdString());
        v.status.reset(); // a draft of this computer
        v.vacancyId.clear();
        v.validFrom = QDate::currentDate().addDays(2);
        v.validTo = v.validFrom.addDays(10);
        const QString id = f.store->records().createDraft(v);
        ui::VacancyFormDialog dialog(f.context, id);
        // The post's own kind comes back as stored: nothing added, nothing lost.
        const Vacancy shown = dialog.vacancy();
        CHECK(shown.personKind == v.personKind);
        CHECK(shown.vacancyClass == v.vacancyClass);
        CHECK(shown.gradeRanges == v.gradeRanges);
        CHECK(shown.gradeText == v.gradeText);
        CHECK(shown.seriesCodes == v.seriesCodes);
        CHECK(shown.reserveOpenings == v.reserveOpenings);
        for (const QString& field : { QStringLiteral("gradeRanges"), QStringLiteral("gradeText"),
                 QStringLiteral("seriesCodes"), QStringLiteral("reserveOpenings") })
            CHECK(dialog.fieldMessage(field).isEmpty());
        CHECK(dialog.generalMessage().isEmpty());
        CHECK(dialog.submit());
        CHECK(f.store->records().find(id)->state == RecordState::Pending);
    }
}
