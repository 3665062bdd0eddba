// The login's screens in both languages, drawn from the real dialog over the real pcscd and the
// iso-eid virtual card: the card and its PIN as the clerk first sees them, the PIN page after a
// wrong PIN (tries low), the final try's question, the locked page; waiting for a card, the first
// use's activation and account setup, the password login, the settings and the environment check.
// scripts/screenshots saves them into docs/screenshots/; ctest draws them into a temporary folder.
#include "../accessible_names.hpp"
#include "../screens/screenshot_support.hpp"
#include "core/diagnostics/environment_check.hpp"
#include "login_support.hpp"
#include "ui/diagnostics/environment_check_dialog.hpp"
#include "ui/settings/settings_dialog.hpp"

#include <QSignalSpy>

using namespace logintest;
using namespace screenshots;
using namespace testsupport;

TEST_CASE("screens: the card, tries low, the final try and the locked card", "[ui][screens][pcsc]")
{
    QTemporaryDir scratch;
    const QString dir = outputDir(scratch);
    servertest::TestServer server;

    for (const QString& language : { QStringLiteral("zh_TW"), QStringLiteral("en") }) {
        Language translation(language);
        {
            const auto card = insertCard(QStringLiteral("iso-eid"));
            Desk desk(server.baseUrl());
            auto dialog = desk.openDialog();
            toPin(*dialog);
            save(dialog.get(), dir, language, "login");
            CHECK(dialog->size() == ui::LoginDialog::fixedSize); // one size in both languages

            enterPin(*dialog, wrongPin);
            REQUIRE(waitForStep(*dialog, LoginStep::Pin));
            REQUIRE(dialog->controller().wrongPinTriesLeft() == 2);
            save(dialog.get(), dir, language, "pin-tries-low");
        }
        {
            const auto card = insertCard(QStringLiteral("iso-eid"), { "--tries", "1" });
            Desk desk(server.baseUrl());
            auto dialog = desk.openDialog();
            toPin(*dialog);
            enterPin(*dialog, wrongPin);
            REQUIRE(dialog->controller().step() == LoginStep::ConfirmFinalTry);
            save(dialog.get(), dir, language, "final-try");
            CHECK(pinVerifies(*card) == 0); // drawing the question sent nothing
        }
        {
            const auto card = insertCard(QStringLiteral("iso-eid"), { "--tries", "0" });
            Desk desk(server.baseUrl());
            auto dialog = desk.openDialog();
            REQUIRE(waitForStep(*dialog, LoginStep::Locked));
            save(dialog.get(), dir, language, "locked");
            CHECK(dialog->size() == ui::LoginDialog::fixedSize);
        }
    }
}

TEST_CASE("screens: waiting for a card, first use, password login, settings and the environment "
          "check",
    "[ui][screens][pcsc]")
{
    QTemporaryDir scratch;
    const QString dir = outputDir(scratch);

    for (const QString& language : { QStringLiteral("zh_TW"), QStringLiteral("en") }) {
        Language translation(language);
        // A server of its own per language: the first use is drawn before it is finished.
        servertest::TestServer server;
        {
            Desk desk(server.baseUrl());
            auto dialog = desk.openDialog();
            REQUIRE(waitForStep(*dialog, LoginStep::Waiting));
            save(dialog.get(), dir, language, "waiting");

            dialog->showPasswordLogin();
            REQUIRE(waitForStep(*dialog, LoginStep::PasswordLogin));
            type(*dialog, LoginStep::PasswordLogin, "passwordAccount", QStringLiteral("wang01"));
            save(dialog.get(), dir, language, "password-login");
        }
        {
            const auto card = insertCard(QStringLiteral("iso-eid"));
            Desk desk(server.baseUrl());
            auto dialog = desk.openDialog();
            toPin(*dialog);
            enterPin(*dialog, rightPin);
            REQUIRE(waitForStep(*dialog, LoginStep::Activation));
            type(*dialog, LoginStep::Activation, "activationEntry", QStringLiteral("A123456789"));
            save(dialog.get(), dir, language, "activation");

            click(*dialog, LoginStep::Activation, "activationNext");
            REQUIRE(waitForStep(*dialog, LoginStep::AccountSetup));
            type(*dialog, LoginStep::AccountSetup, "setupAccount", QStringLiteral("wang01"));
            type(*dialog, LoginStep::AccountSetup, "setupEmail",
                QStringLiteral("wang01@mail.example.gov.tw"));
            // Half-way through the password: the checklist shows the rules still to meet.
            type(*dialog, LoginStep::AccountSetup, "setupPassword", QStringLiteral("Taipei"));
            save(dialog.get(), dir, language, "account-setup");
            CHECK_FALSE(desk.session.loggedIn()); // nothing was submitted

            // Every check passes here: pcscd, the reader, the card, the service, the clock.
            ui::EnvironmentCheckDialog check(desk.context);
            check.resize(820, 640);
            check.show();
            QSignalSpy finished(check.check(), &core::diagnostics::EnvironmentCheck::finished);
            REQUIRE(finished.wait(120000));
            save(&check, dir, language, "environment-check");
            CHECK(uitest::unnamedControls(&check).isEmpty());

            // The settings as an agency's IT would leave them (the test server's own address
            // would say nothing to a reader of the guide).
            desk.settings.setServerUrl(QUrl(QStringLiteral("https://ecpa.example.gov.tw")));
            ui::SettingsDialog settings(desk.context);
            settings.resize(720, 620);
            save(&settings, dir, language, "settings");
            CHECK(uitest::unnamedControls(&settings).isEmpty());
        }
    }
}
