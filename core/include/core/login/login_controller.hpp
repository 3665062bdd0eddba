#pragma once

#include "core/api/login_types.hpp"
#include "core/api/result.hpp"
#include "core/auth/pin_buffer.hpp"
#include "core/auth/pin_ledger.hpp"
#include "core/cards/card_access.hpp"
#include "core/login/login_types.hpp"
#include "core/session/session_state.hpp"

#include <QDateTime>
#include <QMap>
#include <QObject>
#include <QString>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

namespace core::settings {
class ClientSettings;
}

namespace core::login {

class LoginService;

/// The card login as a headless state machine (the login dialog is a view over it): waiting for
/// a card → the card → PIN → the server's challenge signed by the card → activation → account
/// setup → SessionState::begin; and the password login. Lives on the GUI thread; every card and
/// network call is asynchronous, through two ports (cards::CardAccess, LoginService). The
/// challenge is fetched when the PIN step opens and renewed before it expires, so a PIN goes to
/// the card as soon as it is submitted. A PIN is sent at most once per submitPin(): a wrong PIN
/// comes back to the Pin step with the card's new count, and nothing retries by itself.
class LoginController : public QObject {
    Q_OBJECT
public:
    /// `settings` may be null (then: no preferred reader).
    LoginController(cards::CardAccess& cards, LoginService& service, session::SessionState& session,
        settings::ClientSettings* settings, QObject* parent = nullptr);
    ~LoginController() override;

    /// The clock the challenge's age is judged by (UTC); tests stand in for a slow clerk.
    void setClock(std::function<QDateTime()> clock);

    /// The origin the card signs for: the settings' loginOrigin when set (a service behind a
    /// proxy), else the origin of the service's base URL.
    QString origin() const;
    /// The origin differs from the service's and the clerk's own settings (not IT's) made it
    /// so: the clerk must confirm it before a PIN is sent (confirmOrigin).
    bool originNeedsConfirmation() const;
    bool originConfirmed() const { return originConfirmed_; }
    void confirmOrigin(bool confirmed);

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
    /// `next` as the callback of a call: dropped when the card, step or login it was asked for
    /// has been left since (generation_ moved on).
    template <typename Answer> auto current(void (LoginController::*next)(const Answer&))
    {
        return [this, next, generation = generation_](const Answer& answer) {
            if (generation == generation_)
                (this->*next)(answer);
        };
    }
    void abandon(); ///< answers still under way are for a login that is over
    QString serviceOrigin() const; ///< the origin of the service's base URL

    void setStep(LoginStep step);
    void setBusy(bool busy);
    void setProblem(std::optional<LoginProblem> problem);
    void fail(LoginProblem problem);
    bool cardPresent(const QString& reader) const;
    QString chooseReader() const;

    // The card: read it, then its PIN status.
    void readCard();
    void onCardInspected(const cards::CardResult<cards::CardReport>& result);
    void onNhiInspected(const cards::CardResult<cards::CardReport>& result);
    void onCardRead(const cards::CardReport& report);
    void onPinStatus(const cards::CardResult<auth::PinStatus>& result);
    void onCardGone(const QString& reader);

    // The challenge, fetched ahead while the PIN step is open.
    void requestChallenge();
    void onChallenge(const api::Result<api::Challenge>& result);
    bool challengeUsable() const;
    void dropChallenge();

    // The card login, one step after the other.
    void signIn(std::unique_ptr<auth::PinBuffer> pin, bool confirmLastTry);
    void signChallenge(std::unique_ptr<auth::PinBuffer> pin, bool confirmLastTry);
    void onSigned(const cards::CardResult<cards::CardSignature>& result);
    void onSignFailed(const cards::CardFault& fault);
    void onCertificateLogin(const api::Result<api::LoginOutcome>& result);

    // After the card: activation, account setup, the password login.
    void onActivated(const api::Result<api::LoginOutcome>& result);
    void onAccountSetUp(const api::Result<QJsonObject>& result);
    void onPasswordLogin(const api::Result<api::LoginOutcome>& result);
    void handleOutcome(const api::LoginOutcome& outcome, bool cardLogin);
    void finish();
    void dropServerSession();

    cards::CardAccess& cards_;
    LoginService& service_;
    session::SessionState& session_;
    settings::ClientSettings* settings_;
    std::function<QDateTime()> clock_;

    LoginStep step_ = LoginStep::Waiting;
    bool busy_ = false;
    std::optional<LoginProblem> problem_;
    bool started_ = false;
    bool originConfirmed_ = false;
    bool serviceAvailable_ = true;
    QMap<QString, bool> readers_; // reader → holds a card
    quint64 generation_ = 0; // see current()
    quint64 nhiReads_ = 0; // the same for the password login's quiet 健保卡 reads

    QString reader_; // the card's reader
    std::optional<cards::CardReport> report_;
    auth::PinStatus pinStatus_;
    std::optional<int> wrongPinTriesLeft_;
    std::unique_ptr<auth::PinBuffer> heldPin_; // while ConfirmFinalTry, or a challenge is late
    bool heldPinConfirmed_ = false; // the held PIN's last try is confirmed
    QString nhiIdNumber_;

    std::optional<api::Challenge> challenge_;
    QDateTime challengeUsableUntil_; // by clock_: renewed before then
    std::optional<quint64> challengeAskedIn_; // the generation a request is under way for
    QTimer challengeRenewal_;
    QString signedNonce_; // the nonce of the signature under way

    QString activationTicket_;
    std::optional<session::SessionInfo> pending_; // a server session not yet begun (setup)
};

} // namespace core::login
