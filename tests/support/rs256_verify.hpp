#pragma once

// What a server does with a login signature: RSASSA-PKCS1-v1_5 with SHA-256 over exactly
// `digest`, with the certificate's public key. Shared by every suite that checks a signature.

#include <cstdint>
#include <memory>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <span>

namespace testsupport {

inline bool rs256Verifies(std::span<const std::uint8_t> certificate,
    std::span<const std::uint8_t> digest, std::span<const std::uint8_t> signature)
{
    const unsigned char* cursor = certificate.data();
    std::unique_ptr<X509, decltype(&X509_free)> cert(
        d2i_X509(nullptr, &cursor, static_cast<long>(certificate.size())), X509_free);
    if (!cert)
        return false;
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        X509_get_pubkey(cert.get()), EVP_PKEY_free);
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(
        EVP_PKEY_CTX_new(key.get(), nullptr), EVP_PKEY_CTX_free);
    return ctx && EVP_PKEY_verify_init(ctx.get()) == 1
        && EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) == 1
        && EVP_PKEY_CTX_set_signature_md(ctx.get(), EVP_sha256()) == 1
        && EVP_PKEY_verify(
               ctx.get(), signature.data(), signature.size(), digest.data(), digest.size())
        == 1;
}

/// The same for Qt byte arrays.
template <typename QBytes>
bool rs256VerifiesQ(const QBytes& certificate, const QBytes& digest, const QBytes& signature)
{
    const auto view = [](const QBytes& bytes) {
        return std::span<const std::uint8_t>(
            reinterpret_cast<const std::uint8_t*>(bytes.constData()),
            static_cast<std::size_t>(bytes.size()));
    };
    return rs256Verifies(view(certificate), view(digest), view(signature));
}

} // namespace testsupport
