#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <stdexcept>
#include <string>

namespace core::auth {

/// An input the login token cannot be built from. Nothing was sent to the card.
class TokenError : public std::runtime_error {
public:
    enum class Problem {
        OriginInvalid, // not https://host[:port] (http only for loopback), or not in canonical form
        NonceInvalid, // empty, not base64, or fewer than 32 bytes
        TokenIncomplete, // no certificate, no signature, or appVersion not an https URL
    };

    TokenError(Problem problem, const std::string& technicalDetail);

    Problem problem() const noexcept { return problem_; }
    /// The translated sentence for the user (zh-TW source).
    QString userMessage() const;

private:
    Problem problem_;
};

/// What the card signs to log in (central-service.md, "Login with the card"; the Web eID
/// `web-eid:1.0` scheme): SHA-256( SHA-256(origin) ‖ SHA-256(nonce) ), 32 bytes.
///
/// `origin` is the service's public origin exactly as the server is configured with it:
/// `https://host[:port]`, lower case, no path, query, fragment or user; `http` is accepted only
/// for 127.0.0.1, localhost and ::1 (tests, demo). `nonce` is the challenge's text exactly as
/// the server sent it (standard base64 of at least 32 bytes); it is hashed as text, not decoded.
/// Throws TokenError.
QByteArray authDigest(const QString& origin, const QString& nonce);

/// The `appVersion` URL naming this build: SHIQIUREN_APP_URL (CMake) + "/" + the application's
/// version ("0" when none is set), the same for the client and shiqiuren-card.
QString appVersionUrl();

/// The `authToken` object: the signing certificate and the RS256 signature over authDigest(),
/// both standard base64 with padding; `appVersion` is the full URL naming this program and its
/// version (`https://…/shiqiuren/<version>`). Throws TokenError.
QJsonObject buildAuthToken(
    const QByteArray& certificateDer, const QByteArray& signature, const QString& appVersion);

/// The body of `POST /auth/certificate`: `{ "nonce": nonce, "authToken": token }`. Throws
/// TokenError for a nonce authDigest() would refuse.
QJsonObject certificateLoginRequest(const QString& nonce, const QJsonObject& token);

} // namespace core::auth
