// 我的專區 against the real server: 個人資料修改 (e-mail, phone) and 修改密碼 under the seed's
// rule, as the clerk chen01 with a password session.

#include "../accessible_names.hpp"
#include "account_fixture.hpp"
#include "ui/account/account_dialog.hpp"
#include "ui/account/account_messages.hpp"
#include "ui/widgets/password_rule_checklist.hpp"

#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace accounttest;

namespace {

void typeText(QLineEdit* edit, const QString& text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

} // namespace

TEST_CASE("the account page changes the e-mail and phone on the server", "[ui][account]")
{
    Fixture fixture;
    fixture.passwordLogin();
    ui::AccountDialog dialog(fixture.context);
    dialog.show();
    // The page fills from the session (then from GET /account, unless the clerk typed).
    CHECK(dialog.emailEdit()->text() == fixture.session.info().account.value("email").toString());
    INFO(uitest::unnamedControls(&dialog).join(QStringLiteral(", ")).toStdString());
    CHECK(uitest::unnamedControls(&dialog).isEmpty());

    typeText(dialog.emailEdit(), QStringLiteral("not-an-email"));
    QTest::mouseClick(dialog.saveProfileButton(), Qt::LeftButton);
    CHECK(dialog.profileMessage()->text() == QStringLiteral("電子郵件格式不正確。"));

    typeText(dialog.emailEdit(), QStringLiteral("chen.new@test.gov.tw"));
    typeText(dialog.phoneEdit(), QStringLiteral("02-2345-6789#123"));
    // A password session types its password for any change.
    QTest::mouseClick(dialog.saveProfileButton(), Qt::LeftButton);
    CHECK(dialog.profileMessage()->text() == QStringLiteral("請輸入目前密碼。"));
    typeText(dialog.profilePasswordEdit(), chenPassword);
    QSignalSpy saved(&dialog, &ui::AccountDialog::profileSaved);
    QTest::mouseClick(dialog.saveProfileButton(), Qt::LeftButton);
    saved.wait(60000);
    INFO(dialog.profileMessage()->text().toStdString());
    REQUIRE(saved.count() == 1);
    CHECK(dialog.profileMessage()->text() == QStringLiteral("個人資料已修改。"));
    CHECK(fixture.session.info().account.value("email").toString()
        == QStringLiteral("chen.new@test.gov.tw"));

    // What the server now holds, read back through the client.
    const auto account = await<QJsonObject>(
        *fixture.runner, [](core::api::ServiceClient& client) { return client.account(); });
    REQUIRE(account.ok());
    CHECK(account->value("email").toString() == QStringLiteral("chen.new@test.gov.tw"));
    CHECK(account->value("phone").toString() == QStringLiteral("02-2345-6789#123"));
}

TEST_CASE("the password page follows the rule, refuses a wrong current password and changes it",
    "[ui][account]")
{
    Fixture fixture;
    fixture.passwordLogin();
    ui::AccountDialog dialog(fixture.context);
    dialog.show();
    REQUIRE_FALSE(dialog.currentPasswordEdit()->isHidden()); // a password session

    // A weak password: the checklist shows what is missing and 送出 stays off.
    typeText(dialog.currentPasswordEdit(), chenPassword);
    typeText(dialog.newPasswordEdit(), QStringLiteral("abc"));
    typeText(dialog.confirmPasswordEdit(), QStringLiteral("abc"));
    ui::PasswordRuleChecklist* checklist = dialog.checklist();
    CHECK_FALSE(checklist->satisfied());
    CHECK_FALSE(checklist->rowPassed(0)); // length
    CHECK(checklist->rowPassed(1)); // letter
    CHECK_FALSE(checklist->rowPassed(2)); // digit
    CHECK(checklist->rowText(0).startsWith(QStringLiteral("✗")));
    CHECK(checklist->rowText(1).startsWith(QStringLiteral("✓")));
    CHECK_FALSE(dialog.submitPasswordButton()->isEnabled());

    // A forbidden character fails its row although every other rule is met.
    typeText(dialog.newPasswordEdit(), QStringLiteral("Abcd12!&x"));
    typeText(dialog.confirmPasswordEdit(), QStringLiteral("Abcd12!&x"));
    CHECK_FALSE(checklist->rowPassed(4));
    CHECK_FALSE(dialog.submitPasswordButton()->isEnabled());

    // A good one, mistyped in the confirmation.
    const QString fresh = QStringLiteral("Fresh#2026a");
    typeText(dialog.newPasswordEdit(), fresh);
    typeText(dialog.confirmPasswordEdit(), fresh + QStringLiteral("x"));
    CHECK_FALSE(checklist->satisfied());
    typeText(dialog.confirmPasswordEdit(), fresh);
    CHECK(checklist->satisfied());
    CHECK(dialog.submitPasswordButton()->isEnabled());

    // The wrong current password: the server's current-password-invalid, in words.
    typeText(dialog.currentPasswordEdit(), QStringLiteral("Wrong!2345"));
    QSignalSpy failed(&dialog, &ui::AccountDialog::failed);
    QTest::mouseClick(dialog.submitPasswordButton(), Qt::LeftButton);
    REQUIRE(failed.wait(60000));
    CHECK(dialog.passwordMessage()->text() == QStringLiteral("目前密碼不正確，請重新輸入。"));
    CHECK(dialog.currentPasswordEdit()->text().isEmpty());

    typeText(dialog.currentPasswordEdit(), chenPassword);
    QSignalSpy changed(&dialog, &ui::AccountDialog::passwordChanged);
    QTest::mouseClick(dialog.submitPasswordButton(), Qt::LeftButton);
    REQUIRE(changed.wait(60000));
    CHECK(dialog.newPasswordEdit()->text().isEmpty());

    // The new password logs in; the old one no longer does.
    core::api::ServiceConfig config;
    config.baseUrl = QUrl(fixture.server.baseUrl());
    core::session::ServiceRunner other(config);
    const auto oldLogin
        = await<core::api::LoginOutcome>(other, [](core::api::ServiceClient& client) {
              return client.passwordLogin(chenAccount, chenPassword);
          });
    CHECK(oldLogin.failure.error == core::api::ServiceError::CredentialsInvalid);
    const auto newLogin
        = await<core::api::LoginOutcome>(other, [fresh](core::api::ServiceClient& client) {
              return client.passwordLogin(chenAccount, fresh);
          });
    CHECK(newLogin.ok());
}

TEST_CASE("the server's password-policy refusal is shown in words", "[ui][account]")
{
    core::api::Failure failure;
    failure.kind = core::api::ErrorKind::Http;
    failure.httpStatus = 422;
    failure.error = core::api::ServiceError::PasswordPolicy;
    failure.code = QStringLiteral("password-policy");
    failure.fields = QJsonObject { { "newPassword", QJsonArray { "too-short", "needs-digit" } } };
    CHECK(ui::accountFailureText(failure)
        == QStringLiteral("新密碼不符合密碼規則：長度不足8碼、沒有數字。"));
}
