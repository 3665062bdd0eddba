// ui::VacancyFormDialog and the login: a form opened offline is completed by a later card login
// (what is still empty), a draft begun offline gets the login's agency when opened, another
// agency's draft keeps its own; 預覽 hands the vacancy as typed to whoever shows the preview.

#include "form_fixture.hpp"
#include "ui/form/agency_section.hpp"
#include "ui/form/vacancy_form_dialog.hpp"
#include "ui/preview/preview_dialog.hpp"

#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <catch2/catch.hpp>

using core::domain::Vacancy;
using formtest::Fixture;
using formtest::typeInto;

TEST_CASE("預覽 hands the vacancy as typed to whoever shows the preview", "[form]")
{
    Fixture f;
    ui::VacancyFormDialog dialog(f.context, QString());
    Vacancy v = formtest::validVacancy();
    dialog.setVacancy(v);

    SECTION("alone, the form opens the preview itself")
    {
        QTest::mouseClick(dialog.previewButton(), Qt::LeftButton);
        auto* preview = dialog.findChild<ui::PreviewDialog*>();
        REQUIRE(preview);
        CHECK(preview->isVisible());
        CHECK(preview->html().contains(QStringLiteral("科員")));
    }
    SECTION("connected, the listener gets it and the form opens nothing")
    {
        QList<Vacancy> asked;
        QObject::connect(&dialog, &ui::VacancyFormDialog::previewRequested,
            [&](const Vacancy& shown) { asked.append(shown); });
        QTest::mouseClick(dialog.previewButton(), Qt::LeftButton);
        REQUIRE(asked.size() == 1);
        CHECK(asked.first() == dialog.vacancy());
        CHECK(asked.first().title == QStringLiteral("科員"));
        CHECK(dialog.findChild<ui::PreviewDialog*>() == nullptr);
        CHECK(f.store->records().all().isEmpty()); // previewing saves nothing
    }
}

TEST_CASE("Offline the clerk types the agency; a login completes what is empty", "[form]")
{
    Fixture f;
    f.session.end();

    SECTION("a new form opened offline, then a card login")
    {
        ui::VacancyFormDialog dialog(f.context, QString());
        auto* agency = dialog.agencySection();
        CHECK(dialog.vacancy().agencyCode.isEmpty());
        CHECK_FALSE(agency->agencyCodeEdit()->isReadOnly());
        CHECK(agency->emailSuffix().isEmpty());
        typeInto(agency->emailEdit(), QStringLiteral("wang@ntunhs.edu.tw"));
        CHECK(dialog.vacancy().fillerEmail == QStringLiteral("wang@ntunhs.edu.tw"));
        auto* phone = dialog.findChild<QLineEdit*>(QStringLiteral("fillerPhoneEdit"));
        typeInto(phone, QStringLiteral("02-1234"));

        f.session.begin(formtest::sessionInfo(core::api::Assurance::Certificate));
        const Vacancy v = dialog.vacancy();
        CHECK(v.agencyCode == QStringLiteral("A096C0000Q"));
        CHECK(v.agencyAddress == QStringLiteral("臺北市北投區明德路365號"));
        CHECK(v.fillerName == QStringLiteral("王小明"));
        CHECK(v.fillerPhone == QStringLiteral("02-1234")); // typed: kept
        CHECK(v.fillerEmail == QStringLiteral("wang@ntunhs.edu.tw"));
        CHECK(agency->emailEdit()->text() == QStringLiteral("wang"));
        CHECK(agency->emailSuffix() == QStringLiteral("@ntunhs.edu.tw"));
        CHECK(agency->agencyCodeEdit()->isReadOnly());
        CHECK(dialog.submitButton()->isEnabled());
    }
    SECTION("a draft saved offline is completed when opened after a login")
    {
        Vacancy offline;
        offline.title = QStringLiteral("技士");
        const QString id = f.store->records().createDraft(offline);
        f.session.begin(formtest::sessionInfo(core::api::Assurance::Certificate));
        ui::VacancyFormDialog dialog(f.context, id);
        CHECK(dialog.vacancy().agencyCode == QStringLiteral("A096C0000Q"));
        CHECK(dialog.vacancy().fillerName == QStringLiteral("王小明"));
        CHECK(dialog.vacancy().title == QStringLiteral("技士"));
        CHECK(dialog.agencySection()->agencyCodeEdit()->isReadOnly());
    }
    SECTION("another agency's draft keeps its own details")
    {
        Vacancy other;
        other.agencyCode = QStringLiteral("A29000000G");
        other.agencyName = QStringLiteral("數位發展部");
        const QString id = f.store->records().createDraft(other);
        f.session.begin(formtest::sessionInfo(core::api::Assurance::Certificate));
        ui::VacancyFormDialog dialog(f.context, id);
        CHECK(dialog.vacancy().agencyCode == QStringLiteral("A29000000G"));
        CHECK(dialog.vacancy().agencyAddress.isEmpty());
        CHECK(dialog.vacancy().fillerName.isEmpty());
        CHECK_FALSE(dialog.agencySection()->agencyCodeEdit()->isReadOnly());
        CHECK_FALSE(dialog.hasUnsavedChanges());
    }
}
