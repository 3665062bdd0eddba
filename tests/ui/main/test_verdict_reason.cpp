// 審核結果 against the real server: the seed's vacancy the service rejected shows 審核未通過 in
// the list with the service's reason as its tooltip and in its accessible text, and 預覽 shows
// the line 未通過原因：…; a vacancy with any other verdict shows no reason anywhere.
#include "main_support.hpp"
#include "ui/preview/preview_dialog.hpp"
#include "ui/shell/window_hub.hpp"

#include <QLabel>

using namespace synctest;
using namespace servertest;
using namespace uitest;
using Column = ui::VacancyTableModel::Column;

TEST_CASE("main window: 審核未通過 shows the service's reason in the list and the preview",
    "[ui][main][verdict]")
{
    TestServer server; // tests/server/seed/test.json: 1140500001 is rejected, with a reason
    const QString token = clerkSession(server.client());
    const QString reason = serverRecords(server.client(), token)
                               .value(QStringLiteral("1140500001"))
                               .value("rejectionReason")
                               .toString();
    REQUIRE_FALSE(reason.isEmpty());
    Desk desk(server.baseUrl());
    desk.store.records().queue(
        desk.store.records().createDraft(newVacancy(QStringLiteral("待刊登的職缺"))));
    desk.logIn(token); // pulls the seed's vacancies, sends ours
    desk.waitForRun();
    REQUIRE(desk.sync.lastReport().completed);

    const ui::VacancyTableModel* model = desk.window->model();
    int rejected = -1;
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->row(r).serverId == "1140500001")
            rejected = r;
    }
    REQUIRE(rejected >= 0);
    const int other = desk.rowOf(QStringLiteral("待刊登的職缺"));
    REQUIRE(other >= 0);
    REQUIRE_FALSE(model->row(other).serverId.isEmpty());

    const QModelIndex verdict = model->index(rejected, Column::Status);
    CHECK(verdict.data().toString() == "審核未通過");
    CHECK(verdict.data(Qt::ToolTipRole).toString() == "未通過原因：" + reason);
    CHECK(verdict.data(Qt::AccessibleTextRole).toString() == "審核未通過，未通過原因：" + reason);
    const QModelIndex approved = model->index(other, Column::Status);
    CHECK(approved.data().toString() == "待刊登");
    CHECK(approved.data(Qt::ToolTipRole) == approved.data());
    CHECK_FALSE(approved.data(Qt::AccessibleTextRole).toString().contains("未通過原因"));

    ui::WindowHub hub(desk.context, *desk.window);
    auto* preview = qobject_cast<ui::PreviewDialog*>(hub.openPreview(model->row(rejected).localId));
    REQUIRE(preview != nullptr);
    CHECK(preview->rejectionLine()->isVisible());
    CHECK(preview->rejectionLine()->text() == "未通過原因：" + reason);
    CHECK_FALSE(preview->html().contains(reason)); // the public page has no verdict on it
    preview->close();

    auto* plain = qobject_cast<ui::PreviewDialog*>(hub.openPreview(model->row(other).localId));
    REQUIRE(plain != nullptr);
    CHECK(plain->rejectionLine()->isHidden());
    plain->close();
}
