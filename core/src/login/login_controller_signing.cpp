// LoginController's card login, one named step after the other: the challenge (fetched ahead,
// renewed before it expires) → the card's signature → the server's answer.
#include "core/auth/auth_token.hpp"
#include "core/login/login_controller.hpp"
#include "core/login/login_service.hpp"

#include <algorithm>

namespace core::login {

namespace {

// A challenge is renewed this long before the server says it expires, and at the latest
// after `longestUse`, whatever a clock that is behind makes of its expiry.
constexpr qint64 renewalMarginMs = 30'000;
constexpr qint64 longestUseMs = 10 * 60'000;
// When this computer's clock is so far ahead that the challenge looks expired on arrival: use
// it for a while anyway; the server is the judge.
constexpr qint64 skewedClockUseMs = 60'000;

qint64 useFor(const QDateTime& now, const QDateTime& expiresAt)
{
    const qint64 lifetime = expiresAt.isValid() ? now.msecsTo(expiresAt) : 0;
    if (lifetime <= 0)
        return skewedClockUseMs;
    return std::min(std::max(lifetime - renewalMarginMs, lifetime / 2), longestUseMs);
}

LoginProblem tokenProblem(const auth::TokenError& error)
{
    LoginProblem problem;
    problem.message = error.userMessage();
    return problem;
}

} // namespace

void LoginController::requestChallenge()
{
    challengeAskedIn_ = generation_;
    service_.challenge(this, current(&LoginController::onChallenge));
}

void LoginController::onChallenge(const api::Result<api::Challenge>& result)
{
    challengeAskedIn_.reset();
    const bool pinWaits = step_ == LoginStep::Working && heldPin_;
    if (!result.ok()) {
        // Fetched ahead, a failure waits: submitting the PIN asks again.
        if (pinWaits) {
            auto problem = problemFor(result.failure);
            problem.retryStep = LoginStep::Pin;
            fail(problem);
        }
        return;
    }
    if (step_ != LoginStep::Pin && step_ != LoginStep::ConfirmFinalTry && !pinWaits)
        return; // the PIN step was left meanwhile
    const QDateTime now = clock_();
    const qint64 useMs = useFor(now, result->expiresAt);
    challenge_ = *result;
    challengeUsableUntil_ = now.addMSecs(useMs);
    challengeRenewal_.start(int(useMs));
    if (pinWaits)
        signChallenge(std::move(heldPin_), heldPinConfirmed_);
}

bool LoginController::challengeUsable() const
{
    return challenge_ && clock_() < challengeUsableUntil_;
}

void LoginController::dropChallenge()
{
    challenge_.reset();
    challengeUsableUntil_ = {};
    challengeRenewal_.stop();
}

void LoginController::signIn(std::unique_ptr<auth::PinBuffer> pin, bool confirmLastTry)
{
    setStep(LoginStep::Working);
    setBusy(true);
    if (challengeUsable()) {
        signChallenge(std::move(pin), confirmLastTry);
        return;
    }
    // Quicker than the network (or back from a sleep): the PIN waits for a fresh challenge.
    heldPin_ = std::move(pin);
    heldPinConfirmed_ = confirmLastTry;
    if (challengeAskedIn_ != generation_)
        requestChallenge();
}

void LoginController::signChallenge(std::unique_ptr<auth::PinBuffer> pin, bool confirmLastTry)
{
    QByteArray digest;
    try {
        digest = auth::authDigest(origin(), challenge_->nonce);
    } catch (const auth::TokenError& error) {
        fail(tokenProblem(error));
        return;
    }
    signedNonce_ = challenge_->nonce;
    cards_.sign(
        this, reader_, std::move(pin), digest, confirmLastTry, current(&LoginController::onSigned));
}

void LoginController::onSigned(const cards::CardResult<cards::CardSignature>& result)
{
    if (!result.ok()) {
        onSignFailed(*result.error);
        return;
    }
    pinStatus_.countLow = false;
    pinStatus_.triesLeft.reset();
    QJsonObject request;
    try {
        request = auth::certificateLoginRequest(signedNonce_,
            auth::buildAuthToken(
                result.value->certificate, result.value->signature, auth::appVersionUrl()));
    } catch (const auth::TokenError& error) {
        fail(tokenProblem(error));
        return;
    }
    dropChallenge(); // presented once, the nonce is spent
    service_.certificateLogin(this, request, current(&LoginController::onCertificateLogin));
}

void LoginController::onCertificateLogin(const api::Result<api::LoginOutcome>& result)
{
    if (!result.ok()) {
        auto problem = problemFor(result.failure);
        problem.retryStep = LoginStep::Waiting; // no ticket to retry with
        fail(problem);
        return;
    }
    handleOutcome(*result, true);
}

void LoginController::onSignFailed(const cards::CardFault& fault)
{
    setBusy(false);
    switch (fault.problem) {
    case cards::CardProblem::WrongPin:
        wrongPinTriesLeft_ = fault.triesLeft;
        pinStatus_.triesLeft = fault.triesLeft;
        pinStatus_.countLow = true;
        setStep(pinLevel() == PinLevel::Locked ? LoginStep::Locked : LoginStep::Pin);
        return;
    case cards::CardProblem::PinBlocked:
        pinStatus_.blocked = true;
        pinStatus_.triesLeft = 0;
        setStep(LoginStep::Locked);
        return;
    case cards::CardProblem::LastTryNeedsConfirmation:
    case cards::CardProblem::PinLengthInvalid:
    case cards::CardProblem::PinCharactersInvalid:
        // Nothing was sent; the clerk types the PIN again (and confirms the last try).
        if (fault.problem == cards::CardProblem::LastTryNeedsConfirmation)
            pinStatus_.triesLeft = 1;
        setStep(LoginStep::Pin);
        setProblem(problemFor(fault, LoginStep::Pin));
        return;
    case cards::CardProblem::NoCard:
    case cards::CardProblem::CardRemoved:
        report_.reset();
        setStep(LoginStep::Waiting);
        return;
    default:
        fail(problemFor(fault, LoginStep::Pin));
        return;
    }
}

} // namespace core::login
