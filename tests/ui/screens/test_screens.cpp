// The main screens, drawn and saved as PNG in both languages: what scripts/screenshots puts in
// docs/screenshots/ (the user guide shows them), and — run by ctest into a temporary folder — a
// check that every screen can be built and drawn against the real server with the demo seed.
#include "../accessible_names.hpp"
#include "../main/main_support.hpp"
#include "screenshot_support.hpp"
#include "ui/applicants/applicants_dialog.hpp"
#include "ui/form/vacancy_form_dialog.hpp"
#include "ui/preview/preview_dialog.hpp"
#include "ui/shell/window_hub.hpp"

#include <QApplication>
#include <QListWidget>
#include <QTextBrowser>

using namespace uitest;
using namespace screenshots;

namespace {

/// Syncs until `done` holds (a run already going when asked may not carry the latest change).
template <typename Done> void syncUntil(Desk& desk, Done done)
{
    for (int runs = 0; runs < 10 && !done(); ++runs) {
        desk.sync.syncNow();
        desk.waitForRun();
    }
    REQUIRE(done());
}

/// A posting of the demo agency as a clerk there would write it, for the pictures: its name and
/// address from the account, a title and 職系 of its own.
core::domain::Vacancy demoVacancy(
    const QJsonObject& account, const QString& title, const QString& seriesCode)
{
    core::domain::Vacancy v = synctest::newVacancy(title, 3);
    const QJsonObject agency = account.value("agency").toObject();
    v.agencyName = agency.value("name").toString();
    v.agencyAddress = agency.value("address").toString();
    v.fillerPhone = agency.value("phone").toString();
    v.fillerEmail = QStringLiteral("wang.hm@mail.taipei.gov.tw");
    v.workAddress = v.agencyAddress;
    v.seriesCodes = { seriesCode };
    v.validTo = v.validFrom.addDays(14);
    return v;
}

/// Every control of a drawn screen has a name a screen reader can say.
void checkNamed(QWidget* screen)
{
    INFO(uitest::unnamedControls(screen).join(QStringLiteral(", ")).toStdString());
    CHECK(uitest::unnamedControls(screen).isEmpty());
}

} // namespace

TEST_CASE(
    "screens: the list, the form, its errors, the preview, 調閱履歷 and the conflict resolver",
    "[ui][screens]")
{
    QTemporaryDir scratch;
    const QString dir = outputDir(scratch);
    servertest::ServerOptions options;
    options.seed = qEnvironmentVariable("SHIQIUREN_SOURCE_DIR") + "/server/seed/demo.json";
    servertest::TestServer server(options);
    const QString token = servertest::clerkSession(server.client());
    const QJsonObject account = server.client().get("/api/v1/account", token).json();
    // Another clerk of the agency, whose edit meets ours in the conflict.
    synctest::Workstation other(server.baseUrl(), servertest::clerkSession(server.client()));
    other.syncOk();

    for (const QString& language : { QStringLiteral("zh_TW"), QStringLiteral("en") }) {
        Language translation(language);
        Desk desk(server.baseUrl());
        core::session::SessionInfo info;
        info.assurance = core::api::Assurance::Certificate;
        info.token = token;
        info.account = account;
        info.cardKind = QStringLiteral("iso-eid");
        desk.session.begin(info);
        syncUntil(
            desk, [&] { return desk.store.records().findByServerId("1150100001").has_value(); });

        // A draft and a queued one beside what the server has, and one conflict.
        desk.store.records().createDraft(
            demoVacancy(account, QStringLiteral("技正"), QStringLiteral("B201")));
        // One title per language: the other clerk finds the shared posting by its title.
        const QString title = language == QLatin1String("en") ? QStringLiteral("工程員")
                                                              : QStringLiteral("幫工程司");
        const QString shared
            = desk.store.records().createDraft(demoVacancy(account, title, QStringLiteral("B201")));
        desk.store.records().queue(shared);
        syncUntil(desk, [&] { return !desk.store.records().find(shared)->serverId.isEmpty(); });
        other.syncOk();
        other.edit(title, [](core::domain::Vacancy& v) {
            v.duties = QStringLiteral("一、辦理道路養護工程設計及監造。\n二、路燈維護契約管理。");
        });
        other.syncOk();
        core::domain::Vacancy mine = desk.store.records().find(shared)->data;
        mine.duties = QStringLiteral("一、辦理道路養護工程設計及監造。\n二、人行道改善工程查驗。");
        desk.store.records().saveAndQueue(shared, mine);
        syncUntil(desk, [&] {
            return desk.store.records().find(shared)->state == core::store::RecordState::Conflict;
        });
        const QString queued = desk.store.records().createDraft(
            demoVacancy(account, QStringLiteral("書記"), QStringLiteral("A101")));
        desk.store.records().queue(queued);

        desk.window->resize(1280, 800); // the width the list is made to fit
        desk.window->refresh();
        save(desk.window.get(), dir, language, "list");
        checkNamed(desk.window.get());

        ui::WindowHub hub(desk.context, *desk.window);
        ui::VacancyFormDialog* form = hub.openForm({});
        form->resize(1280, 960);
        save(form, dir, language, "form");
        form->setDiscardQuestion([] { return true; });
        form->close();

        // 送出 pressed too soon: no 職稱 yet and a period under three days.
        ui::VacancyFormDialog* hasty = hub.openForm({});
        hasty->resize(1280, 960);
        core::domain::Vacancy unfinished
            = demoVacancy(account, QStringLiteral("技正"), QStringLiteral("B201"));
        unfinished.title.clear();
        unfinished.validTo = unfinished.validFrom.addDays(1);
        hasty->setVacancy(unfinished);
        CHECK_FALSE(hasty->submit());
        CHECK(hasty->firstFieldInError() == QStringLiteral("title"));
        save(hasty, dir, language, "form-errors");
        checkNamed(hasty);
        hasty->setDiscardQuestion([] { return true; });
        hasty->close();

        const auto published = desk.store.records().list({ .pageSize = 50 }).rows;
        QString publishedId;
        for (const auto& row : published) {
            if (!row.serverId.isEmpty() && row.title == QStringLiteral("科員"))
                publishedId = row.localId;
        }
        REQUIRE_FALSE(publishedId.isEmpty());
        QDialog* preview = hub.openPreview(publishedId);
        preview->resize(900, 900);
        save(preview, dir, language, "preview");
        checkNamed(preview);
        preview->close();

        // 調閱履歷 of the published posting, with its first applicant open. The runner's client
        // holds the session as the login dialog would have left it there.
        bool tokenHeld = false;
        desk.runner.run<core::api::Empty>(
            desk.window.get(),
            [token](core::api::ServiceClient& client) {
                client.setSessionToken(token);
                return core::api::Result<core::api::Empty>::success({});
            },
            [&tokenHeld](const core::api::Result<core::api::Empty>&) { tokenHeld = true; });
        REQUIRE(QTest::qWaitFor([&] { return tokenHeld; }, 30000));
        auto* applicants
            = qobject_cast<ui::ApplicantsDialog*>(hub.openApplicants(QStringLiteral("1150100001")));
        REQUIRE(applicants);
        applicants->resize(1000, 720);
        REQUIRE(QTest::qWaitFor([&] { return applicants->applicantList()->count() > 0; }, 30000));
        applicants->applicantList()->setCurrentRow(0);
        REQUIRE(QTest::qWaitFor(
            [&] { return !applicants->resumeView()->toPlainText().isEmpty(); }, 30000));
        save(applicants, dir, language, "applicants");
        checkNamed(applicants);
        applicants->close();

        ui::ConflictDialog* conflict = desk.window->openConflicts();
        REQUIRE(conflict);
        conflict->resize(1000, 600);
        save(conflict, dir, language, "conflict");
        checkNamed(conflict);
        conflict->close();
        desk.sync.stop();
    }
}
