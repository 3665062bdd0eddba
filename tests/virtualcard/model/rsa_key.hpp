#pragma once

// The card's private key operation: raw RSA PKCS#1 v1.5 (type 1) over whatever DigestInfo the
// host sends, like a real card's PSO: COMPUTE DIGITAL SIGNATURE. OpenSSL does the maths.

#include "smartcard/bytes.hpp"

#include <filesystem>
#include <memory>

struct evp_pkey_st;

namespace virtualcard {

using smartcard::Bytes;
using smartcard::ByteView;

class RsaKey {
public:
    /// Traditional PKCS#1 RSAPrivateKey DER; throws std::runtime_error with the path.
    static RsaKey fromPkcs1File(const std::filesystem::path& path);
    static RsaKey fromPkcs1Der(ByteView der);
    /// A fresh key (unit tests only need something to sign with).
    static RsaKey generate(int bits);

    int bits() const;
    /// PKCS#1 v1.5 signature over `digestInfo` exactly as given (no hashing here).
    Bytes sign(ByteView digestInfo) const;
    /// The raw private-key operation on a block as long as the modulus (HiCOS EA/C1: the host
    /// pads). Throws std::runtime_error for a block the key cannot take.
    Bytes rawPrivate(ByteView block) const;
    /// True when `certificateDer`'s public key belongs to this private key.
    bool matchesCertificate(ByteView certificateDer) const;
    /// SubjectPublicKeyInfo DER (for tests that verify signatures).
    Bytes publicKeyDer() const;

private:
    explicit RsaKey(std::shared_ptr<evp_pkey_st> key);
    Bytes privateOperation(ByteView input, int padding) const;
    std::shared_ptr<evp_pkey_st> key_;
};

/// RSA modulus size of a certificate's public key; throws std::runtime_error when the DER is
/// not an RSA certificate.
int certificateRsaBits(ByteView certificateDer);

} // namespace virtualcard
