#include "pkcs11_test_support.hpp"

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/sha.h>
#include <openssl/x509.h>
#include <stdexcept>

namespace p11test {

TempDir::TempDir()
{
    std::string pattern
        = (std::filesystem::temp_directory_path() / "shiqiuren-p11-XXXXXX").string();
    if (!mkdtemp(pattern.data()))
        throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

TempDir::~TempDir()
{
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

ScopedEnv::ScopedEnv(std::string name, const std::optional<std::string>& value)
    : name_(std::move(name))
{
    if (const char* old = std::getenv(name_.c_str()))
        saved_ = old;
    if (value)
        setenv(name_.c_str(), value->c_str(), 1);
    else
        unsetenv(name_.c_str());
}

ScopedEnv::~ScopedEnv()
{
    if (saved_)
        setenv(name_.c_str(), saved_->c_str(), 1);
    else
        unsetenv(name_.c_str());
}

std::filesystem::path testPki()
{
    const char* dir = std::getenv("SHIQIUREN_TEST_PKI");
    if (!dir)
        FAIL("SHIQIUREN_TEST_PKI is not set (run through ctest: the test_pki fixture makes it)");
    return dir;
}

smartcard::Bytes readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        FAIL("cannot read " << path);
    return smartcard::Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

smartcard::Bytes bytesOf(const std::string& text)
{
    return smartcard::Bytes(text.begin(), text.end());
}

smartcard::Bytes sha256(const std::string& message)
{
    smartcard::Bytes digest(SHA256_DIGEST_LENGTH);
    SHA256(reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest.data());
    return digest;
}

bool verifiesRs256(const smartcard::Bytes& certificateDer, const smartcard::Bytes& digest,
    const smartcard::Bytes& signature)
{
    const unsigned char* cursor = certificateDer.data();
    X509* certificate = d2i_X509(nullptr, &cursor, static_cast<long>(certificateDer.size()));
    if (!certificate)
        return false;
    EVP_PKEY* key = X509_get0_pubkey(certificate);
    EVP_PKEY_CTX* ctx = key ? EVP_PKEY_CTX_new(key, nullptr) : nullptr;
    const bool ok = ctx && EVP_PKEY_verify_init(ctx) > 0
        && EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING) > 0
        && EVP_PKEY_CTX_set_signature_md(ctx, EVP_sha256()) > 0
        && EVP_PKEY_verify(ctx, signature.data(), signature.size(), digest.data(), digest.size())
            == 1;
    EVP_PKEY_CTX_free(ctx);
    X509_free(certificate);
    return ok;
}

} // namespace p11test
