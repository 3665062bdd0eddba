// LoginController after the card: activation, account setup, the password login, and the way
// out (retry, back, cancel).
#include "core/login/login_controller.hpp"
#include "core/login/login_service.hpp"

namespace core::login {

void LoginController::handleOutcome(const api::LoginOutcome& outcome, bool cardLogin)
{
    setBusy(false);
    if (outcome.activationRequired) {
        activationTicket_ = outcome.activationTicket;
        setStep(LoginStep::Activation);
        return;
    }
    activationTicket_.clear();
    session::SessionInfo info;
    info.assurance = outcome.assurance;
    info.account = outcome.account;
    info.token = outcome.session.token;
    info.expiresAt = outcome.session.expiresAt;
    info.accountSetupRequired = outcome.accountSetupRequired;
    if (cardLogin && report_) {
        info.reader = reader_;
        info.cardNumber = report_->cardNumber;
        info.cardKind = report_->kind;
    }
    pending_ = std::move(info);
    if (outcome.accountSetupRequired) {
        setStep(LoginStep::AccountSetup);
        return;
    }
    finish();
}

void LoginController::finish()
{
    session::SessionInfo info = std::move(*pending_);
    pending_.reset();
    info.accountSetupRequired = false;
    session_.begin(std::move(info));
    setStep(LoginStep::Done);
    emit finished();
}

void LoginController::activate(const QString& accountOrIdNumber)
{
    if (step_ != LoginStep::Activation || busy_)
        return;
    setBusy(true);
    setProblem({});
    service_.activate(this, activationTicket_, accountOrIdNumber.trimmed(),
        current(&LoginController::onActivated));
}

void LoginController::onActivated(const api::Result<api::LoginOutcome>& result)
{
    setBusy(false);
    if (result.ok()) {
        handleOutcome(*result, true);
        return;
    }
    LoginProblem problem = problemFor(result.failure);
    if (problem.retryStep == LoginStep::Activation || result.failure.kind != api::ErrorKind::Http)
        setProblem(problem); // the clerk corrects the entry (the ticket allows a few)
    else
        fail(problem);
}

void LoginController::setUpAccount(
    const QString& account, const QString& email, const QString& password)
{
    if (step_ != LoginStep::AccountSetup || busy_ || !pending_)
        return;
    setBusy(true);
    setProblem({});
    service_.setUpAccount(
        this, account, email, password, current(&LoginController::onAccountSetUp));
}

void LoginController::onAccountSetUp(const api::Result<QJsonObject>& result)
{
    setBusy(false);
    if (result.ok()) {
        pending_->account = *result;
        finish();
        return;
    }
    LoginProblem problem = problemFor(result.failure);
    if (problem.retryStep == LoginStep::AccountSetup || result.failure.kind != api::ErrorKind::Http)
        setProblem(problem);
    else
        fail(problem);
}

void LoginController::showPasswordLogin()
{
    abandon();
    heldPin_.reset();
    setBusy(false);
    setStep(LoginStep::PasswordLogin);
    readCard(); // silently: a 健保卡 in a reader gives the account field its ID number
}

void LoginController::loginWithPassword(const QString& account, const QString& password)
{
    if (step_ != LoginStep::PasswordLogin || busy_)
        return;
    setBusy(true);
    setProblem({});
    service_.passwordLogin(
        this, account.trimmed(), password, current(&LoginController::onPasswordLogin));
}

void LoginController::onPasswordLogin(const api::Result<api::LoginOutcome>& result)
{
    setBusy(false);
    if (result.ok())
        handleOutcome(*result, false);
    else
        setProblem(problemFor(result.failure));
}

void LoginController::backToCard()
{
    abandon();
    heldPin_.reset();
    dropServerSession();
    activationTicket_.clear();
    report_.reset();
    setBusy(false);
    setStep(LoginStep::Waiting);
    readCard();
}

void LoginController::retry()
{
    if (step_ != LoginStep::Failed || !problem_)
        return;
    const LoginStep target = problem_->retryStep;
    if (target == LoginStep::Pin && report_ && cardPresent(reader_)) {
        setStep(LoginStep::Pin);
        return;
    }
    if (target == LoginStep::PasswordLogin) {
        showPasswordLogin();
        return;
    }
    backToCard();
}

void LoginController::cancel()
{
    abandon();
    heldPin_.reset();
    activationTicket_.clear();
    dropServerSession();
    setBusy(false);
    started_ = false;
}

void LoginController::dropServerSession()
{
    if (!pending_)
        return;
    pending_.reset();
    // The service client holds the token of a login that was not finished: end it there.
    service_.logout();
}

} // namespace core::login
