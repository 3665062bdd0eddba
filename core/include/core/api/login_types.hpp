#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace core::api {

/// `POST /auth/challenge`: the nonce to sign (core::auth::authDigest) and when it expires.
struct Challenge {
    QString nonce; ///< exactly as sent: sign it and send it back as it is
    QDateTime expiresAt; ///< UTC
};

/// How a session was opened; vacancy writes need Certificate.
enum class Assurance { Certificate, Password };

/// A live session. The token is a secret: keep it in memory only, never log it.
struct Session {
    QString token;
    QDateTime expiresAt; ///< the absolute expiry, UTC
    int idleTimeoutSeconds = 0;
};

/// The answer to a login (certificate, activation, password): either a session, or — for a
/// citizen certificate seen for the first time — an activation ticket for activate().
struct LoginOutcome {
    bool activationRequired = false;
    QString activationTicket; ///< when activationRequired; a secret like the token
    QDateTime activationExpiresAt;

    /// The rest only when !activationRequired.
    Session session;
    QJsonObject account; ///< the contract's Account or AgencyAccount
    Assurance assurance = Assurance::Password;
    bool accountSetupRequired = false; ///< setUpAccount() first; other routes answer 403 till then
};

/// `PATCH /account`: members left empty stay as they are (an empty `phone` value clears it).
struct AccountChange {
    std::optional<QString> email;
    std::optional<QString> phone;
    std::optional<QString> newPassword;
    std::optional<QString> currentPassword; ///< required for a password session
};

} // namespace core::api
