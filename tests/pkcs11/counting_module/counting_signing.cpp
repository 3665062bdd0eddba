// CKM_RSA_PKCS with the test PKI's key: PKCS#1 v1.5 type-1 padding over whatever the caller
// hands in (a DigestInfo), as a card's raw RSA sign does.

#include "counting_module.hpp"

#include <cstdio>
#include <memory>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

using namespace countingmodule;

namespace {

struct PkeyFree {
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct CtxFree {
    void operator()(EVP_PKEY_CTX* ctx) const { EVP_PKEY_CTX_free(ctx); }
};

std::unique_ptr<EVP_PKEY, PkeyFree> loadKey(const std::string& path)
{
    FILE* file = std::fopen(path.c_str(), "r");
    if (!file)
        return nullptr;
    std::unique_ptr<EVP_PKEY, PkeyFree> key(PEM_read_PrivateKey(file, nullptr, nullptr, nullptr));
    std::fclose(file);
    return key;
}

/// Signs `data` into `signature` (`*length` bytes of room, set to what was written or needed).
CK_RV rsaSign(const std::string& keyPath, const CK_BYTE* data, CK_ULONG dataLength,
    CK_BYTE* signature, CK_ULONG* length)
{
    auto key = loadKey(keyPath);
    if (!key)
        return CKR_DEVICE_ERROR;
    std::unique_ptr<EVP_PKEY_CTX, CtxFree> ctx(EVP_PKEY_CTX_new(key.get(), nullptr));
    if (!ctx || EVP_PKEY_sign_init(ctx.get()) <= 0
        || EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) <= 0)
        return CKR_DEVICE_ERROR;
    const auto size = static_cast<CK_ULONG>(EVP_PKEY_get_size(key.get()));
    if (!signature) {
        *length = size;
        return CKR_OK;
    }
    if (*length < size) {
        *length = size;
        return CKR_BUFFER_TOO_SMALL;
    }
    std::size_t written = *length;
    if (EVP_PKEY_sign(ctx.get(), signature, &written, data, dataLength) <= 0)
        return CKR_DATA_LEN_RANGE;
    *length = static_cast<CK_ULONG>(written);
    return CKR_OK;
}

} // namespace

CK_RV C_SignInit(CK_SESSION_HANDLE session, CK_MECHANISM* mechanism, CK_OBJECT_HANDLE key)
{
    return withState([&](StateFile& state) -> CK_RV {
        SessionData* data = findSession(session);
        if (!data)
            return CKR_SESSION_HANDLE_INVALID;
        if (!state.number("loggedIn"))
            return CKR_USER_NOT_LOGGED_IN;
        if (!mechanism || mechanism->mechanism != CKM_RSA_PKCS)
            return CKR_MECHANISM_INVALID;
        if (key != keyHandle)
            return CKR_KEY_HANDLE_INVALID;
        if (!state.number("keySign", 1))
            return CKR_KEY_FUNCTION_NOT_PERMITTED;
        data->signing = true;
        return CKR_OK;
    });
}

CK_RV C_Sign(CK_SESSION_HANDLE session, CK_BYTE* input, CK_ULONG inputLength, CK_BYTE* signature,
    CK_ULONG* signatureLength)
{
    return withState([&](StateFile& state) -> CK_RV {
        SessionData* data = findSession(session);
        if (!data)
            return CKR_SESSION_HANDLE_INVALID;
        if (!data->signing)
            return CKR_OPERATION_NOT_INITIALIZED;
        if (!input || !signatureLength)
            return CKR_ARGUMENTS_BAD;
        if (const long forced = state.number("failSign")) {
            data->signing = false;
            return static_cast<CK_RV>(forced);
        }
        const CK_RV rv = rsaSign(state.text("key"), input, inputLength, signature, signatureLength);
        // PKCS#11: a size query (no output buffer) or too small a buffer keeps the operation
        // going; anything else ends it.
        if (signature && rv != CKR_BUFFER_TOO_SMALL) {
            data->signing = false;
            if (rv == CKR_OK)
                state.set("signs", state.number("signs") + 1);
        }
        return rv;
    });
}
