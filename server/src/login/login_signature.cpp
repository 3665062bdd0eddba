#include "server/login/login_signature.hpp"

#include "core/auth/auth_token.hpp"
#include "server/login/trust_store.hpp"

#include <exception>
#include <openssl/evp.h>
#include <openssl/rsa.h>

namespace server::login {

namespace {

using PkeyContextPtr = std::unique_ptr<EVP_PKEY_CTX, OpenSslDeleter<EVP_PKEY_CTX_free>>;

const unsigned char* bytes(const QByteArray& data)
{
    return reinterpret_cast<const unsigned char*>(data.constData());
}

bool rs256Verifies(const QByteArray& certDer, const QByteArray& digest, const QByteArray& signature)
{
    const ErrorQueueScope errors;
    const unsigned char* cursor = bytes(certDer);
    const X509Ptr certificate(d2i_X509(nullptr, &cursor, static_cast<long>(certDer.size())));
    if (!certificate || cursor != bytes(certDer) + certDer.size())
        return false;
    EVP_PKEY* key = X509_get0_pubkey(certificate.get());
    if (!key || EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA)
        return false;
    // Verify the PKCS#1 v1.5 DigestInfo over the given SHA-256 value, without hashing it again.
    const PkeyContextPtr context(EVP_PKEY_CTX_new(key, nullptr));
    return context && EVP_PKEY_verify_init(context.get()) == 1
        && EVP_PKEY_CTX_set_rsa_padding(context.get(), RSA_PKCS1_PADDING) == 1
        && EVP_PKEY_CTX_set_signature_md(context.get(), EVP_sha256()) == 1
        && EVP_PKEY_verify(context.get(), bytes(signature),
               static_cast<std::size_t>(signature.size()), bytes(digest),
               static_cast<std::size_t>(digest.size()))
        == 1;
}

} // namespace

bool loginSignatureVerifies(const QByteArray& certDer, const QString& algorithm,
    const QByteArray& signature, const QString& origin, const QString& nonce)
{
    if (algorithm != QLatin1String("RS256") || signature.isEmpty() || certDer.isEmpty())
        return false;
    try {
        return rs256Verifies(certDer, core::auth::authDigest(origin, nonce), signature);
    } catch (const std::exception&) {
        return false; // an origin or nonce authDigest() refuses cannot have been signed for
    }
}

} // namespace server::login
