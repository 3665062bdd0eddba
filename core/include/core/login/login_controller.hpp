#pragma once

#include "core/auth/pin_buffer.hpp"
#include "core/auth/pin_ledger.hpp"
#include "core/cards/card_inspector.hpp"
#include "core/cards/card_report.hpp"
#include "core/login/login_types.hpp"
#include "core/session/session_state.hpp"

#include <QMap>
#include <QObject>
#include <QString>
#include <memory>
#include <optional>

namespace core::cards {
class CardService;
struct CardError;
} // namespace core::cards
namespace core::session {
class ServiceRunner;
}
namespace core::settings {
class ClientSettings;
}
namespace core::api {
struct LoginOutcome;
}

namespace core::login {

/// The card login as a headless state machine (the login dialog is a view over it): waiting for
/// a card → the card → PIN → the server's challenge signed on the card's worker → activation →
/// account setup → SessionState::begin; and the password login. Lives on the GUI thread; every
/// card and network call is asynchronous. A PIN is sent at most once per submitPin(): a wrong
/// PIN comes back to the Pin step with the card's new count, and nothing retries by itself.
class LoginController : public QObject {
    Q_OBJECT
public:
    /// `settings` may be null (then: no preferred reader).
    LoginController(cards::CardService& cards, session::ServiceRunner& service,
        session::SessionState& session, settings::ClientSettings* settings,
        QObject* parent = nullptr);
    ~LoginController() override;

    /// The origin the card signs for: the settings' loginOrigin when set (a service behind a
    /// proxy), else the origin of the service's base URL.
    QString origin() const;

    /// Starts watching readers and cards; the Waiting step.
    void start();

    LoginStep step() const { return step_; }
    /// A call or card operation is under way (the page's buttons wait).
    bool busy() const { return busy_; }
    /// The last problem: shown on the Failed step, or on the page that stays (activation,
    /// account setup, password login, PIN). Cleared when the step changes.
    const std::optional<LoginProblem>& problem() const { return problem_; }

    // Waiting
    bool serviceAvailable() const { return serviceAvailable_; }
    QList<cards::ReaderState> readers() const;

    // Card and PIN
    const cards::CardReport* card() const { return report_ ? &*report_ : nullptr; }
    CertificateValidity validity() const;
    const auth::PinStatus& pinStatus() const { return pinStatus_; }
    PinLevel pinLevel() const { return pinLevelOf(pinStatus_); }
    /// The tries left the card reported after the last wrong PIN (since this card was read).
    std::optional<int> wrongPinTriesLeft() const { return wrongPinTriesLeft_; }
    /// The PIN lengths the card accepts (6–8 when the card does not say).
    int pinMinLength() const;
    int pinMaxLength() const;
    /// Whether the card's PIN may hold ASCII letters besides digits (HiCOS: yes).
    bool pinAllowsLetters() const;

    /// The ID number on a 健保卡 in a reader, for the password login's account field.
    const QString& nhiIdNumber() const { return nhiIdNumber_; }

    // What the clerk does.
    void proceedToPin(); ///< Card → Pin (only for a valid certificate)
    /// Pin → (ConfirmFinalTry →) Working. The buffer is taken and wiped after its one use.
    void submitPin(std::unique_ptr<auth::PinBuffer> pin);
    void confirmFinalTry(); ///< sends the held PIN with the last try confirmed
    void cancelFinalTry(); ///< wipes the held PIN, back to Pin
    void activate(const QString& accountOrIdNumber);
    void setUpAccount(const QString& account, const QString& email, const QString& password);
    void showPasswordLogin();
    void loginWithPassword(const QString& account, const QString& password);
    void backToCard(); ///< PasswordLogin/Activation/Failed → Waiting (reads a card present)
    void retry(); ///< Failed → the problem's retry step
    /// The clerk gave up (work offline, closed the dialog): wipes what is held and drops a
    /// server session that was not handed to SessionState.
    void cancel();

signals:
    void stepChanged(core::login::LoginStep step);
    void busyChanged(bool busy);
    void problemChanged();
    void readersChanged();
    void nhiIdNumberRead(const QString& idNumber);
    /// SessionState has begun with the account set up.
    void finished();

private:
    void setStep(LoginStep step);
    void setBusy(bool busy);
    void setProblem(std::optional<LoginProblem> problem);
    void fail(LoginProblem problem);
    void readCard();
    QString chooseReader() const;
    void onCardRead(const QString& reader, const cards::CardReport& report);
    void onCardGone(const QString& reader);
    void beginCardLogin(std::unique_ptr<auth::PinBuffer> pin, bool confirmLastTry);
    void onSignFailed(const cards::CardError& error);
    void handleOutcome(const api::LoginOutcome& outcome, bool cardLogin);
    void finish();
    void dropServerSession();
    bool cardPresent(const QString& reader) const;

    cards::CardService& cards_;
    session::ServiceRunner& service_;
    session::SessionState& session_;
    settings::ClientSettings* settings_;

    LoginStep step_ = LoginStep::Waiting;
    bool busy_ = false;
    std::optional<LoginProblem> problem_;
    bool started_ = false;
    bool serviceAvailable_ = true;
    QMap<QString, bool> readers_; // reader → holds a card
    quint64 generation_ = 0; // answers for an older card or step are dropped
    quint64 nhiReads_ = 0; // the same for the password login's quiet 健保卡 reads

    QString reader_; // the card's reader
    std::optional<cards::CardReport> report_;
    auth::PinStatus pinStatus_;
    std::optional<int> wrongPinTriesLeft_;
    std::unique_ptr<auth::PinBuffer> heldPin_; // only while ConfirmFinalTry
    QString nhiIdNumber_;

    QString activationTicket_;
    std::optional<session::SessionInfo> pending_; // a server session not yet begun (setup)
};

} // namespace core::login
