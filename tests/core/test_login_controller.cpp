// The card login as a state machine, against a scripted card and a scripted service: the
// challenge fetched ahead, the PIN's one trip to the card, and what each answer leads to.
#include "login_fixture.hpp"

#include <QSignalSpy>
#include <QTest>

using namespace logintest;

TEST_CASE(
    "login: the challenge is fetched as the PIN step opens, and the PIN goes at once", "[login]")
{
    Login login;
    QSignalSpy finished(&login.controller, &core::login::LoginController::finished);
    login.toPin();
    REQUIRE(login.service.challenges.size() == 1);
    login.challengeArrives();
    const QString nonce = login.lastNonce();

    login.controller.submitPin(pinOf("123456"));
    CHECK(login.controller.step() == LoginStep::Working);
    REQUIRE(login.card.signings.size() == 1);
    const auto& signing = login.card.signings.front();
    CHECK(signing.reader == reader);
    CHECK(signing.pin == "123456");
    CHECK(signing.digest == login.digestFor(nonce));
    CHECK_FALSE(signing.confirmLastTry);

    login.card.answerSigning(FakeCard::ok(signature()));
    REQUIRE(login.service.logins.size() == 1);
    const QJsonObject request = login.service.logins.front().first;
    CHECK(request.value(QStringLiteral("nonce")).toString() == nonce);
    CHECK(request.value(QStringLiteral("authToken")).toObject().value("signature").toString()
        == QString::fromLatin1(QByteArray("signature").toBase64()));

    login.service.answerLogin(FakeService::ok(sessionOutcome()));
    CHECK(login.controller.step() == LoginStep::Done);
    CHECK(finished.count() == 1);
    REQUIRE(login.session.loggedIn());
    CHECK(login.session.info().cardNumber == "TP00000000000042");
    CHECK(login.session.info().reader == reader);
    CHECK(login.service.challenges.empty()); // one challenge for the whole login
    CHECK(login.service.issued == 1);
}

TEST_CASE("login: a PIN quicker than the challenge waits for it, then goes", "[login]")
{
    Login login;
    login.toPin();
    login.controller.submitPin(pinOf("123456"));
    CHECK(login.controller.step() == LoginStep::Working);
    CHECK(login.controller.busy());
    CHECK(login.card.signings.empty());
    CHECK(login.service.challenges.size() == 1); // the one asked for as the step opened

    login.challengeArrives();
    REQUIRE(login.card.signings.size() == 1);
    CHECK(login.card.signings.front().digest == login.digestFor(login.lastNonce()));
}

TEST_CASE("login: an expired challenge is replaced before the card signs", "[login]")
{
    Login login;
    login.toPin();
    login.challengeArrives();
    const QString first = login.lastNonce();

    login.now = login.now.addSecs(600); // the clerk was away (or the computer slept)
    login.controller.submitPin(pinOf("123456"));
    CHECK(login.card.signings.empty());
    REQUIRE(login.service.challenges.size() == 1);
    login.challengeArrives();
    REQUIRE(login.card.signings.size() == 1);
    CHECK(login.lastNonce() != first);
    CHECK(login.card.signings.front().digest == login.digestFor(login.lastNonce()));
}

TEST_CASE("login: the challenge is renewed before it expires", "[login]")
{
    Login login;
    login.toPin();
    login.service.answerChallenge(login.now.addSecs(1)); // about to expire
    CHECK(login.service.challenges.empty());
    REQUIRE(QTest::qWaitFor([&] { return login.service.challenges.size() == 1; }, 10000));
    login.challengeArrives();
    login.controller.submitPin(pinOf("123456"));
    REQUIRE(login.card.signings.size() == 1);
    CHECK(login.card.signings.front().digest == login.digestFor(login.lastNonce()));
}

TEST_CASE("login: a challenge that does not come fails the login, and nothing reaches the card",
    "[login]")
{
    Login login;
    login.toPin();
    login.service.failChallenge(); // fetched ahead: nothing to show yet
    CHECK(login.controller.step() == LoginStep::Pin);
    CHECK_FALSE(login.controller.problem());

    login.controller.submitPin(pinOf("123456"));
    REQUIRE(login.service.challenges.size() == 1); // asked again for the PIN
    login.service.failChallenge();
    CHECK(login.card.signings.empty());
    REQUIRE(login.controller.step() == LoginStep::Failed);
    CHECK(login.controller.problem()->retryStep == LoginStep::Pin);
    CHECK(login.controller.problem()->kind == core::api::ErrorKind::Network);
    CHECK_FALSE(login.controller.busy());

    login.controller.retry();
    CHECK(login.controller.step() == LoginStep::Pin);
    CHECK(login.service.challenges.size() == 1);
}

TEST_CASE("login: each refusal of the service ends on the failed step", "[login]")
{
    struct Refusal {
        int status;
        const char* code;
        core::api::ServiceError error;
        bool retryMakesSense;
    };
    using core::api::ServiceError;
    const Refusal refusal
        = GENERATE(Refusal { 401, "nonce-invalid", ServiceError::NonceInvalid, true },
            Refusal { 401, "signature-invalid", ServiceError::SignatureInvalid, true },
            Refusal { 401, "certificate-expired", ServiceError::CertificateExpired, false },
            Refusal { 401, "certificate-revoked", ServiceError::CertificateRevoked, false },
            Refusal { 401, "certificate-untrusted", ServiceError::CertificateUntrusted, false },
            Refusal { 503, "revocation-unavailable", ServiceError::RevocationUnavailable, true },
            Refusal { 403, "agency-not-found", ServiceError::AgencyNotFound, false },
            Refusal { 503, "database-unavailable", ServiceError::DatabaseUnavailable, true });
    INFO(refusal.code);

    Login login;
    login.toPin();
    login.challengeArrives();
    login.controller.submitPin(pinOf("123456"));
    login.card.answerSigning(FakeCard::ok(signature()));
    login.service.answerLogin(FakeService::refused<core::api::LoginOutcome>(
        refusal.status, QString::fromLatin1(refusal.code)));

    REQUIRE(login.controller.step() == LoginStep::Failed);
    const auto& problem = *login.controller.problem();
    CHECK(problem.serviceError == refusal.error);
    CHECK(problem.retryMakesSense == refusal.retryMakesSense);
    CHECK(problem.retryStep == LoginStep::Waiting); // a spent nonce: start again from the card
    CHECK_FALSE(problem.message.isEmpty());
    CHECK_FALSE(login.controller.busy());
    CHECK_FALSE(login.session.loggedIn());
    CHECK(login.card.signings.empty()); // the PIN went to the card once
}

TEST_CASE("login: a service that cannot be reached after the signature", "[login]")
{
    Login login;
    login.toPin();
    login.challengeArrives();
    login.controller.submitPin(pinOf("123456"));
    login.card.answerSigning(FakeCard::ok(signature()));
    login.service.answerLogin(FakeService::unreachable<core::api::LoginOutcome>());
    REQUIRE(login.controller.step() == LoginStep::Failed);
    CHECK(login.controller.problem()->message
        == "無法連線到中央服務。請確認網路後再試一次，或先離線作業。");
    CHECK(login.controller.problem()->retryMakesSense);
}
