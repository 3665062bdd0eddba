// First-time activation and account setup through the dialog: the ID number checked as typed,
// the seed's three failure messages (not in the personnel database, retired, not the card's
// owner), and a weak password refused by the setup page's live checklist.
#include "login_support.hpp"
#include "ui/widgets/password_rule_checklist.hpp"

#include <QSignalSpy>

using namespace logintest;
using namespace testsupport;

namespace {

/// 王小明's card, first login: the dialog on the activation page.
void toActivation(const ui::LoginDialog& dialog)
{
    toPin(dialog);
    enterPin(dialog, rightPin);
    REQUIRE(waitForStep(dialog, LoginStep::Activation));
}

QString activateWith(const ui::LoginDialog& dialog, const QString& entry)
{
    type(dialog, LoginStep::Activation, "activationEntry", entry);
    click(dialog, LoginStep::Activation, "activationNext");
    REQUIRE(QTest::qWaitFor([&] { return !dialog.controller().busy(); }, waitMs));
    return label(dialog, LoginStep::Activation, "activationError");
}

} // namespace

TEST_CASE("login: each activation failure shows the seed's message on the activation page",
    "[ui][login][pcsc]")
{
    servertest::TestServer server;
    const auto card = insertCard(QStringLiteral("iso-eid"));
    Desk desk(server.baseUrl());
    auto dialog = desk.openDialog();
    toActivation(*dialog);

    // The ID number is checked as typed.
    auto* next = child<QPushButton>(*dialog, LoginStep::Activation, "activationNext");
    type(*dialog, LoginStep::Activation, "activationEntry", QStringLiteral("A12345678"));
    CHECK(label(*dialog, LoginStep::Activation, "activationIdCheck")
        == "身分證號共 10 碼（已輸入 9 碼）");
    CHECK_FALSE(next->isEnabled());
    type(*dialog, LoginStep::Activation, "activationEntry", QStringLiteral("A123456788"));
    CHECK(
        label(*dialog, LoginStep::Activation, "activationIdCheck") == "身分證號格式或檢查碼不正確");
    CHECK_FALSE(next->isEnabled());
    type(*dialog, LoginStep::Activation, "activationEntry", QStringLiteral("a123456789"));
    CHECK(label(*dialog, LoginStep::Activation, "activationIdCheck") == "身分證號格式正確");
    CHECK(next->isEnabled());
    type(*dialog, LoginStep::Activation, "activationEntry", QStringLiteral("chen01"));
    CHECK(label(*dialog, LoginStep::Activation, "activationIdCheck").isEmpty()); // an account
    CHECK(next->isEnabled());

    // (1) not in the personnel database: a well-formed ID nobody in the seed has.
    CHECK(activateWith(*dialog, QStringLiteral("A100000001"))
              .startsWith("自訂帳號或身分證號驗證不存在於本總處公務人力資料庫中"));
    CHECK(dialog->controller().step() == LoginStep::Activation);
    // (2) retired: 林退休 is inactive.
    CHECK(activateWith(*dialog, QStringLiteral("B223456782"))
              .contains("失敗原因：此身份證字號已停用，可能是此帳號之人事資料為卸職狀態"));
    CHECK(dialog->controller().step() == LoginStep::Activation);
    // (3) another 王小明: not the card's owner.
    CHECK(activateWith(*dialog, QStringLiteral("A298765437"))
              .contains("此身份證字號與使用的自然人憑證序號向憑證中心查詢回應並不是同一個使用者"));
    CHECK(dialog->controller().step() == LoginStep::Activation);
    CHECK_FALSE(desk.session.loggedIn());

    // The right one goes on to the account setup.
    type(*dialog, LoginStep::Activation, "activationEntry", QStringLiteral("A123456789"));
    click(*dialog, LoginStep::Activation, "activationNext");
    REQUIRE(waitForStep(*dialog, LoginStep::AccountSetup));
    CHECK(pinVerifies(*card) == 1); // activation never goes back to the card
}

TEST_CASE("login: the account setup refuses a weak password, and nothing opens until it is done",
    "[ui][login][pcsc]")
{
    servertest::TestServer server;
    const auto card = insertCard(QStringLiteral("iso-eid"));
    Desk desk(server.baseUrl());
    auto dialog = desk.openDialog();
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    toActivation(*dialog);
    type(*dialog, LoginStep::Activation, "activationEntry", QStringLiteral("A123456789"));
    click(*dialog, LoginStep::Activation, "activationNext");
    REQUIRE(waitForStep(*dialog, LoginStep::AccountSetup));

    auto* submit = child<QPushButton>(*dialog, LoginStep::AccountSetup, "setupSubmit");
    auto* checklist
        = child<ui::PasswordRuleChecklist>(*dialog, LoginStep::AccountSetup, "setupChecklist");
    CHECK_FALSE(submit->isEnabled());
    type(*dialog, LoginStep::AccountSetup, "setupAccount", QStringLiteral("wang01"));
    type(*dialog, LoginStep::AccountSetup, "setupEmail", QStringLiteral("wang01@test.gov.tw"));

    // Letters only, and a password with a forbidden character: the checklist says which rule
    // fails, and 送出 stays off.
    for (const QString& weak : { QStringLiteral("password"), QStringLiteral("Passw0rd&") }) {
        type(*dialog, LoginStep::AccountSetup, "setupPassword", weak);
        type(*dialog, LoginStep::AccountSetup, "setupConfirm", weak);
        CHECK_FALSE(checklist->satisfied());
        bool someRuleFails = false;
        for (int row = 0; row < checklist->rowCount(); ++row)
            someRuleFails = someRuleFails || !checklist->rowPassed(row);
        CHECK(someRuleFails);
        CHECK_FALSE(submit->isEnabled());
        QTest::mouseClick(submit, Qt::LeftButton);
        CHECK_FALSE(dialog->controller().busy()); // nothing was sent
    }
    // A good password typed differently twice is not accepted either.
    type(*dialog, LoginStep::AccountSetup, "setupPassword", QStringLiteral("Passw0rd!"));
    type(*dialog, LoginStep::AccountSetup, "setupConfirm", QStringLiteral("Passw0rd?"));
    CHECK_FALSE(submit->isEnabled());

    // Nothing else opens meanwhile: no session, and no way around the page but leaving.
    CHECK_FALSE(desk.session.loggedIn());
    CHECK(dialog->findChild<QPushButton*>(QStringLiteral("toPasswordLogin"))->isHidden());
    CHECK(accepted.count() == 0);

    // The server applies the same rule (core::auth): a weak password never gets through.
    dialog->controller().setUpAccount(
        QStringLiteral("wang01"), QStringLiteral("wang01@test.gov.tw"), QStringLiteral("password"));
    REQUIRE(QTest::qWaitFor([&] { return !dialog->controller().busy(); }, waitMs));
    CHECK(dialog->controller().step() == LoginStep::AccountSetup);
    CHECK(label(*dialog, LoginStep::AccountSetup, "setupError").startsWith("密碼長度須 8 碼以上"));
    CHECK_FALSE(desk.session.loggedIn());

    type(*dialog, LoginStep::AccountSetup, "setupConfirm", QStringLiteral("Passw0rd!"));
    CHECK(checklist->satisfied());
    click(*dialog, LoginStep::AccountSetup, "setupSubmit");
    REQUIRE(QTest::qWaitFor([&] { return accepted.count() == 1; }, waitMs));
    CHECK(desk.session.loggedIn());
    CHECK_FALSE(desk.session.info().accountSetupRequired);
}
