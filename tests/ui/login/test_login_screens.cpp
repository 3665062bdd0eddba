// The login's screens in both languages, drawn from the real dialog over the real pcscd and the
// iso-eid virtual card: the card and its PIN as the clerk first sees them, the PIN page after a
// wrong PIN (tries low), the final try's question, and the locked page. scripts/screenshots saves
// them into docs/screenshots/; ctest draws them into a temporary folder.
#include "../screens/screenshot_support.hpp"
#include "login_support.hpp"

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
