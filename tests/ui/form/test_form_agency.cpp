// 徵才機關 as the seed shows it (「A096C0000Q 國立臺北護理健康大學 ▾」): a drop-down of the login's
// agency and its units, taken from the register in the cached code-list bundle (so it works
// offline). Choosing one fills 機關地址 unless the clerk typed her own; a draft keeps the choice.

#include "../accessible_names.hpp"
#include "form_fixture.hpp"
#include "ui/form/agency_section.hpp"
#include "ui/form/vacancy_form_dialog.hpp"
#include "ui/preview/preview_dialog.hpp"

#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <catch2/catch.hpp>

using core::domain::Vacancy;
using formtest::Fixture;

namespace {

const QString ownCode = QStringLiteral("A096C0000Q");
const QString cityCampus = QStringLiteral("A096C0100Q");
const QString cityCampusAddress = QStringLiteral("臺北市萬華區內江街89號");
const QString extension = QStringLiteral("A096C0200Q");
const QString extensionAddress = QStringLiteral("臺北市北投區明德路365號實習大樓");

QJsonObject resource(const QString& name)
{
    QFile file(QStringLiteral(":/codes/") + name);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return QJsonDocument::fromJson(file.readAll()).object();
}

QJsonObject agency(
    const QString& code, const QString& name, const QString& address, const QString& parent = {})
{
    QJsonObject item { { "code", code }, { "name", name }, { "address", address } };
    if (!parent.isEmpty())
        item.insert("parent", parent);
    return item;
}

/// The server's bundle as the sync engine caches it: the shipped lists and a register where the
/// login's agency has two units, one of them with a unit of its own, beside an unrelated one.
void cacheRegister(core::store::LocalStore& store)
{
    const QJsonObject bundle {
        { "personKinds", resource("person-kinds.json") },
        { "series", resource("series.json") },
        { "workplaces", resource("workplaces.json") },
        { "grades", resource("grades.json") },
        { "titles", resource("common-titles.json") },
        { "agencies",
            QJsonObject { { "items",
                QJsonArray {
                    agency("A29000000G", "數位發展部", "臺北市中正區延平南路143號"),
                    agency(ownCode, "國立臺北護理健康大學", "臺北市北投區明德路365號"),
                    agency(cityCampus, "國立臺北護理健康大學城區部", cityCampusAddress, ownCode),
                    agency("A096C0110Q", "國立臺北護理健康大學城區部進修組",
                        "臺北市萬華區內江街89號2樓", cityCampus),
                    agency(extension, "國立臺北護理健康大學實習中心", extensionAddress, ownCode),
                    agency("A29010000G", "數位發展部數位產業署", "臺北市中正區延平南路143號",
                        "A29000000G"),
                } } } },
    };
    store.syncState().saveCodeLists(
        QJsonDocument(bundle).toJson(QJsonDocument::Compact), QStringLiteral("\"register-1\""));
}

QStringList shown(const QComboBox* combo)
{
    QStringList items;
    for (int i = 0; i < combo->count(); ++i)
        items.append(combo->itemText(i));
    return items;
}

/// Picks entry `index` from the keyboard, as the clerk would (Down/Up on the closed box).
void pick(QComboBox* combo, int index)
{
    while (combo->currentIndex() < index)
        QTest::keyClick(combo, Qt::Key_Down);
    while (combo->currentIndex() > index)
        QTest::keyClick(combo, Qt::Key_Up);
    REQUIRE(combo->currentIndex() == index);
}

} // namespace

TEST_CASE("徵才機關 offers the login's agency and its units from the cached register", "[form]")
{
    Fixture f;
    cacheRegister(*f.store);
    ui::VacancyFormDialog dialog(f.context, QString());
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    QComboBox* choice = dialog.agencySection()->agencyChoice();
    REQUIRE(choice);
    CHECK(choice->isVisible());
    CHECK_FALSE(dialog.agencySection()->agencyCodeEdit()->isVisible());
    CHECK(shown(choice)
        == QStringList { "A096C0000Q 國立臺北護理健康大學", "A096C0100Q 國立臺北護理健康大學城區部",
            "A096C0200Q 國立臺北護理健康大學實習中心",
            "A096C0110Q 國立臺北護理健康大學城區部進修組" });
    CHECK(choice->currentIndex() == 0);
    CHECK(choice->accessibleName() == QStringLiteral("徵才機關"));
    INFO(uitest::unnamedControls(&dialog).join(QStringLiteral(", ")).toStdString());
    CHECK(uitest::unnamedControls(&dialog).isEmpty());

    QLineEdit* address = dialog.agencySection()->addressEdit();
    CHECK(address->text() == QStringLiteral("臺北市北投區明德路365號"));

    // A unit chosen: its code and name, and its address from the register.
    pick(choice, 1);
    Vacancy v = dialog.vacancy();
    CHECK(v.agencyCode == cityCampus);
    CHECK(v.agencyName == QStringLiteral("國立臺北護理健康大學城區部"));
    CHECK(v.agencyAddress == cityCampusAddress);
    CHECK(dialog.hasUnsavedChanges());

    // An address the clerk typed herself stays whatever she chooses next.
    address->clear();
    formtest::typeInto(address, QStringLiteral("臺北市萬華區內江街89號3樓"));
    pick(choice, 2);
    v = dialog.vacancy();
    CHECK(v.agencyCode == extension);
    CHECK(v.agencyAddress == QStringLiteral("臺北市萬華區內江街89號3樓"));

    // Cleared, it is the register's again.
    address->clear();
    pick(choice, 0);
    CHECK(dialog.vacancy().agencyAddress == QStringLiteral("臺北市北投區明德路365號"));
}

TEST_CASE("Without units 徵才機關 is one fixed entry", "[form]")
{
    Fixture f; // nothing cached: the shipped lists have no register
    ui::VacancyFormDialog dialog(f.context, QString());
    QComboBox* choice = dialog.agencySection()->agencyChoice();
    CHECK(shown(choice) == QStringList { "A096C0000Q 國立臺北護理健康大學" });
    CHECK_FALSE(choice->isHidden());
    CHECK(dialog.vacancy().agencyCode == ownCode);
    CHECK(dialog.vacancy().agencyName == QStringLiteral("國立臺北護理健康大學"));
}

TEST_CASE("A draft keeps the chosen unit; the preview names it", "[form]")
{
    Fixture f;
    cacheRegister(*f.store);
    QString id;
    {
        ui::VacancyFormDialog dialog(f.context, QString());
        dialog.setVacancy(formtest::validVacancy());
        pick(dialog.agencySection()->agencyChoice(), 2);
        QSignalSpy saved(&dialog, &ui::VacancyFormDialog::saved);
        QTest::mouseClick(dialog.saveDraftButton(), Qt::LeftButton);
        REQUIRE(saved.count() == 1);
        id = dialog.localId();
    }
    const auto record = f.store->records().find(id);
    REQUIRE(record);
    CHECK(record->data.agencyCode == extension);
    CHECK(record->data.agencyName == QStringLiteral("國立臺北護理健康大學實習中心"));

    ui::VacancyFormDialog reopened(f.context, id);
    QComboBox* choice = reopened.agencySection()->agencyChoice();
    CHECK(choice->currentIndex() == 2);
    CHECK(choice->isEnabled());
    CHECK(reopened.vacancy().agencyCode == extension);
    CHECK_FALSE(reopened.hasUnsavedChanges());
    ui::PreviewDialog preview(reopened.vacancy(), core::domain::CodeLists::builtin());
    CHECK(preview.html().contains(QStringLiteral("國立臺北護理健康大學實習中心")));

    // Posted, a vacancy stays with its agency (the server refuses a move): the choice is shown,
    // not offered.
    Vacancy posted = reopened.vacancy();
    posted.vacancyId = QStringLiteral("1151200001");
    reopened.setVacancy(posted);
    CHECK(choice->currentIndex() == 2);
    CHECK_FALSE(choice->isEnabled());
}
