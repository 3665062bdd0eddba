// LoginController after the card: activation, account setup, the password login, and the way
// out (retry, back, cancel).
#include "core/api/service_client.hpp"
#include "core/login/login_controller.hpp"
#include "core/session/service_runner.hpp"

#include <QCoreApplication>

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
    const quint64 generation = ++generation_;
    setBusy(true);
    setProblem({});
    const QString ticket = activationTicket_;
    const QString value = accountOrIdNumber.trimmed();
    service_.run<api::LoginOutcome>(
        this,
        [ticket, value](api::ServiceClient& client) { return client.activate(ticket, value); },
        [this, generation](const api::Result<api::LoginOutcome>& outcome) {
            if (generation != generation_)
                return;
            setBusy(false);
            if (outcome.ok()) {
                handleOutcome(*outcome, true);
                return;
            }
            LoginProblem problem = problemFor(outcome.failure);
            if (problem.retryStep == LoginStep::Activation
                || outcome.failure.kind != api::ErrorKind::Http)
                setProblem(problem); // the clerk corrects the entry (the ticket allows a few)
            else
                fail(problem);
        });
}

void LoginController::setUpAccount(
    const QString& account, const QString& email, const QString& password)
{
    if (step_ != LoginStep::AccountSetup || busy_ || !pending_)
        return;
    const quint64 generation = ++generation_;
    setBusy(true);
    setProblem({});
    service_.run<QJsonObject>(
        this,
        [account, email, password](api::ServiceClient& client) {
            return client.setUpAccount(account, email, {}, password);
        },
        [this, generation](const api::Result<QJsonObject>& result) {
            if (generation != generation_)
                return;
            setBusy(false);
            if (result.ok()) {
                pending_->account = *result;
                finish();
                return;
            }
            LoginProblem problem = problemFor(result.failure);
            if (problem.retryStep == LoginStep::AccountSetup
                || result.failure.kind != api::ErrorKind::Http)
                setProblem(problem);
            else
                fail(problem);
        });
}

void LoginController::showPasswordLogin()
{
    ++generation_;
    heldPin_.reset();
    setBusy(false);
    setStep(LoginStep::PasswordLogin);
    readCard(); // silently: a 健保卡 in a reader gives the account field its ID number
}

void LoginController::loginWithPassword(const QString& account, const QString& password)
{
    if (step_ != LoginStep::PasswordLogin || busy_)
        return;
    const quint64 generation = ++generation_;
    setBusy(true);
    setProblem({});
    const QString name = account.trimmed();
    service_.run<api::LoginOutcome>(
        this,
        [name, password](
            api::ServiceClient& client) { return client.passwordLogin(name, password); },
        [this, generation](const api::Result<api::LoginOutcome>& outcome) {
            if (generation != generation_)
                return;
            setBusy(false);
            if (outcome.ok())
                handleOutcome(*outcome, false);
            else
                setProblem(problemFor(outcome.failure));
        });
}

void LoginController::backToCard()
{
    ++generation_;
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
    ++generation_;
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
    service_.run<api::Empty>(
        this, [](api::ServiceClient& client) { return client.logout(); },
        [](const api::Result<api::Empty>&) {});
}

} // namespace core::login
