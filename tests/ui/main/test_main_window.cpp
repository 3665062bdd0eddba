// The main window against the real server: offline work shows as queued and gets its 職缺編號
// once the server is back; a conflict opens from the badge and each choice gives the expected
// server state; paging, search by 職缺編號 and the history over a seeded server; 刪除.
#include "main_support.hpp"
#include "ui/conflict/conflict_dialog.hpp"
#include "ui/main/paging_bar.hpp"
#include "ui/main/sync_status_widget.hpp"
#include "ui/widgets/plain_header_view.hpp"

#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>

using namespace synctest;
using namespace servertest;
using namespace uitest;
using Column = ui::VacancyTableModel::Column;

TEST_CASE(
    "main window: a vacancy made offline is queued, then synced with its 職缺編號", "[ui][main]")
{
    TestServer server;
    const QString token = clerkSession(server.client());
    server.stop();

    Desk desk(server.baseUrl());
    desk.logIn(token);
    desk.waitForRun(); // offline
    const QString id
        = desk.store.records().createDraft(newVacancy(QStringLiteral("離線新增的職缺")));
    desk.store.records().queue(id); // what the form's 送出 does
    desk.sync.syncNow();
    desk.waitForRun();

    int row = desk.rowOf(QStringLiteral("離線新增的職缺"));
    REQUIRE(row >= 0);
    CHECK(desk.cell(row, Column::ServerId).isEmpty()); // the service has not numbered it yet
    CHECK(desk.cell(row, Column::SyncState) == "待上傳");
    CHECK(desk.cell(row, Column::Status).isEmpty()); // no verdict before the service saw it
    CHECK(desk.cell(row, Column::Applicants).isEmpty()); // nothing to read before the server has it
    const ui::SyncStatusWidget* status = desk.window->statusArea();
    CHECK(status->connectionText() == "○ 離線");
    CHECK(status->queuedText() == "待上傳 1 筆");
    CHECK(status->lastSyncText() == "尚未同步");
    CHECK(status->conflictsBadge()->isHidden());

    server.restart(); // back, on a new port
    desk.sync.setConfig(configFor(server.baseUrl()));
    REQUIRE(QTest::qWaitFor(
        [&] { return desk.sync.queued() == 0 && desk.sync.lastReport().completed; }, waitMs));
    REQUIRE(QTest::qWaitFor([&] { return !desk.sync.syncing(); }, waitMs));
    row = desk.rowOf(QStringLiteral("離線新增的職缺"));
    REQUIRE(row >= 0);
    const QString serverId = desk.store.records().find(id)->serverId;
    CHECK(serverId.size() == 10);
    CHECK(desk.cell(row, Column::ServerId) == serverId);
    CHECK(desk.cell(row, Column::SyncState) == "已同步");
    CHECK(desk.cell(row, Column::Status) == "待刊登"); // starts tomorrow
    // Nobody can have applied before it is published.
    CHECK(desk.cell(row, Column::Applicants).isEmpty());
    CHECK(status->connectionText() == "● 已連線");
    CHECK(status->queuedText() == "待上傳 0 筆");
    CHECK(status->lastSyncText().startsWith("上次同步："));
}

TEST_CASE("main window: a conflict opens from the badge and each choice settles it", "[ui][main]")
{
    TestServer server;
    const QString tokenA = clerkSession(server.client());
    const QString tokenB = clerkSession(server.client());
    Workstation a(server.baseUrl(), tokenA);
    const QString local = a.store().records().createDraft(newVacancy(QStringLiteral("衝突")));
    a.store().records().queue(local);
    a.syncOk();
    const QString serverId = a.store().records().find(local)->serverId;

    Desk desk(server.baseUrl());
    desk.logIn(tokenB);
    desk.waitForRun();
    const QString mine = desk.store.records().findByServerId(serverId)->localId;
    editBothSides(a, desk.store, mine);
    desk.sync.syncNow();
    desk.waitForRun();

    const int row = desk.rowOf(QStringLiteral("B 的職稱"));
    REQUIRE(row >= 0);
    CHECK(desk.cell(row, Column::SyncState) == "衝突，待處理");
    QToolButton* badge = desk.window->statusArea()->conflictsBadge();
    REQUIRE_FALSE(badge->isHidden());
    CHECK(badge->text() == "衝突 1");
    CHECK(badge->styleSheet().contains("#c62828")); // red, from when it first shows
    QTest::mouseClick(badge, Qt::LeftButton);
    ui::ConflictDialog* dialog = desk.window->conflictDialog();
    REQUIRE(dialog != nullptr);
    CHECK(dialog->isVisible());
    CHECK(dialog->localId() == mine);
    CHECK(dialog->fields() == QStringList { QStringLiteral("title") });
    // Neither side is chosen for the clerk; applying waits for a choice on every field.
    CHECK_FALSE(dialog->choice(QStringLiteral("title")).has_value());
    CHECK_FALSE(dialog->applyButton()->isEnabled());

    QString expectedTitle;
    QString expectedQualifications = QStringLiteral("B 改的資格");
    SECTION("keep mine")
    {
        QTest::mouseClick(dialog->keepMineButton(), Qt::LeftButton);
        expectedTitle = QStringLiteral("B 的職稱");
    }
    SECTION("keep the server's")
    {
        QTest::mouseClick(dialog->keepServerButton(), Qt::LeftButton);
        expectedTitle = QStringLiteral("A 的職稱");
        expectedQualifications = domaintest::validVacancy().qualifications;
    }
    SECTION("per field: the server's title, my other edits")
    {
        dialog->setChoice(QStringLiteral("title"), core::sync::Side::Server);
        CHECK(dialog->choice(QStringLiteral("title")) == core::sync::Side::Server);
        QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
        expectedTitle = QStringLiteral("A 的職稱");
    }
    CHECK(badge->isHidden()); // settled in the store at once
    REQUIRE(
        QTest::qWaitFor([&] { return !desk.sync.syncing() && desk.sync.queued() == 0; }, waitMs));
    const QJsonObject record
        = server.client().get(QStringLiteral("/api/v1/vacancies/") + serverId, tokenA).json();
    CHECK(record.value("title").toString() == expectedTitle);
    CHECK(record.value("duties").toString() == "A 改的工作");
    CHECK(record.value("qualifications").toString() == expectedQualifications);
    const int settled = desk.rowOf(expectedTitle);
    REQUIRE(settled >= 0);
    CHECK(desk.cell(settled, Column::SyncState) == "已同步");
}

TEST_CASE(
    "main window: paging, search by 職缺編號 and the history of a seeded server", "[ui][main]")
{
    ServerOptions options;
    options.seed = qEnvironmentVariable("SHIQIUREN_SOURCE_DIR") + "/server/seed/demo.json";
    TestServer server(options);
    const QString token = clerkSession(server.client());
    Desk desk(server.baseUrl());
    for (int i = 1; i <= 6; ++i)
        desk.store.records().queue(
            desk.store.records().createDraft(newVacancy(QStringLiteral("新職缺 %1").arg(i))));
    desk.logIn(token); // pulls the seed's vacancies of A29000000G, sends the six
    desk.waitForRun();
    REQUIRE(desk.sync.lastReport().completed);

    ui::MainWindow& w = *desk.window;
    ui::PagingBar* paging = w.pagingBar();
    // The seed: five current vacancies of A29000000G (published, scheduled, rejected), one that
    // ended and one withdrawn; with ours, eleven current.
    CHECK(w.model()->page().total == 11);
    CHECK(w.resultText() == "查詢結果11筆");
    w.setPageSize(4);
    CHECK(paging->summaryText() == "(共11筆 / 計3頁)");
    CHECK(w.model()->rowCount() == 4);
    CHECK(desk.cell(0, Column::Number) == "1");
    CHECK_FALSE(paging->firstButton()->isEnabled());
    CHECK_FALSE(paging->previousButton()->isEnabled());

    QTest::mouseClick(paging->nextButton(), Qt::LeftButton);
    CHECK(paging->page() == 2);
    CHECK(desk.cell(0, Column::Number) == "5");
    CHECK(paging->pageBox()->currentText() == "2");
    QTest::mouseClick(paging->lastButton(), Qt::LeftButton);
    CHECK(paging->page() == 3);
    CHECK(w.model()->rowCount() == 3);
    CHECK(desk.cell(2, Column::Number) == "11");
    CHECK_FALSE(paging->nextButton()->isEnabled());
    CHECK_FALSE(paging->lastButton()->isEnabled());
    QTest::mouseClick(paging->previousButton(), Qt::LeftButton);
    CHECK(paging->page() == 2);
    QTest::mouseClick(paging->firstButton(), Qt::LeftButton);
    CHECK(paging->page() == 1);
    // Every row once over the three pages.
    QSet<QString> seen;
    for (int page = 1; page <= 3; ++page) {
        w.goToPage(page);
        for (int r = 0; r < w.model()->rowCount(); ++r)
            seen.insert(w.model()->row(r).localId);
    }
    CHECK(seen.size() == 11);

    // Search by 職缺編號: the seed's 1150100002.
    w.searchEdit()->setText(QStringLiteral("1150100002"));
    QTest::mouseClick(w.searchButton(), Qt::LeftButton);
    REQUIRE(w.model()->rowCount() == 1);
    CHECK(desk.cell(0, Column::ServerId) == "1150100002");
    CHECK(w.resultText() == "查詢結果1筆");
    CHECK(paging->summaryText() == "(共1筆 / 計1頁)");
    w.searchEdit()->setText(QStringLiteral("9999999999"));
    QTest::keyClick(w.searchEdit(), Qt::Key_Return);
    CHECK(w.model()->rowCount() == 0);
    CHECK(w.resultText() == "查詢結果0筆");
    CHECK(paging->summaryText() == "(共0筆 / 計0頁)");
    QTest::mouseClick(w.resetButton(), Qt::LeftButton);
    CHECK(w.searchEdit()->text().isEmpty());
    CHECK(w.model()->page().total == 11);

    // 歷史職缺: the one that ended in 2025 and the withdrawn one, read-only.
    QTest::mouseClick(w.historyButton(), Qt::LeftButton);
    REQUIRE(w.model()->rowCount() == 2);
    QMap<QString, QString> history;
    for (int r = 0; r < 2; ++r) {
        history.insert(desk.cell(r, Column::ServerId), desk.cell(r, Column::Status));
        CHECK_FALSE(w.model()->actionEnabled(r, Column::Edit));
        CHECK_FALSE(w.model()->actionEnabled(r, Column::Delete));
        CHECK(w.model()->actionEnabled(r, Column::Preview));
    }
    CHECK(history
        == QMap<QString, QString> { { QStringLiteral("1140300005"), QStringLiteral("已結束") },
            { QStringLiteral("1150200006"), QStringLiteral("已撤銷") } });
    const int ended = desk.cell(0, Column::ServerId) == "1140300005" ? 0 : 1;
    CHECK(desk.cell(ended, Column::Period) == "114/03/03~114/03/17");
    CHECK(w.historyButton()->text() == "目前職缺");
    QTest::mouseClick(w.historyButton(), Qt::LeftButton);
    CHECK(w.model()->page().total == 11);
}

TEST_CASE("main window: the row actions ask for the other windows; 刪除 asks first", "[ui][main]")
{
    TestServer server;
    Desk desk(server.baseUrl());
    ui::MainWindow& w = *desk.window;
    const QString id = desk.store.records().createDraft(newVacancy(QStringLiteral("只是草稿")));
    w.refresh();
    REQUIRE(w.model()->rowCount() == 1);
    CHECK(desk.cell(0, Column::SyncState) == "草稿（未送出）");
    CHECK(desk.cell(0, Column::Status).isEmpty()); // the service has given no verdict

    QStringList asked;
    QObject::connect(
        &w, &ui::MainWindow::editRequested, [&](const QString& l) { asked << "edit:" + l; });
    QObject::connect(
        &w, &ui::MainWindow::previewRequested, [&](const QString& l) { asked << "preview:" + l; });
    QObject::connect(&w, &ui::MainWindow::newVacancyRequested, [&] { asked << "new"; });
    const QRect editCell = w.table()->visualRect(w.model()->index(0, Column::Edit));
    QTest::mouseClick(w.table()->viewport(), Qt::LeftButton, {}, editCell.center());
    w.triggerAction(0, Column::Preview);
    QTest::mouseClick(w.newButton(), Qt::LeftButton);
    CHECK(asked == QStringList { "edit:" + id, "preview:" + id, "new" });

    // From the keyboard: Enter on an action cell acts, on any other cell opens 修改.
    asked.clear();
    w.table()->setCurrentIndex(w.model()->index(0, Column::Preview));
    QTest::keyClick(w.table(), Qt::Key_Return);
    w.table()->setCurrentIndex(w.model()->index(0, Column::Title));
    QTest::keyClick(w.table(), Qt::Key_Enter);
    CHECK(asked == QStringList { "preview:" + id, "edit:" + id });

    // Its header measures in the regular face (no bold font before the first paint).
    CHECK(qobject_cast<ui::PlainHeaderView*>(w.table()->horizontalHeader()) != nullptr);

    // At 1280 px every column fits, the actions whole and in sight.
    w.resize(1280, 720);
    QTRY_VERIFY(w.table()->horizontalHeader()->length() <= w.table()->viewport()->width());
    for (const int column :
        { int(Column::Edit), int(Column::Delete), int(Column::Preview), int(Column::Applicants) }) {
        const QHeaderView* header = w.table()->horizontalHeader();
        CHECK(header->sectionViewportPosition(column) + header->sectionSize(column)
            <= w.table()->viewport()->width());
        CHECK(header->sectionSize(column) >= header->sectionSizeHint(column));
    }
    // Narrower, the texts give way, but the period stays a whole date range, never "115/12/10~1…".
    w.resize(900, 720);
    const QAbstractItemView* view = w.table();
    QTRY_VERIFY(w.table()->horizontalHeader()->length() <= w.table()->viewport()->width());
    CHECK(w.table()->horizontalHeader()->sectionSize(Column::Period)
        >= view->sizeHintForColumn(Column::Period));

    QString question;
    bool answer = false;
    w.setConfirmHandler([&](const QString& q) {
        question = q;
        return answer;
    });
    w.triggerAction(0, Column::Delete);
    CHECK(question.contains("只是草稿"));
    CHECK(w.model()->rowCount() == 1);
    answer = true;
    w.triggerAction(0, Column::Delete);
    CHECK(w.model()->rowCount() == 0);
    CHECK_FALSE(desk.store.records().find(id).has_value()); // a never-sent draft simply goes
}
