// What happens around a card login: cards coming and going while the dialog waits, removing the
// session's card logs the clerk out (and does not with the setting off), the password login
// with a 健保卡's ID number in the account field.
#include "card_login.hpp"
#include "core/login/card_session_guard.hpp"
#include "http_client.hpp"
#include "login_support.hpp"

#include <QSignalSpy>

using namespace logintest;
using namespace testsupport;

namespace {

/// 王小明, activated and set up already (servertest::clerkSession), logs in with the card.
void cardLogin(Desk& desk, const testsupport::VirtualCard& card)
{
    auto dialog = desk.openDialog();
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    toPin(*dialog);
    enterPin(*dialog, rightPin);
    REQUIRE(QTest::qWaitFor([&] { return accepted.count() == 1; }, waitMs));
    REQUIRE(desk.session.loggedIn());
    CHECK(pinVerifies(card) == 1);
}

} // namespace

TEST_CASE("login: the dialog follows the card out of the reader and back", "[ui][login][pcsc]")
{
    servertest::TestServer server;
    const auto card = insertCard(QStringLiteral("iso-eid"));
    Desk desk(server.baseUrl());
    auto dialog = desk.openDialog();
    toPin(*dialog);

    card->control("remove");
    REQUIRE(waitForStep(*dialog, LoginStep::Waiting));
    CHECK(dialog->controller().card() == nullptr);
    CHECK(label(*dialog, LoginStep::Waiting, "readerList")
              .contains(virtualReaderName() + "：沒有卡片"));

    card->control("insert");
    REQUIRE(waitForStep(*dialog, LoginStep::Pin));
    CHECK(label(*dialog, LoginStep::Pin, "cardSummary").contains("持卡人：王小明"));
    CHECK(pinVerifies(*card) == 0);
}

TEST_CASE("login: removing the session's card logs the clerk out", "[ui][login][pcsc]")
{
    servertest::TestServer server;
    servertest::clerkSession(server.client()); // activated and set up: the login goes straight in
    const auto card = insertCard(QStringLiteral("iso-eid"));
    Desk desk(server.baseUrl());
    core::login::CardSessionGuard guard(desk.cards, desk.session, desk.runner, &desk.settings);
    QSignalSpy loggedOut(&guard, &core::login::CardSessionGuard::loggedOutByCardRemoval);
    REQUIRE(desk.settings.logoutOnCardRemoval()); // on by default
    cardLogin(desk, *card);
    const QString token = desk.session.info().token;
    REQUIRE(server.client().get(QStringLiteral("/api/v1/account"), token).status == 200);

    card->control("remove");
    REQUIRE(QTest::qWaitFor([&] { return !desk.session.loggedIn(); }, waitMs));
    CHECK(loggedOut.count() == 1);
    // The server's session ended too.
    REQUIRE(QTest::qWaitFor(
        [&] { return server.client().get(QStringLiteral("/api/v1/account"), token).status == 401; },
        waitMs));
}

TEST_CASE("login: with the setting off, removing the card keeps the session", "[ui][login][pcsc]")
{
    servertest::TestServer server;
    servertest::clerkSession(server.client());
    const auto card = insertCard(QStringLiteral("iso-eid"));
    Desk desk(server.baseUrl());
    desk.settings.setLogoutOnCardRemoval(false);
    core::login::CardSessionGuard guard(desk.cards, desk.session, desk.runner, &desk.settings);
    QSignalSpy loggedOut(&guard, &core::login::CardSessionGuard::loggedOutByCardRemoval);
    cardLogin(desk, *card);

    QSignalSpy removed(&desk.cards, &core::cards::CardService::cardRemoved);
    card->control("remove");
    REQUIRE(QTest::qWaitFor([&] { return removed.count() >= 1; }, waitMs));
    QCoreApplication::processEvents();
    CHECK(desk.session.loggedIn());
    CHECK(loggedOut.count() == 0);
    CHECK(server.client().get(QStringLiteral("/api/v1/account"), desk.session.info().token).status
        == 200);
}

TEST_CASE("login: a card signed for the wrong origin is refused, and the origin setting mends it",
    "[ui][login][pcsc]")
{
    servertest::TestServer server;
    servertest::clerkSession(server.client()); // activated and set up: the login goes straight in
    const auto card = insertCard(QStringLiteral("iso-eid"));
    Desk desk(server.baseUrl());
    desk.signForTestOrigin = false; // signs for the loopback address the client talks to
    auto dialog = desk.openDialog();
    toPin(*dialog);
    enterPin(*dialog, rightPin);
    REQUIRE(waitForStep(*dialog, LoginStep::Failed));
    CHECK(label(*dialog, LoginStep::Failed, "errorMessage").contains("登入簽署的網址"));
    CHECK_FALSE(desk.session.loggedIn());
    CHECK(card->stats().at("tries") == 3); // the PIN was right: no try is lost

    // IT sets the service's public origin; the clerk tries again with the same card.
    desk.setItLoginOrigin(servertest::testOrigin);
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    click(*dialog, LoginStep::Failed, "errorRetry");
    toPin(*dialog); // the card is read again

    enterPin(*dialog, rightPin);
    REQUIRE(QTest::qWaitFor([&] { return accepted.count() == 1; }, waitMs));
    CHECK(desk.session.loggedIn());
    CHECK(pinVerifies(*card) == 2);
}

TEST_CASE(
    "login: a 健保卡 in the reader gives the password login its ID number", "[ui][login][pcsc]")
{
    servertest::TestServer server;
    const auto card = insertCard(QStringLiteral("nhi"),
        { "--nhi-id", "F128765439", "--nhi-name", QStringLiteral("陳同事") });
    Desk desk(server.baseUrl());
    auto dialog = desk.openDialog();
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    REQUIRE(waitForStep(*dialog, LoginStep::PasswordLogin));
    CHECK(child<QLineEdit>(*dialog, LoginStep::PasswordLogin, "passwordAccount")->text()
        == "F128765439");
    CHECK(label(*dialog, LoginStep::PasswordLogin, "passwordNhi") == "已由健保卡帶入身分證號。");
    CHECK(label(*dialog, LoginStep::PasswordLogin, "passwordNote")
              .contains("須以自然人憑證或機關憑證登入"));

    type(*dialog, LoginStep::PasswordLogin, "passwordSecret", QStringLiteral("Chen!2345"));
    click(*dialog, LoginStep::PasswordLogin, "passwordLogin");
    REQUIRE(QTest::qWaitFor([&] { return accepted.count() == 1; }, waitMs));
    CHECK(desk.session.info().assurance == core::api::Assurance::Password);
    CHECK_FALSE(desk.session.canWriteVacancies()); // vacancies need a card login
    CHECK(noFieldHolds(*dialog, QStringLiteral("Chen!2345")));
}

TEST_CASE("login: the password login, opened directly, shows a wrong password and then logs in",
    "[ui][login]")
{
    servertest::TestServer server;
    Desk desk(server.baseUrl());
    auto dialog = desk.openDialog();
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    dialog->showPasswordLogin();
    REQUIRE(dialog->currentPage() == dialog->page(LoginStep::PasswordLogin));

    type(*dialog, LoginStep::PasswordLogin, "passwordAccount", QStringLiteral("chen01"));
    type(*dialog, LoginStep::PasswordLogin, "passwordSecret", QStringLiteral("Wrong!2345"));
    click(*dialog, LoginStep::PasswordLogin, "passwordLogin");
    REQUIRE(QTest::qWaitFor(
        [&] { return !label(*dialog, LoginStep::PasswordLogin, "passwordError").isEmpty(); },
        waitMs));
    CHECK(label(*dialog, LoginStep::PasswordLogin, "passwordError") == "帳號或密碼錯誤。");
    CHECK_FALSE(desk.session.loggedIn());

    type(*dialog, LoginStep::PasswordLogin, "passwordSecret", QStringLiteral("Chen!2345"));
    click(*dialog, LoginStep::PasswordLogin, "passwordLogin");
    REQUIRE(QTest::qWaitFor([&] { return accepted.count() == 1; }, waitMs));
    CHECK(desk.session.info().assurance == core::api::Assurance::Password);
}
