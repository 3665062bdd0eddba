#include "model/rsa_key.hpp"

#include <fstream>
#include <iterator>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <stdexcept>
#include <string>

namespace virtualcard {

namespace {

std::string opensslError()
{
    char text[256];
    ERR_error_string_n(ERR_get_error(), text, sizeof text);
    return text;
}

struct CtxFree {
    void operator()(EVP_PKEY_CTX* c) const { EVP_PKEY_CTX_free(c); }
};
struct X509Free {
    void operator()(X509* c) const { X509_free(c); }
};
using CtxPtr = std::unique_ptr<EVP_PKEY_CTX, CtxFree>;
using X509Ptr = std::unique_ptr<X509, X509Free>;

std::shared_ptr<EVP_PKEY> own(EVP_PKEY* key)
{
    return { key, EVP_PKEY_free };
}

X509Ptr parseCertificate(ByteView der)
{
    const unsigned char* p = der.data();
    X509Ptr cert(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
    if (!cert)
        throw std::runtime_error("not a DER certificate: " + opensslError());
    return cert;
}

} // namespace

RsaKey::RsaKey(std::shared_ptr<EVP_PKEY> key)
    : key_(std::move(key))
{ }

RsaKey RsaKey::fromPkcs1Der(ByteView der)
{
    const unsigned char* p = der.data();
    EVP_PKEY* key = d2i_PrivateKey(EVP_PKEY_RSA, nullptr, &p, static_cast<long>(der.size()));
    if (!key)
        throw std::runtime_error("not a PKCS#1 RSA private key: " + opensslError());
    return RsaKey(own(key));
}

RsaKey RsaKey::fromPkcs1File(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path.string());
    const Bytes der((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    try {
        return fromPkcs1Der(der);
    } catch (const std::runtime_error& e) {
        throw std::runtime_error(path.string() + ": " + e.what());
    }
}

RsaKey RsaKey::generate(int bits)
{
    EVP_PKEY* key = EVP_RSA_gen(static_cast<unsigned>(bits));
    if (!key)
        throw std::runtime_error("RSA key generation failed: " + opensslError());
    return RsaKey(own(key));
}

int RsaKey::bits() const
{
    return EVP_PKEY_get_bits(key_.get());
}

Bytes RsaKey::privateOperation(ByteView input, int padding) const
{
    CtxPtr ctx(EVP_PKEY_CTX_new(key_.get(), nullptr));
    if (!ctx || EVP_PKEY_sign_init(ctx.get()) <= 0
        || EVP_PKEY_CTX_set_rsa_padding(ctx.get(), padding) <= 0)
        throw std::runtime_error("RSA sign setup failed: " + opensslError());
    // No signature digest set: OpenSSL takes the input as given.
    std::size_t size = 0;
    if (EVP_PKEY_sign(ctx.get(), nullptr, &size, input.data(), input.size()) <= 0)
        throw std::runtime_error("RSA sign failed: " + opensslError());
    Bytes signature(size);
    if (EVP_PKEY_sign(ctx.get(), signature.data(), &size, input.data(), input.size()) <= 0)
        throw std::runtime_error("RSA sign failed: " + opensslError());
    signature.resize(size);
    return signature;
}

Bytes RsaKey::sign(ByteView digestInfo) const
{
    return privateOperation(digestInfo, RSA_PKCS1_PADDING); // type 1 padding over the DigestInfo
}

Bytes RsaKey::rawPrivate(ByteView block) const
{
    return privateOperation(block, RSA_NO_PADDING);
}

bool RsaKey::matchesCertificate(ByteView certificateDer) const
{
    const X509Ptr cert = parseCertificate(certificateDer);
    return X509_check_private_key(cert.get(), key_.get()) == 1;
}

Bytes RsaKey::publicKeyDer() const
{
    unsigned char* out = nullptr;
    const int n = i2d_PUBKEY(key_.get(), &out);
    if (n <= 0)
        throw std::runtime_error("cannot encode public key: " + opensslError());
    Bytes der(out, out + n);
    CRYPTO_free(out, __FILE__, __LINE__);
    return der;
}

int certificateRsaBits(ByteView certificateDer)
{
    const X509Ptr cert = parseCertificate(certificateDer);
    EVP_PKEY* key = X509_get0_pubkey(cert.get());
    if (!key || EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA)
        throw std::runtime_error("certificate key is not RSA");
    return EVP_PKEY_get_bits(key);
}

} // namespace virtualcard
