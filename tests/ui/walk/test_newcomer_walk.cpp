// The newcomer's walk the issue ends on, in one piece, through the program's own parts: the demo
// seed on the real server, the real pcscd with the demo card, the login dialog opened by the
// window hub, the vacancy form, the sync service with its own timers, and the main window.
// A card login (first activation and account setup included), the service going away, a draft
// saved and sent while it is away, and the vacancy published with its 職缺編號 once it is back —
// nothing prodded but what the clerk touches.
#include "../form/form_fixture.hpp"
#include "../login/login_support.hpp"
#include "../main/main_support.hpp"
#include "core/store/local_store.hpp"
#include "core/sync/sync_service.hpp"
#include "ui/form/agency_section.hpp"
#include "ui/form/vacancy_form_dialog.hpp"
#include "ui/main/main_window.hpp"
#include "ui/main/sync_status_widget.hpp"
#include "ui/main/vacancy_table_model.hpp"
#include "ui/shell/window_hub.hpp"

#include <QComboBox>
#include <QSignalSpy>

using namespace logintest;
using namespace testsupport;
using Column = ui::VacancyTableModel::Column;

namespace {

/// The program's parts as client_app wires them, over the test's folder.
struct Program {
    explicit Program(const QString& baseUrl)
        : store(desk.dir.filePath(QStringLiteral("store.sqlite")))
        , sync(store, configFor(baseUrl), options())
    {
        desk.context.store = &store;
        desk.context.sync = &sync;
        sync.follow(desk.session);
        window = std::make_unique<ui::MainWindow>(desk.context);
        hub = new ui::WindowHub(desk.context, *window);
        window->show();
    }
    ~Program()
    {
        window.reset();
        sync.stop();
    }

    static core::sync::SyncServiceOptions options()
    {
        core::sync::SyncServiceOptions options;
        // Quicker than a workstation's, so the walk does not wait minutes for the service to
        // be noticed coming back; what happens then is the program's own doing.
        options.healthInterval = std::chrono::milliseconds(300);
        options.engine.backoffBase = std::chrono::milliseconds(200);
        options.engine.backoffCap = std::chrono::seconds(1);
        return options;
    }

    int rowOf(const QString& title) const { return uitest::rowOf(*window, title); }
    QString cell(int row, Column column) const
    {
        return uitest::cell(*window, row, static_cast<int>(column));
    }

    Desk desk { QString() }; // its runner gets the address below
    core::store::LocalStore store;
    core::sync::SyncService sync;
    std::unique_ptr<ui::MainWindow> window;
    ui::WindowHub* hub = nullptr; // owned by the window
};

} // namespace

TEST_CASE("newcomer: card login with the demo card, a draft written offline, published when the "
          "service is back",
    "[ui][walk][pcsc]")
{
    servertest::ServerOptions serverOptions;
    serverOptions.seed = qEnvironmentVariable("SHIQIUREN_SOURCE_DIR") + "/server/seed/demo.json";
    servertest::TestServer server(serverOptions);
    const auto card = insertCard(QStringLiteral("iso-eid")); // 王小明, PIN 123456
    Program program(server.baseUrl());
    program.desk.runner.setConfig(configFor(server.baseUrl()));
    program.desk.setItLoginOrigin(servertest::testOrigin);

    // 1. The card login, as the program opens it at start.
    auto* dialog = qobject_cast<ui::LoginDialog*>(program.hub->openLogin());
    REQUIRE(dialog);
    QSignalSpy accepted(dialog, &QDialog::accepted);
    toPin(*dialog);
    enterPin(*dialog, rightPin);
    REQUIRE(waitForStep(*dialog, LoginStep::Activation)); // first time with this card
    type(*dialog, LoginStep::Activation, "activationEntry", QStringLiteral("A123456789"));
    click(*dialog, LoginStep::Activation, "activationNext");
    REQUIRE(waitForStep(*dialog, LoginStep::AccountSetup));
    type(*dialog, LoginStep::AccountSetup, "setupAccount", QStringLiteral("wang01"));
    type(*dialog, LoginStep::AccountSetup, "setupEmail",
        QStringLiteral("wang01@mail.taipei.gov.tw"));
    type(*dialog, LoginStep::AccountSetup, "setupPassword", QStringLiteral("Passw0rd!"));
    type(*dialog, LoginStep::AccountSetup, "setupConfirm", QStringLiteral("Passw0rd!"));
    click(*dialog, LoginStep::AccountSetup, "setupSubmit");
    REQUIRE(QTest::qWaitFor([&] { return accepted.count() == 1; }, waitMs));
    REQUIRE(program.desk.session.canWriteVacancies());
    CHECK(pinVerifies(*card) == 1);

    // The login starts a sync: the demo agency's vacancies arrive in the list.
    REQUIRE(QTest::qWaitFor(
        [&] {
            return program.store.records().findByServerId(QStringLiteral("1150100001")).has_value();
        },
        waitMs));
    const ui::SyncStatusWidget* status = program.window->statusArea();
    REQUIRE(QTest::qWaitFor([&] { return status->connectionText() == "● 已連線"; }, waitMs));
    // The same sync caches the code lists, with the agency register.
    REQUIRE(QTest::qWaitFor(
        [&] { return program.store.syncState().cachedCodeLists().has_value(); }, waitMs));

    // 2. The service goes away; the program notices by itself.
    server.stop();
    REQUIRE(QTest::qWaitFor([&] { return status->connectionText() == "○ 離線"; }, waitMs));

    // 3. A new vacancy: the agency and the filler come from the login; 儲存草稿 works offline.
    ui::VacancyFormDialog* form = program.hub->openForm({});
    REQUIRE(form);
    core::domain::Vacancy v = form->vacancy();
    CHECK(v.agencyCode == "A29000000G");
    CHECK(v.agencyName == "臺北市政府工務局"); // the demo seed's name for A29000000G
    // Offline, 徵才機關 still offers the agency and its units, from the cached register.
    const QComboBox* agencies = form->agencySection()->agencyChoice();
    REQUIRE(agencies->count() == 3);
    CHECK(agencies->itemText(1) == "A29010000G 臺北市政府工務局新建工程處");
    CHECK(agencies->itemText(2) == "A29020000G 臺北市政府工務局水利工程處");
    CHECK(v.fillerName == "王小明");
    CHECK(v.fillerEmail == "wang01@mail.taipei.gov.tw");
    // What the clerk types into the rest of the form (the domain suites' valid vacancy).
    core::domain::Vacancy typed = formtest::validVacancy();
    typed.title = QStringLiteral("新手的第一個職缺");
    typed.agencyCode = v.agencyCode;
    typed.agencyName = v.agencyName;
    typed.agencyAddress = v.agencyAddress;
    typed.fillerName = v.fillerName;
    typed.fillerEmail = v.fillerEmail;
    v = typed;
    form->setVacancy(v);
    QSignalSpy saved(form, &ui::VacancyFormDialog::saved);
    QTest::mouseClick(form->saveDraftButton(), Qt::LeftButton);
    REQUIRE(saved.count() == 1);
    const QString localId = saved.at(0).at(0).toString();
    program.window->refresh();
    int row = program.rowOf(v.title);
    REQUIRE(row >= 0);
    CHECK(program.cell(row, Column::ServerId).isEmpty()); // numbered by the service once sent

    // 4. 送出, still offline: queued, waiting for the service.
    QSignalSpy queued(form, &ui::VacancyFormDialog::queued);
    QTest::mouseClick(form->submitButton(), Qt::LeftButton);
    INFO("form says: " << form->statusText().toStdString());
    REQUIRE(queued.count() == 1);
    CHECK(queued.at(0).at(0).toString() == localId);
    REQUIRE(QTest::qWaitFor([&] { return status->queuedText() == "待上傳 1 筆"; }, waitMs));
    row = program.rowOf(v.title);
    REQUIRE(row >= 0);
    CHECK(program.cell(row, Column::SyncState) == "待上傳");

    // 5. The service is back at its address: the program notices, sends, and the list shows the
    //    vacancy published with its 職缺編號 — once.
    server.restartAtSameAddress();
    REQUIRE(QTest::qWaitFor(
        [&] { return !program.store.records().find(localId)->serverId.isEmpty(); }, waitMs));
    REQUIRE(QTest::qWaitFor([&] { return status->queuedText() == "待上傳 0 筆"; }, waitMs));
    const QString serverId = program.store.records().find(localId)->serverId;
    CHECK(serverId.size() == 10);
    program.window->refresh();
    row = program.rowOf(v.title);
    REQUIRE(row >= 0);
    CHECK(program.cell(row, Column::ServerId) == serverId);
    CHECK(program.cell(row, Column::SyncState) == "已同步");
    CHECK(status->connectionText() == "● 已連線");

    const QString token = program.desk.session.info().token;
    const auto listed = server.client().get("/api/v1/vacancies?pageSize=100", token).json();
    REQUIRE(listed.value("total").toInt() <= 100); // all on this one page
    int copies = 0;
    for (const auto& item : listed.value("items").toArray())
        if (item.toObject().value("title").toString() == v.title)
            ++copies;
    CHECK(copies == 1);
}
