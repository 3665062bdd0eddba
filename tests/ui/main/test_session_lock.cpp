// A session the server ended for idleness (background sync no longer keeps it alive): the main
// window shows 登入已逾時 instead of the list, with 以卡片重新登入 and 離線繼續作業; the drafts and
// the outbox stay in the local store and go up after the new login. No card reader needed: the
// new login is what the login dialog hands to SessionState.
#include "../accessible_names.hpp"
#include "main_support.hpp"
#include "ui/main/session_lock_page.hpp"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>

using namespace synctest;
using namespace servertest;
using namespace uitest;

namespace {

/// The server's idle limit, reached: every session was last seen long ago.
void idleOut(const TestServer& server)
{
    {
        QSqlDatabase db = server.openDatabase(QStringLiteral("idle-out"));
        QSqlQuery query(db);
        REQUIRE(query.exec(QStringLiteral("UPDATE sessions SET last_seen_at = 0")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("idle-out"));
}

} // namespace

TEST_CASE(
    "main window: a session ended for idleness locks the window, and nothing is lost", "[ui][main]")
{
    TestServer server;
    Desk desk(server.baseUrl());
    const QString draft
        = desk.store.records().createDraft(newVacancy(QStringLiteral("閒置前的草稿")));
    desk.logIn(clerkSession(server.client()));
    desk.waitForRun();
    REQUIRE(desk.sync.lastReport().completed);
    ui::MainWindow& window = *desk.window;
    CHECK_FALSE(window.locked());
    CHECK(window.lockPage() == nullptr); // made by the first lock, not for the first paint

    idleOut(server);
    const QString queued
        = desk.store.records().createDraft(newVacancy(QStringLiteral("逾時後送出的職缺")));
    desk.store.records().queue(queued);
    desk.sync.syncNow();
    desk.waitForRun();
    REQUIRE(desk.sync.needsLogin());
    CHECK(desk.sync.loginReason() == "session-expired");

    REQUIRE(window.locked());
    ui::SessionLockPage* lock = window.lockPage();
    CHECK(lock->isVisible());
    CHECK_FALSE(window.table()->isVisible());
    CHECK(lock->findChild<QLabel*>("sessionLockHeading")->text() == "登入已逾時");
    CHECK(lock->findChild<QLabel*>("sessionLockText")->text().contains("沒有遺失"));
    CHECK(unnamedControls(lock).isEmpty());
    CHECK(desk.store.records().find(draft).has_value());
    CHECK(desk.sync.queued() == 1); // kept for after the login

    SECTION("以卡片重新登入 asks for the login; the new session unlocks and sends the outbox")
    {
        QSignalSpy asked(&window, &ui::MainWindow::loginRequested);
        QTest::mouseClick(lock->loginButton(), Qt::LeftButton);
        CHECK(asked.count() == 1);
        CHECK(window.locked()); // until a login succeeds

        desk.logIn(clerkSession(server.client())); // what the login dialog does
        REQUIRE(QTest::qWaitFor([&] { return !window.locked(); }, waitMs));
        REQUIRE(QTest::qWaitFor(
            [&] { return desk.sync.queued() == 0 && !desk.sync.syncing(); }, waitMs));
        CHECK(desk.store.records().find(queued)->serverId.size() == 10);
        CHECK(desk.rowOf(QStringLiteral("閒置前的草稿")) >= 0);
        CHECK(window.table()->isVisible());
    }
    SECTION("離線繼續作業 ends the dead session and shows the list")
    {
        QTest::mouseClick(lock->offlineButton(), Qt::LeftButton);
        CHECK_FALSE(desk.session.loggedIn());
        CHECK_FALSE(window.locked());
        CHECK(desk.rowOf(QStringLiteral("閒置前的草稿")) >= 0);
        CHECK(desk.store.records().find(queued).has_value());
    }
}
