// core::auth login token: the digest against OpenSSL and a known answer, the token's JSON, a
// signature made with the test PKI's card key and checked the way the server checks it, and the
// origin/nonce rules.
#include "core/auth/auth_token.hpp"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QStringList>
#include <catch2/catch.hpp>
#include <functional>
#include <memory>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

using namespace core::auth;

namespace {

const QString origin = QStringLiteral("https://recruit.example.gov.tw");
// Base64 of the bytes 00 01 02 … 1F.
const QString nonce = QStringLiteral("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
const QString appVersion = QStringLiteral("https://github.com/shiqiuren/shiqiuren/releases/0.1.0");

struct EvpPkeyFree {
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct EvpPkeyCtxFree {
    void operator()(EVP_PKEY_CTX* context) const { EVP_PKEY_CTX_free(context); }
};
struct X509Free {
    void operator()(X509* certificate) const { X509_free(certificate); }
};
struct BioFree {
    void operator()(BIO* bio) const { BIO_free(bio); }
};

const unsigned char* bytesOf(const QByteArray& data)
{
    return reinterpret_cast<const unsigned char*>(data.constData());
}

QByteArray evpSha256(const QByteArray& data)
{
    QByteArray digest(32, '\0');
    unsigned int length = 0;
    REQUIRE(EVP_Digest(data.constData(), static_cast<std::size_t>(data.size()),
                reinterpret_cast<unsigned char*>(digest.data()), &length, EVP_sha256(), nullptr)
        == 1);
    REQUIRE(length == 32);
    return digest;
}

/// The login digest computed with OpenSSL alone, as the server will.
QByteArray referenceDigest(const QString& forOrigin, const QString& forNonce)
{
    return evpSha256(evpSha256(forOrigin.toUtf8()) + evpSha256(forNonce.toUtf8()));
}

/// Standard base64 with padding, by OpenSSL.
QString evpBase64(const QByteArray& data)
{
    QByteArray out(4 * ((data.size() + 2) / 3) + 1, '\0');
    const int length = EVP_EncodeBlock(
        reinterpret_cast<unsigned char*>(out.data()), bytesOf(data), static_cast<int>(data.size()));
    REQUIRE(length >= 0);
    out.truncate(length);
    return QString::fromLatin1(out);
}

QString nonceOf(qsizetype bytes)
{
    QByteArray random(bytes, '\0');
    REQUIRE(
        RAND_bytes(reinterpret_cast<unsigned char*>(random.data()), static_cast<int>(bytes)) == 1);
    return evpBase64(random);
}

QByteArray pkiFile(const QString& name)
{
    const QString dir = qEnvironmentVariable("SHIQIUREN_TEST_PKI");
    REQUIRE_FALSE(dir.isEmpty());
    QFile file(dir + QLatin1Char('/') + name);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

std::unique_ptr<EVP_PKEY, EvpPkeyFree> cardKey()
{
    const QByteArray pem = pkiFile(QStringLiteral("citizen-sign.key"));
    std::unique_ptr<BIO, BioFree> bio(
        BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    REQUIRE(bio);
    std::unique_ptr<EVP_PKEY, EvpPkeyFree> key(
        PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    REQUIRE(key);
    return key;
}

/// What the card does: RSASSA-PKCS1-v1_5 over DigestInfo(SHA-256, digest), with the DigestInfo
/// built here (RFC 8017 §9.2 note 1) and OpenSSL only padding and exponentiating.
QByteArray cardSign(EVP_PKEY* key, const QByteArray& digest)
{
    static const unsigned char prefix[] = { 0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48,
        0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20 };
    const QByteArray digestInfo
        = QByteArray(reinterpret_cast<const char*>(prefix), sizeof prefix) + digest;
    std::unique_ptr<EVP_PKEY_CTX, EvpPkeyCtxFree> context(EVP_PKEY_CTX_new(key, nullptr));
    REQUIRE(context);
    REQUIRE(EVP_PKEY_sign_init(context.get()) == 1);
    REQUIRE(EVP_PKEY_CTX_set_rsa_padding(context.get(), RSA_PKCS1_PADDING) == 1);
    std::size_t length = 0;
    REQUIRE(EVP_PKEY_sign(context.get(), nullptr, &length, bytesOf(digestInfo),
                static_cast<std::size_t>(digestInfo.size()))
        == 1);
    QByteArray signature(static_cast<qsizetype>(length), '\0');
    REQUIRE(EVP_PKEY_sign(context.get(), reinterpret_cast<unsigned char*>(signature.data()),
                &length, bytesOf(digestInfo), static_cast<std::size_t>(digestInfo.size()))
        == 1);
    signature.truncate(static_cast<qsizetype>(length));
    return signature;
}

QByteArray decodeBase64Field(const QJsonObject& token, const QString& field)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        token.value(field).toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    REQUIRE(decoded);
    return decoded.decoded;
}

/// The server's check: the public key from the token's own certificate, RS256 over `digest`.
/// 1 = valid, 0 = not valid.
int serverVerify(const QJsonObject& token, const QByteArray& digest)
{
    REQUIRE(token.value(QStringLiteral("algorithm")).toString() == QStringLiteral("RS256"));
    const QByteArray der = decodeBase64Field(token, QStringLiteral("unverifiedCertificate"));
    const QByteArray signature = decodeBase64Field(token, QStringLiteral("signature"));
    const unsigned char* cursor = bytesOf(der);
    std::unique_ptr<X509, X509Free> certificate(d2i_X509(nullptr, &cursor, der.size()));
    REQUIRE(certificate);
    EVP_PKEY* publicKey = X509_get0_pubkey(certificate.get());
    REQUIRE(publicKey);
    std::unique_ptr<EVP_PKEY_CTX, EvpPkeyCtxFree> context(EVP_PKEY_CTX_new(publicKey, nullptr));
    REQUIRE(context);
    REQUIRE(EVP_PKEY_verify_init(context.get()) == 1);
    REQUIRE(EVP_PKEY_CTX_set_rsa_padding(context.get(), RSA_PKCS1_PADDING) == 1);
    REQUIRE(EVP_PKEY_CTX_set_signature_md(context.get(), EVP_sha256()) == 1);
    return EVP_PKEY_verify(context.get(), bytesOf(signature),
        static_cast<std::size_t>(signature.size()), bytesOf(digest),
        static_cast<std::size_t>(digest.size()));
}

TokenError::Problem problemOf(const std::function<void()>& action)
{
    try {
        action();
    } catch (const TokenError& error) {
        CHECK_FALSE(error.userMessage().isEmpty());
        return error.problem();
    }
    FAIL("no TokenError was thrown");
    return TokenError::Problem::TokenIncomplete;
}

} // namespace

TEST_CASE("authDigest is SHA-256(SHA-256(origin) || SHA-256(nonce))", "[auth_token]")
{
    const QByteArray digest = authDigest(origin, nonce);
    CHECK(digest.size() == 32);
    CHECK(digest == referenceDigest(origin, nonce));
    // Computed once with the openssl command line:
    //   printf '%s' "$origin" | openssl dgst -sha256 -binary > a
    //   printf '%s' "$nonce" | openssl dgst -sha256 -binary > b
    //   cat a b | openssl dgst -sha256 -hex
    CHECK(digest.toHex()
        == QByteArrayLiteral("416e3ac2c30f425ec128635f1b1e2b2f2f1c83f0277b482db9126f4720682474"));

    const QString loopback = QStringLiteral("http://127.0.0.1:18443");
    const QString randomNonce = nonceOf(48);
    CHECK(authDigest(loopback, randomNonce) == referenceDigest(loopback, randomNonce));
    // Origin and nonce both count.
    CHECK(authDigest(loopback, nonce) != authDigest(origin, nonce));
    CHECK(authDigest(origin, randomNonce) != authDigest(origin, nonce));
}

TEST_CASE("buildAuthToken lays out the web-eid:1.0 token exactly", "[auth_token]")
{
    const QByteArray certificate = pkiFile(QStringLiteral("citizen-sign.der"));
    QByteArray signature(256, '\0'); // 256 bytes: base64 needs "==" padding
    for (qsizetype i = 0; i < signature.size(); ++i)
        signature[i] = static_cast<char>(255 - i);

    const QJsonObject token = buildAuthToken(certificate, signature, appVersion);
    QStringList keys = token.keys();
    keys.sort();
    CHECK(keys
        == QStringList { QStringLiteral("algorithm"), QStringLiteral("appVersion"),
            QStringLiteral("format"), QStringLiteral("signature"),
            QStringLiteral("unverifiedCertificate") });
    CHECK(
        token.value(QStringLiteral("unverifiedCertificate")).toString() == evpBase64(certificate));
    CHECK(token.value(QStringLiteral("algorithm")).toString() == QStringLiteral("RS256"));
    CHECK(token.value(QStringLiteral("signature")).toString() == evpBase64(signature));
    CHECK(token.value(QStringLiteral("signature")).toString().endsWith(QStringLiteral("==")));
    CHECK(token.value(QStringLiteral("format")).toString() == QStringLiteral("web-eid:1.0"));
    CHECK(token.value(QStringLiteral("appVersion")).toString() == appVersion);

    const QJsonObject request = certificateLoginRequest(nonce, token);
    keys = request.keys();
    keys.sort();
    CHECK(keys == QStringList { QStringLiteral("authToken"), QStringLiteral("nonce") });
    CHECK(request.value(QStringLiteral("nonce")).toString() == nonce);
    CHECK(request.value(QStringLiteral("authToken")).toObject() == token);
}

TEST_CASE("A token signed with the card key verifies as the server checks it", "[auth_token]")
{
    const auto key = cardKey();
    const QString challenge = nonceOf(32);
    const QByteArray signature = cardSign(key.get(), authDigest(origin, challenge));
    const QJsonObject request = certificateLoginRequest(challenge,
        buildAuthToken(pkiFile(QStringLiteral("citizen-sign.der")), signature, appVersion));

    // Through JSON text and back, as it crosses the network.
    const QJsonObject received
        = QJsonDocument::fromJson(QJsonDocument(request).toJson(QJsonDocument::Compact)).object();
    const QJsonObject token = received.value(QStringLiteral("authToken")).toObject();
    const QString receivedNonce = received.value(QStringLiteral("nonce")).toString();

    CHECK(serverVerify(token, referenceDigest(origin, receivedNonce)) == 1);
    // The same token for another origin or another nonce must not verify.
    CHECK(
        serverVerify(token, referenceDigest(QStringLiteral("https://evil.example"), receivedNonce))
        == 0);
    CHECK(serverVerify(token, referenceDigest(origin, nonce)) == 0);
}

TEST_CASE("authDigest accepts only an https origin without path, or loopback http", "[auth_token]")
{
    const QStringList accepted { QStringLiteral("https://recruit.example.gov.tw"),
        QStringLiteral("https://recruit.example.gov.tw:8443"), QStringLiteral("https://127.0.0.1"),
        QStringLiteral("http://127.0.0.1:8080"), QStringLiteral("http://localhost:8080"),
        QStringLiteral("http://[::1]:8080") };
    for (const QString& good : accepted) {
        INFO(good.toStdString());
        CHECK(authDigest(good, nonce) == referenceDigest(good, nonce));
    }

    const QStringList refused { QString(), QStringLiteral("recruit.example.gov.tw"),
        QStringLiteral("//recruit.example.gov.tw"), QStringLiteral("https://"),
        QStringLiteral("http://recruit.example.gov.tw"),
        QStringLiteral("ftp://recruit.example.gov.tw"),
        QStringLiteral("https://recruit.example.gov.tw/"),
        QStringLiteral("https://recruit.example.gov.tw/login"),
        QStringLiteral("https://recruit.example.gov.tw?next=1"),
        QStringLiteral("https://recruit.example.gov.tw#top"),
        QStringLiteral("https://clerk@recruit.example.gov.tw"),
        QStringLiteral("HTTPS://Recruit.Example.gov.tw"),
        QStringLiteral(" https://recruit.example.gov.tw"),
        QStringLiteral("https://recruit.example.gov.tw "), QStringLiteral("http://127.0.0.2:8080"),
        QStringLiteral("http://localhost.example.gov.tw"), QStringLiteral("http://[::2]:8080") };
    for (const QString& bad : refused) {
        INFO(bad.toStdString());
        CHECK(problemOf([&] { authDigest(bad, nonce); }) == TokenError::Problem::OriginInvalid);
    }
}

TEST_CASE("authDigest accepts only a base64 nonce of at least 32 bytes", "[auth_token]")
{
    CHECK(authDigest(origin, nonceOf(64)).size() == 32);

    // 32 bytes whose standard base64 holds '+' and '/': the URL-safe spelling is refused.
    const QByteArray awkward(32, '\xfb');
    const QString standard = QString::fromLatin1(awkward.toBase64());
    REQUIRE(standard.contains(QLatin1Char('/')));
    CHECK(authDigest(origin, standard).size() == 32);

    const QStringList refused { QString(), nonceOf(31), QStringLiteral("not base64 at all!"),
        QString::fromLatin1(awkward.toBase64(QByteArray::Base64UrlEncoding)),
        nonce.left(20) + QStringLiteral(" ") + nonce.mid(20), nonce + QStringLiteral("\n"),
        QStringLiteral("挑戰") + nonce };
    for (const QString& bad : refused) {
        INFO(bad.toStdString());
        CHECK(problemOf([&] { authDigest(origin, bad); }) == TokenError::Problem::NonceInvalid);
        CHECK(problemOf([&] { certificateLoginRequest(bad, {}); })
            == TokenError::Problem::NonceInvalid);
    }
}

TEST_CASE("buildAuthToken refuses a token missing its parts", "[auth_token]")
{
    const QByteArray certificate = pkiFile(QStringLiteral("citizen-sign.der"));
    const QByteArray signature(256, '\x01');
    CHECK(problemOf([&] { buildAuthToken({}, signature, appVersion); })
        == TokenError::Problem::TokenIncomplete);
    CHECK(problemOf([&] { buildAuthToken(certificate, {}, appVersion); })
        == TokenError::Problem::TokenIncomplete);
    CHECK(problemOf([&] { buildAuthToken(certificate, signature, QStringLiteral("0.1.0")); })
        == TokenError::Problem::TokenIncomplete);
    CHECK(problemOf([&] {
        buildAuthToken(
            certificate, signature, QStringLiteral("http://example.org/shiqiuren/0.1.0"));
    }) == TokenError::Problem::TokenIncomplete);
}

TEST_CASE(
    "appVersion names this build: the release URL and the application's version", "[auth][token]")
{
    const QString before = QCoreApplication::applicationVersion();
    QCoreApplication::setApplicationVersion(QStringLiteral("1.2.3"));
    const QString url = core::auth::appVersionUrl();
    QCoreApplication::setApplicationVersion(before);
    CHECK(url.startsWith(QStringLiteral("https://")));
    CHECK(url.endsWith(QStringLiteral("/1.2.3")));
}
