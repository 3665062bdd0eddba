// The RS256 login signature (server/login): what the card signs, checked the way the server
// checks it.
#include "certificate_test_pki.hpp"
#include "core/auth/auth_token.hpp"
#include "server/login/login_signature.hpp"

#include <catch2/catch.hpp>
#include <openssl/rand.h>
#include <openssl/rsa.h>

using namespace server::login;
using namespace certtest;

namespace {

const QString origin = QStringLiteral("https://recruit.example.gov.tw");

QString freshNonce()
{
    QByteArray random(32, '\0');
    REQUIRE(RAND_bytes(reinterpret_cast<unsigned char*>(random.data()), 32) == 1);
    return QString::fromLatin1(random.toBase64());
}

/// What the card does: RSASSA-PKCS1-v1_5 over DigestInfo(SHA-256, digest), the DigestInfo built
/// here (RFC 8017 §9.2) and OpenSSL only padding and exponentiating — independent of how the
/// server verifies.
QByteArray cardSign(EVP_PKEY* key, const QByteArray& digest)
{
    static const unsigned char prefix[] = { 0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48,
        0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20 };
    const QByteArray digestInfo
        = QByteArray(reinterpret_cast<const char*>(prefix), sizeof prefix) + digest;
    const PkeyContextPtr context(EVP_PKEY_CTX_new(key, nullptr));
    REQUIRE(context);
    REQUIRE(EVP_PKEY_sign_init(context.get()) == 1);
    REQUIRE(EVP_PKEY_CTX_set_rsa_padding(context.get(), RSA_PKCS1_PADDING) == 1);
    const auto* input = reinterpret_cast<const unsigned char*>(digestInfo.constData());
    std::size_t length = 0;
    REQUIRE(EVP_PKEY_sign(
                context.get(), nullptr, &length, input, static_cast<std::size_t>(digestInfo.size()))
        == 1);
    QByteArray signature(static_cast<qsizetype>(length), '\0');
    REQUIRE(EVP_PKEY_sign(context.get(), reinterpret_cast<unsigned char*>(signature.data()),
                &length, input, static_cast<std::size_t>(digestInfo.size()))
        == 1);
    signature.truncate(static_cast<qsizetype>(length));
    return signature;
}

} // namespace

TEST_CASE("login signature: RS256 over authDigest(origin, nonce) with the card's key",
    "[server][signature]")
{
    const QByteArray certificate = pkiFile(QStringLiteral("citizen-sign.der"));
    const EvpPkeyPtr key = pkiKey(QStringLiteral("citizen-sign"));
    const QString nonce = freshNonce();
    const QByteArray signature = cardSign(key.get(), core::auth::authDigest(origin, nonce));
    const QString rs256 = QStringLiteral("RS256");

    CHECK(loginSignatureVerifies(certificate, rs256, signature, origin, nonce));

    CHECK_FALSE(loginSignatureVerifies(
        certificate, rs256, signature, QStringLiteral("https://evil.example.gov.tw"), nonce));
    CHECK_FALSE(loginSignatureVerifies(certificate, rs256, signature, origin, freshNonce()));
    for (int bit : { 0, 7, 1000, 2047 }) {
        QByteArray flipped = signature;
        flipped[bit / 8] = static_cast<char>(flipped.at(bit / 8) ^ (1 << (bit % 8)));
        CHECK_FALSE(loginSignatureVerifies(certificate, rs256, flipped, origin, nonce));
    }
    for (const char* algorithm : { "ES256", "RS512", "PS256", "rs256", "" })
        CHECK_FALSE(loginSignatureVerifies(
            certificate, QString::fromLatin1(algorithm), signature, origin, nonce));
    CHECK_FALSE(loginSignatureVerifies(certificate, rs256, QByteArray(), origin, nonce));
    CHECK_FALSE(loginSignatureVerifies(certificate, rs256, signature.left(255), origin, nonce));
    CHECK_FALSE(loginSignatureVerifies(certificate, rs256, signature + 'x', origin, nonce));
    // The signature is the citizen's, not the agency card's.
    CHECK_FALSE(loginSignatureVerifies(
        pkiFile(QStringLiteral("agency-sign.der")), rs256, signature, origin, nonce));
    // The digest itself, signed by a scheme that hashes again, is a different signature.
    const PkeyContextPtr context(EVP_PKEY_CTX_new(key.get(), nullptr));
    REQUIRE(EVP_PKEY_sign_init(context.get()) == 1);
    REQUIRE(EVP_PKEY_CTX_set_rsa_padding(context.get(), RSA_PKCS1_PSS_PADDING) == 1);
    REQUIRE(EVP_PKEY_CTX_set_signature_md(context.get(), EVP_sha256()) == 1);
    const QByteArray digest = core::auth::authDigest(origin, nonce);
    QByteArray pss(512, '\0');
    std::size_t length = static_cast<std::size_t>(pss.size());
    REQUIRE(EVP_PKEY_sign(context.get(), reinterpret_cast<unsigned char*>(pss.data()), &length,
                reinterpret_cast<const unsigned char*>(digest.constData()), 32)
        == 1);
    pss.truncate(static_cast<qsizetype>(length));
    CHECK_FALSE(loginSignatureVerifies(certificate, rs256, pss, origin, nonce));
}

TEST_CASE("login signature: garbage never throws", "[server][signature]")
{
    const QByteArray certificate = pkiFile(QStringLiteral("citizen-sign.der"));
    const QString nonce = freshNonce();
    const QByteArray signature(256, '\x5a');
    const QString rs256 = QStringLiteral("RS256");
    CHECK_FALSE(loginSignatureVerifies(QByteArray(), rs256, signature, origin, nonce));
    CHECK_FALSE(loginSignatureVerifies("not a certificate", rs256, signature, origin, nonce));
    CHECK_FALSE(loginSignatureVerifies(certificate.left(100), rs256, signature, origin, nonce));
    CHECK_FALSE(
        loginSignatureVerifies(certificate + QByteArray("\0", 1), rs256, signature, origin, nonce));
    // Origins and nonces authDigest() refuses.
    CHECK_FALSE(loginSignatureVerifies(
        certificate, rs256, signature, QStringLiteral("ftp://example"), nonce));
    CHECK_FALSE(loginSignatureVerifies(certificate, rs256, signature, QString(), nonce));
    CHECK_FALSE(loginSignatureVerifies(
        certificate, rs256, signature, origin, QStringLiteral("not base64 !")));
    CHECK_FALSE(loginSignatureVerifies(certificate, rs256, signature, origin, QString()));
}
