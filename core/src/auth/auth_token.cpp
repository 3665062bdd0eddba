#include "core/auth/auth_token.hpp"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QUrl>

namespace core::auth {

namespace {

// The Web eID format names the token's layout and signature scheme; the server checks both.
constexpr auto tokenFormat = "web-eid:1.0";
constexpr auto tokenAlgorithm = "RS256";
constexpr qsizetype minimumNonceBytes = 32;

bool isLoopback(const QString& host)
{
    return host == QLatin1String("127.0.0.1") || host == QLatin1String("localhost")
        || host == QLatin1String("::1");
}

void checkOrigin(const QString& origin)
{
    const QUrl url(origin, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        throw TokenError(TokenError::Problem::OriginInvalid, "origin is not an absolute URL");
    const bool https = url.scheme() == QLatin1String("https");
    const bool loopbackHttp = url.scheme() == QLatin1String("http") && isLoopback(url.host());
    if (!https && !loopbackHttp)
        throw TokenError(TokenError::Problem::OriginInvalid,
            "origin must be https (http only for a loopback host)");
    if (!url.userInfo().isEmpty() || !url.path().isEmpty() || url.hasQuery() || url.hasFragment())
        throw TokenError(
            TokenError::Problem::OriginInvalid, "origin has a user, path, query or fragment");
    // The server hashes its configured origin byte for byte, so a spelling QUrl would rewrite
    // (upper case, default port written out differently, stray spaces) would sign something
    // the server never compares against: refuse it here instead of failing at the server.
    if (url.toString(QUrl::FullyEncoded) != origin)
        throw TokenError(TokenError::Problem::OriginInvalid, "origin is not in canonical form");
}

void checkNonce(const QString& nonce)
{
    if (nonce.isEmpty())
        throw TokenError(TokenError::Problem::NonceInvalid, "nonce is empty");
    // Latin-1 turns anything outside it into '?', which base64 decoding then refuses.
    const auto decoded
        = QByteArray::fromBase64Encoding(nonce.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        throw TokenError(TokenError::Problem::NonceInvalid, "nonce is not base64");
    if (decoded.decoded.size() < minimumNonceBytes)
        throw TokenError(TokenError::Problem::NonceInvalid, "nonce is shorter than 32 bytes");
}

void checkAppVersion(const QString& appVersion)
{
    const QUrl url(appVersion, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty())
        throw TokenError(TokenError::Problem::TokenIncomplete, "appVersion is not an https URL");
}

QByteArray sha256(const QString& text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}

} // namespace

TokenError::TokenError(Problem problem, const std::string& technicalDetail)
    : std::runtime_error(technicalDetail)
    , problem_(problem)
{ }

QString TokenError::userMessage() const
{
    switch (problem_) {
    case Problem::OriginInvalid:
        return QCoreApplication::translate("TokenError",
            "中央服務的網址設定不正確（必須是 https:// 開頭、不含路徑的網址），無法以憑證登入。");
    case Problem::NonceInvalid:
        return QCoreApplication::translate(
            "TokenError", "中央服務傳回的登入挑戰碼不正確，無法以憑證登入。請再試一次。");
    case Problem::TokenIncomplete:
        break;
    }
    return QCoreApplication::translate(
        "TokenError", "憑證登入資料不完整（缺少憑證或簽章），無法送出。請再試一次。");
}

QByteArray authDigest(const QString& origin, const QString& nonce)
{
    checkOrigin(origin);
    checkNonce(nonce);
    return QCryptographicHash::hash(sha256(origin) + sha256(nonce), QCryptographicHash::Sha256);
}

QString appVersionUrl()
{
    const QString version = QCoreApplication::applicationVersion();
    return QStringLiteral(SHIQIUREN_APP_URL "/%1")
        .arg(version.isEmpty() ? QStringLiteral("0") : version);
}

QJsonObject buildAuthToken(
    const QByteArray& certificateDer, const QByteArray& signature, const QString& appVersion)
{
    if (certificateDer.isEmpty())
        throw TokenError(TokenError::Problem::TokenIncomplete, "no certificate");
    if (signature.isEmpty())
        throw TokenError(TokenError::Problem::TokenIncomplete, "no signature");
    checkAppVersion(appVersion);
    return {
        { QStringLiteral("unverifiedCertificate"), QString::fromLatin1(certificateDer.toBase64()) },
        { QStringLiteral("algorithm"), QLatin1String(tokenAlgorithm) },
        { QStringLiteral("signature"), QString::fromLatin1(signature.toBase64()) },
        { QStringLiteral("format"), QLatin1String(tokenFormat) },
        { QStringLiteral("appVersion"), appVersion },
    };
}

QJsonObject certificateLoginRequest(const QString& nonce, const QJsonObject& token)
{
    checkNonce(nonce);
    return { { QStringLiteral("nonce"), nonce }, { QStringLiteral("authToken"), token } };
}

} // namespace core::auth
