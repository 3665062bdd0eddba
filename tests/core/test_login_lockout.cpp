// The PIN's lockout as the login controller runs it, against a scripted card: tries left, the
// final try's confirmation, the locked card, the card leaving, and answers that come too late.
#include "login_fixture.hpp"

using namespace logintest;
using core::cards::CardProblem;
using core::cards::CardSignature;

TEST_CASE("lockout: a wrong PIN comes back to the PIN step with the card's count", "[login]")
{
    Login login;
    login.toPin(triesLeft(3));
    CHECK(login.controller.pinLevel() == PinLevel::Normal);
    login.challengeArrives();
    login.controller.submitPin(pinOf("654321"));
    login.card.answerSigning(FakeCard::refused<CardSignature>(CardProblem::WrongPin, 2));

    CHECK(login.controller.step() == LoginStep::Pin);
    CHECK(login.controller.wrongPinTriesLeft() == 2);
    CHECK(login.controller.pinLevel() == PinLevel::TriesLow);
    CHECK_FALSE(login.controller.busy());
    // Nothing retries by itself, and the challenge the card never got to the server still holds.
    CHECK(login.card.signings.empty());
    CHECK(login.service.logins.empty());
    CHECK(login.service.challenges.empty());

    login.controller.submitPin(pinOf("123456"));
    REQUIRE(login.card.signings.size() == 1);
    CHECK(login.card.signings.front().digest == login.digestFor(login.lastNonce()));
}

TEST_CASE("lockout: a PIN of the wrong length is not sent", "[login]")
{
    Login login;
    login.toPin();
    login.challengeArrives();
    login.controller.submitPin(pinOf("12345"));
    CHECK(login.controller.step() == LoginStep::Pin);
    REQUIRE(login.controller.problem());
    CHECK(login.card.signings.empty());
}

TEST_CASE("lockout: the final try asks before anything is sent", "[login]")
{
    Login login;
    login.toPin(triesLeft(1));
    CHECK(login.controller.pinLevel() == PinLevel::FinalTry);
    login.challengeArrives();

    login.controller.submitPin(pinOf("654321"));
    CHECK(login.controller.step() == LoginStep::ConfirmFinalTry);
    CHECK(login.card.signings.empty());

    SECTION("cancelled: the held PIN goes, and nothing was sent")
    {
        login.controller.cancelFinalTry();
        CHECK(login.controller.step() == LoginStep::Pin);
        login.controller.confirmFinalTry(); // nothing held any more
        CHECK(login.card.signings.empty());
    }
    SECTION("confirmed, and wrong: the card locks")
    {
        login.controller.confirmFinalTry();
        REQUIRE(login.card.signings.size() == 1);
        CHECK(login.card.signings.front().confirmLastTry);
        CHECK(login.card.signings.front().pin == "654321");
        login.card.answerSigning(FakeCard::refused<CardSignature>(CardProblem::WrongPin, 0));
        CHECK(login.controller.step() == LoginStep::Locked);
        CHECK(login.controller.pinLevel() == PinLevel::Locked);
        login.controller.submitPin(pinOf("123456")); // nothing more goes to a locked card
        CHECK(login.controller.step() == LoginStep::Locked);
        CHECK(login.card.signings.empty());
    }
    SECTION("confirmed, and right: the session begins")
    {
        login.controller.confirmFinalTry();
        login.card.answerSigning(FakeCard::ok(core::cards::CardSignature {
            QByteArray("signature"), QByteArray("certificate-der"), {} }));
        login.service.answerLogin(FakeService::ok(sessionOutcome()));
        CHECK(login.controller.step() == LoginStep::Done);
        CHECK(login.controller.pinLevel() == PinLevel::Normal);
    }
}

TEST_CASE("lockout: the card asks for the last try's confirmation itself", "[login]")
{
    Login login;
    login.toPin(triesLeft(3)); // the ledger did not know
    login.challengeArrives();
    login.controller.submitPin(pinOf("123456"));
    login.card.answerSigning(
        FakeCard::refused<CardSignature>(CardProblem::LastTryNeedsConfirmation, 1));
    CHECK(login.controller.step() == LoginStep::Pin);
    REQUIRE(login.controller.problem());
    CHECK(login.controller.pinLevel() == PinLevel::FinalTry);

    login.controller.submitPin(pinOf("123456"));
    CHECK(login.controller.step() == LoginStep::ConfirmFinalTry);
}

TEST_CASE("lockout: a locked card gets no PIN step and no challenge", "[login]")
{
    Login login;
    login.controller.start();
    login.card.answerInspection(FakeCard::ok(citizenCard()));
    core::auth::PinStatus blocked;
    blocked.blocked = true;
    login.card.answerPinStatus(blocked);
    CHECK(login.controller.step() == LoginStep::Locked);
    login.controller.submitPin(pinOf("123456"));
    CHECK(login.controller.step() == LoginStep::Locked);
    CHECK(login.card.signings.empty());
    CHECK(login.service.challenges.empty());
}

TEST_CASE("lockout: the card blocked while signing shows the locked step", "[login]")
{
    Login login;
    login.toPin();
    login.challengeArrives();
    login.controller.submitPin(pinOf("123456"));
    login.card.answerSigning(FakeCard::refused<CardSignature>(CardProblem::PinBlocked));
    CHECK(login.controller.step() == LoginStep::Locked);
    CHECK(login.controller.pinStatus().blocked);
}

TEST_CASE("lockout: the card leaving drops the PIN and every answer still under way", "[login]")
{
    Login login;
    login.toPin();

    SECTION("on the PIN step")
    {
        login.card.remove(reader);
        CHECK(login.controller.step() == LoginStep::Waiting);
        login.challengeArrives(); // late: nothing follows
        CHECK(login.controller.step() == LoginStep::Waiting);
    }
    SECTION("while the PIN waits for the challenge")
    {
        login.controller.submitPin(pinOf("123456"));
        login.card.remove(reader);
        CHECK(login.controller.step() == LoginStep::Waiting);
        CHECK_FALSE(login.controller.busy());
        login.challengeArrives();
        CHECK(login.card.signings.empty());
    }
    SECTION("while the card signs")
    {
        login.challengeArrives();
        login.controller.submitPin(pinOf("123456"));
        login.card.answerSigning(FakeCard::refused<CardSignature>(CardProblem::CardRemoved));
        CHECK(login.controller.step() == LoginStep::Waiting);
        CHECK_FALSE(login.controller.card());
    }
    SECTION("and back: the old card's answers are dropped")
    {
        login.card.remove(reader);
        login.card.insert(reader);
        CHECK(login.controller.step() == LoginStep::ReadingCard);
        login.challengeArrives(); // asked for the card that left
        CHECK(login.controller.step() == LoginStep::ReadingCard);
        login.card.answerInspection(FakeCard::ok(citizenCard()));
        login.card.answerPinStatus(triesLeft(3));
        CHECK(login.controller.step() == LoginStep::Pin);
        CHECK(login.service.challenges.size() == 1); // a new one for the new card
    }
}

TEST_CASE("lockout: a card that cannot be read fails, one that is not there waits", "[login]")
{
    Login login;
    login.controller.start();
    SECTION("unreadable")
    {
        login.card.answerInspection(
            FakeCard::refused<core::cards::CardReport>(CardProblem::UnreadableCard));
        CHECK(login.controller.step() == LoginStep::Failed);
        CHECK(login.controller.problem()->retryStep == LoginStep::Waiting);
    }
    SECTION("gone before it was read")
    {
        login.card.answerInspection(
            FakeCard::refused<core::cards::CardReport>(CardProblem::NoCard));
        CHECK(login.controller.step() == LoginStep::Waiting);
        CHECK_FALSE(login.controller.problem());
    }
}
