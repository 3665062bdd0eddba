// The login from the keyboard alone, over the real pcscd and virtual card: the card and its PIN
// on one page, focus where the clerk types, Tab in the order shown, Enter doing what the page
// says (登入; on the final try 取消), every control named, the dialog one size on every page,
// and the locked page's button opening the unblocking site over https.

#include "../accessible_names.hpp"
#include "card_login.hpp"
#include "login_support.hpp"
#include "ui/login/url_opener.hpp"

#include <QApplication>
#include <QCheckBox>
#include <QSignalSpy>

using namespace logintest;
using namespace testsupport;

namespace {

/// Makes the dialog the active window, so the keyboard reaches it as it reaches the clerk.
void activate(ui::LoginDialog& dialog)
{
    QApplication::setActiveWindow(&dialog);
    REQUIRE(QTest::qWaitForWindowActive(&dialog));
}

QString focusName()
{
    QWidget* focus = QApplication::focusWidget();
    return focus ? focus->objectName() : QStringLiteral("(none)");
}

/// Presses `key` on the widget with the focus.
void press(int key)
{
    QWidget* focus = QApplication::focusWidget();
    REQUIRE(focus);
    QTest::keyClick(focus, Qt::Key(key));
}

/// Types `text` into the widget with the focus, key by key.
void typeKeys(const QString& text)
{
    QWidget* focus = QApplication::focusWidget();
    REQUIRE(focus);
    QTest::keyClicks(focus, text);
}

/// The object names Tab visits from the focus now, once round the dialog.
QStringList tabRing()
{
    QStringList ring;
    for (int i = 0; i < 30; ++i) {
        const QString name = focusName();
        if (ring.contains(name))
            break;
        ring.append(name);
        press(Qt::Key_Tab);
    }
    return ring;
}

void checkNamed(ui::LoginDialog& dialog)
{
    const QStringList unnamed = uitest::unnamedControls(&dialog);
    INFO("page: " << dialog.currentPage()->metaObject()->className());
    INFO("unnamed: " << unnamed.join(QStringLiteral(", ")).toStdString());
    CHECK(unnamed.isEmpty());
    CHECK(dialog.size() == ui::LoginDialog::fixedSize);
}

/// Puts the real opener back when the test ends.
struct OpenedUrls {
    OpenedUrls()
        : saved(ui::urlOpener())
    {
        ui::urlOpener() = [this](const QUrl& url) {
            urls.append(url);
            return true;
        };
    }
    ~OpenedUrls() { ui::urlOpener() = saved; }
    ui::UrlOpener saved;
    QList<QUrl> urls;
};

} // namespace

TEST_CASE("login by keyboard: insert the card, type the PIN, press Enter", "[ui][login][pcsc]")
{
    servertest::TestServer server;
    servertest::clerkSession(server.client()); // activated and set up: the login goes straight in
    const auto card = insertCard(QStringLiteral("iso-eid"));
    Desk desk(server.baseUrl());
    auto dialog = desk.openDialog();
    activate(*dialog);
    checkNamed(*dialog); // waiting for the card

    toPin(*dialog);
    checkNamed(*dialog);
    CHECK(focusName() == "pinField");
    CHECK_FALSE(dialog->findChild<QCheckBox*>("pinOriginConfirm")->isVisible()); // IT's origin

    // A wrong PIN, then Enter: one message under the field says what happened.
    typeKeys(wrongPin);
    press(Qt::Key_Return);
    REQUIRE(waitForStep(*dialog, LoginStep::Pin));
    REQUIRE(dialog->controller().wrongPinTriesLeft() == 2);
    CHECK(label(*dialog, LoginStep::Pin, "pinMessage") == "密碼錯誤，還剩 2 次嘗試機會。");
    CHECK(focusName() == "pinField");

    // Tab: the field, 登入 (once a PIN is typed), then the bar under the page left to right.
    typeKeys(QStringLiteral("1234"));
    CHECK(tabRing()
        == QStringList {
            "pinField", "pinLogin", "toPasswordLogin", "environmentCheck", "workOffline" });
    REQUIRE(focusName() == "pinField");
    press(Qt::Key_Escape); // empties the field
    REQUIRE(dialog->findChild<ui::PinField*>("pinField")->length() == 0);

    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    typeKeys(rightPin);
    press(Qt::Key_Return);
    REQUIRE(QTest::qWaitFor([&] { return accepted.count() == 1; }, waitMs));
    CHECK(desk.session.loggedIn());
}

TEST_CASE(
    "login by keyboard: the final try, the locked card and the password login", "[ui][login][pcsc]")
{
    servertest::TestServer server;
    const auto card = insertCard(QStringLiteral("iso-eid"), { "--tries", "1" });
    Desk desk(server.baseUrl());
    auto dialog = desk.openDialog();
    activate(*dialog);
    toPin(*dialog);

    typeKeys(wrongPin);
    press(Qt::Key_Return);
    REQUIRE(dialog->controller().step() == LoginStep::ConfirmFinalTry);
    checkNamed(*dialog);
    CHECK(label(*dialog, LoginStep::ConfirmFinalTry, "finalTryHeading") == "最後一次嘗試機會");
    CHECK(label(*dialog, LoginStep::ConfirmFinalTry, "finalTryHolder") == "持卡人：王小明");
    CHECK(focusName() == "finalTryCancel");
    press(Qt::Key_Return); // 取消，重新輸入: Enter never spends the last try
    REQUIRE(dialog->controller().step() == LoginStep::Pin);
    CHECK(focusName() == "pinField");
    CHECK(pinVerifies(*card) == 0);

    typeKeys(wrongPin);
    press(Qt::Key_Return);
    REQUIRE(dialog->controller().step() == LoginStep::ConfirmFinalTry);
    press(Qt::Key_Tab);
    REQUIRE(focusName() == "finalTryConfirm");
    press(Qt::Key_Space);
    REQUIRE(waitForStep(*dialog, LoginStep::Locked));
    CHECK(pinVerifies(*card) == 1);

    checkNamed(*dialog);
    CHECK(label(*dialog, LoginStep::Locked, "lockedStillPossible").contains("只能檢視"));
    CHECK(label(*dialog, LoginStep::Locked, "lockedStillPossible").contains("離線作業"));
    CHECK(focusName() == "unblockOpen");
    {
        OpenedUrls opened;
        press(Qt::Key_Return);
        REQUIRE(opened.urls.size() == 1);
        CHECK(opened.urls.front().scheme() == "https");
        CHECK(opened.urls.front().toString() == "https://moica.nat.gov.tw/html/unblockcard.htm#2");
    }
    CHECK(tabRing()
        == QStringList { "unblockOpen", "toPasswordLogin", "environmentCheck", "workOffline" });

    REQUIRE(focusName() == "unblockOpen");
    press(Qt::Key_Tab);
    REQUIRE(focusName() == "toPasswordLogin");
    press(Qt::Key_Space);
    REQUIRE(waitForStep(*dialog, LoginStep::PasswordLogin));
    checkNamed(*dialog);
}

TEST_CASE("login: a login origin from the clerk's own settings is shown and must be confirmed",
    "[ui][login][pcsc]")
{
    servertest::TestServer server;
    servertest::clerkSession(server.client());
    const auto card = insertCard(QStringLiteral("iso-eid"));
    Desk desk(server.baseUrl());
    desk.signForTestOrigin = false;
    desk.settings.setLoginOrigin(servertest::testOrigin); // the clerk's file, not IT's
    auto dialog = desk.openDialog();
    activate(*dialog);
    toPin(*dialog);
    checkNamed(*dialog);

    auto* confirm = child<QCheckBox>(*dialog, LoginStep::Pin, "pinOriginConfirm");
    auto* login = child<QPushButton>(*dialog, LoginStep::Pin, "pinLogin");
    REQUIRE(confirm->isVisible());
    CHECK(label(*dialog, LoginStep::Pin, "pinOriginNotice").contains(servertest::testOrigin));
    CHECK(focusName() == "pinOriginConfirm");

    press(Qt::Key_Tab);
    REQUIRE(focusName() == "pinField");
    typeKeys(rightPin);
    CHECK_FALSE(login->isEnabled()); // not before the site is confirmed
    press(Qt::Key_Return);
    CHECK(dialog->controller().step() == LoginStep::Pin);
    CHECK(pinVerifies(*card) == 0);

    press(Qt::Key_Backtab);
    REQUIRE(focusName() == "pinOriginConfirm");
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    press(Qt::Key_Space);
    CHECK(confirm->isChecked());
    REQUIRE(focusName() == "pinField"); // the PIN typed is still there
    CHECK(login->isEnabled());
    press(Qt::Key_Return);
    REQUIRE(QTest::qWaitFor([&] { return accepted.count() == 1; }, waitMs));
    CHECK(pinVerifies(*card) == 1);
}
