// The card login with the HiCOS card models (gen1 and gen2) through the dialog, the real
// pcscd and the real server: the client signs directly over PC/SC (no vendor module), the
// server verifies the token, and the three strikes follow the card's own count. The card's log
// proves every PIN went in the card's protected form: plain VERIFYs stay at 0.
#include "login_support.hpp"

#include <QSignalSpy>

using namespace logintest;
using namespace testsupport;

namespace {

const QString letterPin = QStringLiteral("Ab12cD34"); // MOICA PINs mix letters and digits
const QString wrongLetterPin = QStringLiteral("ab12cd34");

const char* const hicosModels[] = { "moica-gen1", "moica-gen2" };

} // namespace

TEST_CASE("login: a HiCOS card logs in directly over PC/SC", "[ui][login][pcsc][hicos]")
{
    for (const char* personality : hicosModels) {
        INFO(personality);
        servertest::TestServer server;
        MessageLog messages;
        const auto card = insertCard(QString::fromLatin1(personality),
            { "--card-number", "TP00000000000077", "--pin", letterPin });
        Desk desk(server.baseUrl());
        auto dialog = desk.openDialog();
        QSignalSpy accepted(dialog.get(), &QDialog::accepted);
        toPin(*dialog);
        CHECK(label(*dialog, LoginStep::Pin, "cardSummary").contains("持卡人：王小明"));
        enterPin(*dialog, letterPin); // letters go in: the field follows the card's rules
        REQUIRE(waitForStep(*dialog, LoginStep::Activation));

        type(*dialog, LoginStep::Activation, "activationEntry", QStringLiteral("A123456789"));
        click(*dialog, LoginStep::Activation, "activationNext");
        REQUIRE(waitForStep(*dialog, LoginStep::AccountSetup));
        type(*dialog, LoginStep::AccountSetup, "setupAccount", QStringLiteral("wang77"));
        type(*dialog, LoginStep::AccountSetup, "setupEmail", QStringLiteral("wang77@test.gov.tw"));
        type(*dialog, LoginStep::AccountSetup, "setupPassword", QStringLiteral("Passw0rd!"));
        type(*dialog, LoginStep::AccountSetup, "setupConfirm", QStringLiteral("Passw0rd!"));
        click(*dialog, LoginStep::AccountSetup, "setupSubmit");
        REQUIRE(QTest::qWaitFor([&] { return accepted.count() == 1; }, waitMs));

        REQUIRE(desk.session.loggedIn());
        CHECK(desk.session.info().cardNumber == "TP00000000000077");
        CHECK(desk.session.info().cardKind == QLatin1String(personality));
        CHECK(desk.session.canWriteVacancies());
        CHECK(pinVerifies(*card) == 1);
        CHECK(card->stats().at("plain_verifies") == 0);
        CHECK(card->stats().at("signatures") == 1);
        CHECK_FALSE(messages.text().contains(letterPin));
        CHECK_FALSE(server.log().contains(letterPin));
    }
}

TEST_CASE(
    "login: three strikes on a HiCOS card, by the card's own count", "[ui][login][pcsc][hicos]")
{
    for (const char* personality : hicosModels) {
        INFO(personality);
        servertest::TestServer server;
        const auto card = insertCard(QString::fromLatin1(personality), { "--pin", letterPin });
        Desk desk(server.baseUrl());
        auto dialog = desk.openDialog();
        toPin(*dialog);
        // No status query on these cards: before a try, this computer's own count.
        CHECK(label(*dialog, LoginStep::Pin, "cardSummary").contains("密碼剩餘嘗試次數：3"));

        enterPin(*dialog, wrongLetterPin);
        REQUIRE(waitForStep(*dialog, LoginStep::Pin));
        CHECK(dialog->controller().wrongPinTriesLeft() == 2); // the card's 63C2
        CHECK(card->stats().at("tries") == 2);

        SECTION("a right PIN resets the count")
        {
            enterPin(*dialog, letterPin);
            REQUIRE(QTest::qWaitFor([&] { return card->stats().at("tries") == 3; }, waitMs));
        }
        SECTION("the final try asks first, a wrong one locks, and a locked card gets nothing")
        {
            enterPin(*dialog, wrongLetterPin);
            REQUIRE(waitForStep(*dialog, LoginStep::Pin));
            CHECK(card->stats().at("tries") == 1);
            const int sent = pinVerifies(*card);
            enterPin(*dialog, letterPin);
            REQUIRE(dialog->controller().step() == LoginStep::ConfirmFinalTry);
            QTest::qWait(300);
            CHECK(pinVerifies(*card) == sent);
            click(*dialog, LoginStep::ConfirmFinalTry, "finalTryCancel");
            REQUIRE(dialog->controller().step() == LoginStep::Pin);

            enterPin(*dialog, wrongLetterPin);
            REQUIRE(dialog->controller().step() == LoginStep::ConfirmFinalTry);
            click(*dialog, LoginStep::ConfirmFinalTry, "finalTryConfirm");
            REQUIRE(waitForStep(*dialog, LoginStep::Locked));
            CHECK(card->stats().at("tries") == 0);
            CHECK(pinVerifies(*card) == sent + 1);
            QTest::qWait(300);
            CHECK(pinVerifies(*card) == sent + 1);
        }
        CHECK(card->stats().at("plain_verifies") == 0);
    }
}
