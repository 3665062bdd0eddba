#pragma once

#include "core/api/failure.hpp"
#include "core/auth/pin_ledger.hpp"
#include "core/cards/card_report.hpp"

#include <QDateTime>
#include <QString>
#include <optional>

namespace core::cards {
struct CardFault;
}

namespace core::login {

/// Where a login stands; the login dialog shows one page per step.
enum class LoginStep {
    Waiting, ///< for a reader or a card (live)
    ReadingCard, ///< a card is being read
    Card, ///< a card whose certificate cannot log in: why (a valid card goes on to Pin)
    Pin, ///< the card read (holder, kind, validity, tries) and its PIN asked for
    ConfirmFinalTry, ///< one try left: the PIN is held until the clerk confirms
    Working, ///< the challenge, the card's signature and the server's answer are under way
    Locked, ///< the PIN is blocked: how to unblock it
    Activation, ///< first-time activation: custom account or ID number
    AccountSetup, ///< custom account, email, password before anything else
    PasswordLogin, ///< account and password (no vacancy writes)
    Done, ///< the session has begun and the account is set up
    Failed, ///< what happened and what to do (problem())
};

/// How close the card is to locking its PIN.
enum class PinLevel {
    Normal,
    TriesLow, ///< a wrong PIN was entered since the last success, or fewer tries than allowed
    FinalTry, ///< one try left: confirmation before anything is sent
    Locked,
};

PinLevel pinLevelOf(const auth::PinStatus& status);

/// The signing certificate's validity as the card page judges it.
enum class CertificateValidity { Valid, Expired, NotYetValid, Missing };

CertificateValidity certificateValidity(
    const cards::CardReport& report, const QDateTime& now = QDateTime::currentDateTimeUtc());

/// Which site unblocks a card: MOICA (自然人憑證) or GCA (機關憑證).
enum class UnblockSite { Moica, Gca };

UnblockSite unblockSiteFor(const QString& cardKind);
/// The seed's addresses.
QString unblockUrl(UnblockSite site);

/// What went wrong, for the clerk: what happened, what to do, and whether retrying may help.
struct LoginProblem {
    QString message; ///< translated (zh-TW source)
    bool retryMakesSense = false;
    /// The step a retry goes back to (Waiting: start over with the card).
    LoginStep retryStep = LoginStep::Waiting;
    api::ServiceError serviceError = api::ServiceError::Unknown;
    api::ErrorKind kind = api::ErrorKind::None;
};

/// The seed's (or our) wording for a failed call of the login routes.
LoginProblem problemFor(const api::Failure& failure);
/// A card's refusal as the login shows it; a retry goes back to `retryStep`.
LoginProblem problemFor(const cards::CardFault& fault, LoginStep retryStep);

} // namespace core::login
