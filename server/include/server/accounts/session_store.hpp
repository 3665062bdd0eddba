#pragma once

#include "server/http/http_message.hpp"
#include "server/http/router.hpp"
#include "server/service_context.hpp"

#include <QString>

namespace server::accounts {

/// A fresh session: the token goes to the client once; storage keeps only its SHA-256.
struct NewSession {
    QString token; ///< 256 random bits, base64url
    qint64 expiresAtMillis = 0; ///< absolute expiry
};

/// `holder` names the card behind an agency-card session (empty for a person's session).
NewSession createSession(const ServiceContext& context, qint64 personId, const QString& agencyCode,
    bool certificate, const QString& holder = {});

/// The request header a client's background work (sync) sends, so it does not count as the
/// person being active: `Shiqiuren-Activity: background`.
inline constexpr const char* activityHeader = "shiqiuren-activity";

/// The gate in front of every non-public route: Bearer token → live session → the access level.
/// 401 `unauthenticated` / `session-expired`, 403 `person-inactive`, `account-setup-required`,
/// `certificate-login-required`. A person's session takes the person's agency as it is now, and
/// ends when the person is gone. A passing check refreshes the idle timer, unless the request
/// says it is background work.
http::Principal admit(
    const ServiceContext& context, const http::HttpRequest& request, http::Access access);

/// Ends the caller's session (logout).
void endSession(const ServiceContext& context, const http::Principal& caller);

/// SHA-256 of a secret as lower-case hex: how tokens and tickets are stored.
QByteArray secretHash(const QString& secret);

/// 256 random bits, base64url without padding.
QString randomToken();

} // namespace server::accounts
