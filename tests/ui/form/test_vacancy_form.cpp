// ui::VacancyFormDialog over a real LocalStore: prefill from the login, the 「*」 marks and the
// messages of the shared rule set, 性別 and its §7 reason, 儲存草稿, 送出, 取消, and a record the
// server refused opening with the server's messages beside their fields.

#include "core/domain/code_lists.hpp"
#include "core/domain/vacancy_rules.hpp"
#include "form_fixture.hpp"
#include "ui/form/agency_section.hpp"
#include "ui/form/content_section.hpp"
#include "ui/form/gender_field.hpp"
#include "ui/form/post_section.hpp"
#include "ui/form/vacancy_form_dialog.hpp"
#include "ui/widgets/roc_date_edit.hpp"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <catch2/catch.hpp>

using core::domain::Vacancy;
using core::store::RecordState;
using formtest::Fixture;

namespace {

/// The message the shared rule set gives `field` for `vacancy` (what the form must show).
QString ruleMessage(const Vacancy& vacancy, const QString& field)
{
    QStringList lines;
    for (const auto& m :
        core::domain::validate(vacancy, core::domain::CodeLists::builtin(), QDate::currentDate()))
        if (m.field == field)
            lines.append(m.message);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

using formtest::typeInto;

TEST_CASE(
    "A new vacancy is prefilled from the login, the e-mail before the agency's domain", "[form]")
{
    Fixture f;
    ui::VacancyFormDialog dialog(f.context, QString());
    const Vacancy v = dialog.vacancy();
    CHECK(v.agencyCode == QStringLiteral("A096C0000Q"));
    CHECK(v.agencyName == QStringLiteral("國立臺北護理健康大學"));
    CHECK(v.agencyAddress == QStringLiteral("臺北市北投區明德路365號"));
    CHECK(v.fillerName == QStringLiteral("王小明"));
    CHECK(v.fillerPhone == QStringLiteral("02-28227101")); // the agency's, the person has none
    CHECK(v.fillerEmail == QStringLiteral("wang@ntunhs.edu.tw"));
    // The clerk types only the name; the domain is fixed beside it.
    CHECK(dialog.agencySection()->emailEdit()->text() == QStringLiteral("wang"));
    CHECK(dialog.agencySection()->emailSuffix() == QStringLiteral("@ntunhs.edu.tw"));
    CHECK(dialog.agencySection()->agencyCodeEdit()->isReadOnly());
    CHECK_FALSE(dialog.hasUnsavedChanges());

    dialog.agencySection()->emailEdit()->clear();
    typeInto(dialog.agencySection()->emailEdit(), QStringLiteral("chen.hr"));
    CHECK(dialog.vacancy().fillerEmail == QStringLiteral("chen.hr@ntunhs.edu.tw"));
}

TEST_CASE("Required fields carry the mark the rule set gives them", "[form]")
{
    Fixture f;
    ui::VacancyFormDialog dialog(f.context, QString());
    for (const char* field :
        { "agencyCode", "agencyAddress", "fillerName", "fillerPhone", "personKind", "rankClasses",
            "title", "openings", "gender", "workplaceCodes", "validFrom", "qualifications",
            "duties", "workAddress", "contactMethod", "gradeRanges", "seriesCodes" }) {
        INFO(field);
        CHECK(dialog.isMarkedRequired(QString::fromLatin1(field)));
        CHECK(dialog.fieldCaption(QString::fromLatin1(field)).startsWith(QStringLiteral("* ")));
    }
    for (const char* field :
        { "fillerEmail", "reserveOpenings", "contactEmail", "announcementUrl", "gradeText" }) {
        INFO(field);
        CHECK_FALSE(dialog.isMarkedRequired(QString::fromLatin1(field)));
        CHECK_FALSE(dialog.fieldCaption(QString::fromLatin1(field)).startsWith(QLatin1Char('*')));
    }
    CHECK(dialog.fieldCaption(QStringLiteral("title")) == QStringLiteral("* 職稱"));

    // Not a 任用 post: neither 官職等 nor 職系 is required.
    Vacancy other = dialog.vacancy();
    other.vacancyClass = core::domain::VacancyClass::NonCivilService;
    dialog.setVacancy(other);
    CHECK_FALSE(dialog.isMarkedRequired(QStringLiteral("gradeText")));
    CHECK_FALSE(dialog.isMarkedRequired(QStringLiteral("gradeRanges")));
    CHECK_FALSE(dialog.isMarkedRequired(QStringLiteral("seriesCodes")));
}

TEST_CASE("Messages appear beside a field as the clerk types, worded by the rules", "[form]")
{
    Fixture f;
    ui::VacancyFormDialog dialog(f.context, QString());
    // Nothing typed yet: an empty form is not shouted at.
    CHECK(dialog.fieldMessage(QStringLiteral("title")).isEmpty());
    CHECK(dialog.fieldMessage(QStringLiteral("contactEmail")).isEmpty());

    auto* content = dialog.contentSection();
    typeInto(content->contactEmailEdit(), QStringLiteral("hr@ntunhs"));
    Vacancy expected = dialog.vacancy();
    REQUIRE(expected.contactEmail == QStringLiteral("hr@ntunhs"));
    const QString emailMessage = ruleMessage(expected, QStringLiteral("contactEmail"));
    REQUIRE_FALSE(emailMessage.isEmpty());
    CHECK(dialog.fieldMessage(QStringLiteral("contactEmail")) == emailMessage);
    typeInto(content->contactEmailEdit(), QStringLiteral(".edu.tw"));
    CHECK(dialog.fieldMessage(QStringLiteral("contactEmail")).isEmpty());

    // A typed and then emptied 職稱.
    auto* title = dialog.postSection()->titleCombo()->lineEdit();
    typeInto(title, QStringLiteral("科"));
    QTest::keyClick(title, Qt::Key_Backspace);
    CHECK(dialog.fieldMessage(QStringLiteral("title"))
        == ruleMessage(dialog.vacancy(), QStringLiteral("title")));
    CHECK_FALSE(dialog.fieldMessage(QStringLiteral("title")).isEmpty());

    // 候補名額 over twice the 名額.
    auto* reserve = dialog.postSection()->reserveSpin();
    reserve->setValue(3);
    CHECK(dialog.fieldMessage(QStringLiteral("reserveOpenings"))
        == ruleMessage(dialog.vacancy(), QStringLiteral("reserveOpenings")));
    CHECK(dialog.fieldMessage(QStringLiteral("reserveOpenings")).contains(QStringLiteral("2")));
    reserve->setValue(2);
    CHECK(dialog.fieldMessage(QStringLiteral("reserveOpenings")).isEmpty());

    // A period shorter than the 3-day public notice, typed as ROC dates.
    const QDate from = QDate::currentDate().addDays(5);
    auto* post = dialog.postSection();
    typeInto(post->validFromEdit()->lineEdit(), ui::rocDateText(from));
    typeInto(post->validToEdit()->lineEdit(), ui::rocDateText(from.addDays(1)));
    CHECK(dialog.fieldMessage(QStringLiteral("validTo"))
        == ruleMessage(dialog.vacancy(), QStringLiteral("validTo")));
    CHECK_FALSE(dialog.fieldMessage(QStringLiteral("validTo")).isEmpty());
}

TEST_CASE("Choosing 男 or 女 shows the §7 notice and asks for the reason", "[form]")
{
    Fixture f;
    ui::VacancyFormDialog dialog(f.context, QString());
    dialog.show();
    auto* gender = dialog.postSection()->genderField();
    CHECK(gender->radio(core::domain::Gender::Any)->isChecked());
    CHECK_FALSE(gender->notice()->isVisible());
    CHECK_FALSE(gender->reasonEdit()->isVisible());
    CHECK_FALSE(dialog.isMarkedRequired(QStringLiteral("genderReason")));

    QTest::mouseClick(gender->radio(core::domain::Gender::Male), Qt::LeftButton);
    CHECK(dialog.vacancy().gender == core::domain::Gender::Male);
    CHECK(gender->notice()->isVisible());
    CHECK(gender->notice()->text().contains(QStringLiteral("性別平等工作法第7條")));
    CHECK(gender->reasonEdit()->isVisible());
    // Asked at once, in the rule's words.
    const QString message = dialog.fieldMessage(QStringLiteral("genderReason"));
    CHECK_FALSE(message.isEmpty());
    CHECK(message == ruleMessage(dialog.vacancy(), QStringLiteral("genderReason")));

    typeInto(gender->reasonEdit(), QStringLiteral("夜間巡守男生宿舍"));
    CHECK(dialog.fieldMessage(QStringLiteral("genderReason")).isEmpty());
    CHECK(dialog.vacancy().genderReason == QStringLiteral("夜間巡守男生宿舍"));

    QTest::mouseClick(gender->radio(core::domain::Gender::Any), Qt::LeftButton);
    CHECK_FALSE(gender->notice()->isVisible());
    CHECK(dialog.vacancy().genderReason.isEmpty());
}

TEST_CASE("儲存草稿 stores a Draft equal to the form in every field, offline", "[form]")
{
    Fixture f;
    f.session.end(); // no login needed: drafting works without the service
    ui::VacancyFormDialog dialog(f.context, QString());
    QSignalSpy saved(&dialog, &ui::VacancyFormDialog::saved);
    const Vacancy v = formtest::everyField();
    dialog.setVacancy(v);
    REQUIRE(dialog.vacancy() == v); // what the form shows reads back whole
    CHECK(dialog.hasUnsavedChanges());

    QTest::mouseClick(dialog.saveDraftButton(), Qt::LeftButton);
    REQUIRE(saved.count() == 1);
    const QString id = saved.at(0).at(0).toString();
    CHECK(id == dialog.localId());
    const auto record = f.store->records().find(id);
    REQUIRE(record);
    CHECK(record->state == RecordState::Draft);
    CHECK(record->queuedOperations == 0);
    const Vacancy& stored = record->data;
    CHECK(stored.agencyCode == v.agencyCode);
    CHECK(stored.agencyName == v.agencyName);
    CHECK(stored.agencyAddress == v.agencyAddress);
    CHECK(stored.fillerName == v.fillerName);
    CHECK(stored.fillerPhone == v.fillerPhone);
    CHECK(stored.fillerExtension == v.fillerExtension);
    CHECK(stored.fillerEmail == v.fillerEmail);
    CHECK(stored.personKind == v.personKind);
    CHECK(stored.rankClasses == v.rankClasses);
    CHECK(stored.gradeRanges == v.gradeRanges);
    CHECK(stored.gradeText == v.gradeText);
    CHECK(stored.title == v.title);
    CHECK(stored.seriesCodes == v.seriesCodes);
    CHECK(stored.openings == v.openings);
    CHECK(stored.reserveOpenings == v.reserveOpenings);
    CHECK(stored.gender == v.gender);
    CHECK(stored.genderReason == v.genderReason);
    CHECK(stored.workplaceCodes == v.workplaceCodes);
    CHECK(stored.validFrom == v.validFrom);
    CHECK(stored.validTo == v.validTo);
    CHECK(stored.qualifications == v.qualifications);
    CHECK(stored.duties == v.duties);
    CHECK(stored.workAddress == v.workAddress);
    CHECK(stored.contactMethod == v.contactMethod);
    CHECK(stored.contactEmail == v.contactEmail);
    CHECK(stored.welcomesDisabled == v.welcomesDisabled);
    CHECK(stored.welcomesIndigenous == v.welcomesIndigenous);
    CHECK(stored.indigenousArea == v.indigenousArea);
    CHECK(stored.trainingProgramme == v.trainingProgramme);
    CHECK(stored.transfer == v.transfer);
    CHECK(stored.vacancyClass == v.vacancyClass);
    CHECK(stored.announcementUrl == v.announcementUrl);
    CHECK(stored.resumeAccess == v.resumeAccess);
    CHECK(stored == v); // and nothing else either
    CHECK_FALSE(dialog.hasUnsavedChanges());
    CHECK(dialog.statusText().contains(QStringLiteral("草稿已儲存")));

    // Opened again, the form shows the same record and has nothing unsaved.
    ui::VacancyFormDialog again(f.context, id);
    CHECK(again.vacancy() == v);
    CHECK_FALSE(again.hasUnsavedChanges());
}

TEST_CASE("送出 saves and queues the publication after a card login", "[form]")
{
    Fixture f;
    ui::VacancyFormDialog dialog(f.context, QString());
    QSignalSpy queued(&dialog, &ui::VacancyFormDialog::queued);
    CHECK(dialog.submitButton()->isEnabled());
    CHECK(dialog.submitBlockedReason().isEmpty());

    // An incomplete vacancy is not sent: every message shows, nothing is queued.
    Vacancy incomplete = formtest::validVacancy();
    incomplete.title.clear();
    incomplete.workplaceCodes.clear();
    dialog.setVacancy(incomplete);
    CHECK_FALSE(dialog.submit());
    CHECK(queued.isEmpty());
    CHECK(f.store->outbox().entries().isEmpty());
    CHECK_FALSE(dialog.fieldMessage(QStringLiteral("title")).isEmpty());
    CHECK_FALSE(dialog.fieldMessage(QStringLiteral("workplaceCodes")).isEmpty());
    CHECK_FALSE(dialog.statusText().isEmpty());

    const Vacancy v = formtest::validVacancy();
    dialog.setVacancy(v);
    dialog.show();
    QTest::mouseClick(dialog.submitButton(), Qt::LeftButton);
    REQUIRE(queued.count() == 1);
    const QString id = queued.at(0).at(0).toString();
    const auto record = f.store->records().find(id);
    REQUIRE(record);
    CHECK(record->state == RecordState::Pending);
    CHECK(record->data == v);
    const auto outbox = f.store->outbox().entries();
    REQUIRE(outbox.size() == 1);
    CHECK(outbox.first().localId == id);
    CHECK(outbox.first().kind == core::store::OperationKind::Create);
    CHECK(dialog.result() == QDialog::Accepted);
}

TEST_CASE("送出 is refused for a password login, with the reason shown", "[form]")
{
    Fixture f(core::api::Assurance::Password);
    ui::VacancyFormDialog dialog(f.context, QString());
    dialog.setVacancy(formtest::validVacancy());
    CHECK_FALSE(dialog.submitButton()->isEnabled());
    const QString reason = dialog.submitBlockedReason();
    CHECK(reason.contains(QStringLiteral("憑證")));
    auto* label = dialog.findChild<QLabel*>(QStringLiteral("submitReason"));
    REQUIRE(label);
    CHECK(label->text() == reason);
    CHECK_FALSE(dialog.submit());
    CHECK(f.store->outbox().entries().isEmpty());
    // 儲存草稿 still works.
    CHECK(dialog.saveDraft());
    CHECK(f.store->records().find(dialog.localId())->state == RecordState::Draft);

    // A card login in the meantime enables it.
    f.session.begin(formtest::sessionInfo(core::api::Assurance::Certificate));
    CHECK(dialog.submitButton()->isEnabled());
    f.session.end();
    CHECK_FALSE(dialog.submitButton()->isEnabled());
}

TEST_CASE("A record in conflict may be edited and saved, not sent", "[form]")
{
    Fixture f;
    const Vacancy mine = formtest::validVacancy();
    const QString id = f.store->records().createDraft(mine);
    Vacancy server = mine;
    server.title = QStringLiteral("專員");
    f.store->syncState().recordConflict(core::store::ConflictRecord { id, mine, server, mine,
        QStringLiteral("\"e1\""), { QStringLiteral("title") }, QDateTime::currentDateTimeUtc() });
    REQUIRE(f.store->records().find(id)->state == RecordState::Conflict);

    ui::VacancyFormDialog dialog(f.context, id);
    CHECK_FALSE(dialog.submitButton()->isEnabled());
    CHECK(dialog.submitBlockedReason().contains(QStringLiteral("衝突")));
    Vacancy edited = mine;
    edited.duties = QStringLiteral("改過的工作項目");
    dialog.setVacancy(edited);
    CHECK(dialog.saveDraft());
    const auto record = f.store->records().find(id);
    CHECK(record->state == RecordState::Conflict);
    CHECK(record->data.duties == edited.duties);
    CHECK_FALSE(dialog.submit());
}

TEST_CASE("取消 asks before discarding changes, and only then", "[form]")
{
    Fixture f;
    int asked = 0;
    bool answer = false;
    const auto ask = [&] {
        ++asked;
        return answer;
    };

    SECTION("no changes: closes without asking")
    {
        ui::VacancyFormDialog dialog(f.context, QString());
        dialog.setDiscardQuestion(ask);
        dialog.show();
        QTest::mouseClick(dialog.cancelButton(), Qt::LeftButton);
        CHECK(asked == 0);
        CHECK_FALSE(dialog.isVisible());
        CHECK(dialog.result() == QDialog::Rejected);
    }
    SECTION("changes: asks; 繼續編輯 keeps the form, 放棄 closes it unsaved")
    {
        ui::VacancyFormDialog dialog(f.context, QString());
        dialog.setDiscardQuestion(ask);
        dialog.show();
        typeInto(dialog.postSection()->titleCombo()->lineEdit(), QStringLiteral("技士"));
        QTest::mouseClick(dialog.cancelButton(), Qt::LeftButton);
        CHECK(asked == 1);
        CHECK(dialog.isVisible());
        answer = true;
        QTest::keyClick(&dialog, Qt::Key_Escape);
        CHECK(asked == 2);
        CHECK_FALSE(dialog.isVisible());
        CHECK(f.store->records().all().isEmpty());
    }
}

TEST_CASE(
    "A record the server refused opens with the server's messages beside its fields", "[form]")
{
    Fixture f;
    const Vacancy v = formtest::validVacancy();
    const QString id = f.store->records().createDraft(v);
    f.store->records().queue(id);
    const auto row = f.store->outbox().entries().first();
    f.store->outbox().beginAttempt(row.sequence);
    f.store->outbox().reject(row.sequence, QStringLiteral("validation-failed"),
        { { QStringLiteral("title"), QStringLiteral("職稱與職系不符") },
            { QStringLiteral("workplaceCodes"), QStringLiteral("工作地點不在機關轄區") },
            { QStringLiteral("attachments"), QStringLiteral("附件過大") },
            { QString(), QStringLiteral("此機關本月刊登已達上限") } });
    REQUIRE(f.store->records().find(id)->state == RecordState::Rejected);

    ui::VacancyFormDialog dialog(f.context, id);
    CHECK(dialog.fieldMessage(QStringLiteral("title")) == QStringLiteral("職稱與職系不符"));
    CHECK(dialog.fieldMessage(QStringLiteral("workplaceCodes"))
        == QStringLiteral("工作地點不在機關轄區"));
    // A field the form has no place for still shows, above the groups.
    CHECK(dialog.generalMessage().contains(QStringLiteral("附件過大")));
    // So does a message about no field at all.
    CHECK(dialog.generalMessage().contains(QStringLiteral("此機關本月刊登已達上限")));
    auto* top = dialog.findChild<QLabel*>(QStringLiteral("generalMessage"));
    REQUIRE(top);
    CHECK_FALSE(top->isHidden());

    // Changing the field is the answer to the server's word on it.
    auto* title = dialog.postSection()->titleCombo()->lineEdit();
    title->selectAll();
    typeInto(title, QStringLiteral("專員"));
    CHECK(dialog.fieldMessage(QStringLiteral("title")).isEmpty());
    CHECK(dialog.fieldMessage(QStringLiteral("workplaceCodes"))
        == QStringLiteral("工作地點不在機關轄區"));

    // Sent again: queued afresh.
    CHECK(dialog.submit());
    CHECK(f.store->records().find(id)->state == RecordState::Pending);
    CHECK(f.store->records().find(id)->data.title == QStringLiteral("專員"));
}
