// The block ciphers, CMAC and random bytes of the HiCOS code, over OpenSSL 3 EVP. The one file
// that calls the crypto library, so another back end replaces this file only.

#include "smartcard/errors.hpp"
#include "smartcard/hicos_crypto.hpp"

#include <climits>
#include <memory>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>
#include <string>

namespace smartcard::hicos {

namespace {

struct CipherContextFree {
    void operator()(EVP_CIPHER_CTX* ctx) const noexcept { EVP_CIPHER_CTX_free(ctx); }
};
struct MacFree {
    void operator()(EVP_MAC* mac) const noexcept { EVP_MAC_free(mac); }
};
struct MacContextFree {
    void operator()(EVP_MAC_CTX* ctx) const noexcept { EVP_MAC_CTX_free(ctx); }
};

[[noreturn]] void cryptoFailure(const char* what)
{
    throw CardError(CardErrc::CryptoFailure, what);
}

void requireSize(ByteView bytes, std::size_t size, const char* what)
{
    if (bytes.size() != size)
        throw CardError(CardErrc::InvalidArgument,
            std::string(what) + " must be " + std::to_string(size) + " bytes");
}

void requireBlocks(ByteView data, std::size_t blockSize)
{
    if (data.size() % blockSize != 0)
        throw CardError(CardErrc::InvalidArgument,
            "data must be a multiple of " + std::to_string(blockSize) + " bytes");
    if (data.size() > INT_MAX)
        throw CardError(CardErrc::InvalidArgument, "data too long for one cipher call");
}

enum class Direction { Decrypt = 0, Encrypt = 1 };

// One unpadded pass of `cipher` over whole blocks; the output lands in a secret buffer.
SecretBytes runCipher(
    const EVP_CIPHER* cipher, Direction direction, ByteView key, ByteView iv, ByteView data)
{
    if (cipher == nullptr)
        cryptoFailure("cipher unavailable");
    std::unique_ptr<EVP_CIPHER_CTX, CipherContextFree> ctx(EVP_CIPHER_CTX_new());
    if (!ctx
        || EVP_CipherInit_ex2(ctx.get(), cipher, key.data(), iv.empty() ? nullptr : iv.data(),
               static_cast<int>(direction), nullptr)
            != 1
        || EVP_CIPHER_CTX_set_padding(ctx.get(), 0) != 1)
        cryptoFailure("cipher setup failed");
    SecretBytes out(data.size());
    int written = 0;
    if (!data.empty()
        && EVP_CipherUpdate(
               ctx.get(), out.data(), &written, data.data(), static_cast<int>(data.size()))
            != 1)
        cryptoFailure("cipher failed");
    int finalWritten = 0;
    if (EVP_CipherFinal_ex(ctx.get(), out.data() + written, &finalWritten) != 1
        || static_cast<std::size_t>(written + finalWritten) != data.size())
        cryptoFailure("cipher did not finish");
    return out;
}

SecretBytes tdes2Cbc(Direction direction, ByteView key, ByteView iv, ByteView data)
{
    requireSize(key, 16, "a two-key 3DES key");
    requireSize(iv, desBlockSize, "a 3DES IV");
    requireBlocks(data, desBlockSize);
    return runCipher(EVP_des_ede_cbc(), direction, key, iv, data);
}

SecretBytes aes128Ecb(Direction direction, ByteView key, ByteView block)
{
    requireSize(key, 16, "an AES-128 key");
    requireSize(block, aesBlockSize, "an AES block");
    return runCipher(EVP_aes_128_ecb(), direction, key, {}, block);
}

SecretBytes aes128Cbc(Direction direction, ByteView key, ByteView iv, ByteView data)
{
    requireSize(key, 16, "an AES-128 key");
    requireSize(iv, aesBlockSize, "an AES IV");
    requireBlocks(data, aesBlockSize);
    return runCipher(EVP_aes_128_cbc(), direction, key, iv, data);
}

} // namespace

SecretBytes tdes2CbcEncrypt(ByteView key, ByteView iv, ByteView data)
{
    return tdes2Cbc(Direction::Encrypt, key, iv, data);
}

SecretBytes tdes2CbcDecrypt(ByteView key, ByteView iv, ByteView data)
{
    return tdes2Cbc(Direction::Decrypt, key, iv, data);
}

SecretBytes aes128EcbEncryptBlock(ByteView key, ByteView block)
{
    return aes128Ecb(Direction::Encrypt, key, block);
}

SecretBytes aes128EcbDecryptBlock(ByteView key, ByteView block)
{
    return aes128Ecb(Direction::Decrypt, key, block);
}

SecretBytes aes128CbcEncrypt(ByteView key, ByteView iv, ByteView data)
{
    return aes128Cbc(Direction::Encrypt, key, iv, data);
}

SecretBytes aes128CbcDecrypt(ByteView key, ByteView iv, ByteView data)
{
    return aes128Cbc(Direction::Decrypt, key, iv, data);
}

SecretBytes aesCmac(ByteView key, std::initializer_list<ByteView> message)
{
    requireSize(key, 16, "an AES-128 key");
    std::unique_ptr<EVP_MAC, MacFree> mac(EVP_MAC_fetch(nullptr, "CMAC", nullptr));
    if (!mac)
        cryptoFailure("CMAC unavailable");
    std::unique_ptr<EVP_MAC_CTX, MacContextFree> ctx(EVP_MAC_CTX_new(mac.get()));
    char cipherName[] = "AES-128-CBC";
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, cipherName, 0),
        OSSL_PARAM_construct_end(),
    };
    if (!ctx || EVP_MAC_init(ctx.get(), key.data(), key.size(), params) != 1)
        cryptoFailure("CMAC setup failed");
    for (const ByteView part : message) {
        if (!part.empty() && EVP_MAC_update(ctx.get(), part.data(), part.size()) != 1)
            cryptoFailure("CMAC failed");
    }
    SecretBytes out(aesBlockSize);
    std::size_t written = 0;
    if (EVP_MAC_final(ctx.get(), out.data(), &written, out.size()) != 1 || written != aesBlockSize)
        cryptoFailure("CMAC did not finish");
    return out;
}

void randomBytes(std::span<std::uint8_t> out)
{
    if (out.size() > INT_MAX)
        throw CardError(CardErrc::InvalidArgument, "too many random bytes asked for");
    if (!out.empty() && RAND_bytes(out.data(), static_cast<int>(out.size())) != 1)
        cryptoFailure("no random bytes");
}

Bytes randomBytes(std::size_t count)
{
    Bytes out(count);
    randomBytes(out);
    return out;
}

bool equalInConstantTime(ByteView a, ByteView b) noexcept
{
    return a.size() == b.size() && (a.empty() || CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0);
}

} // namespace smartcard::hicos
