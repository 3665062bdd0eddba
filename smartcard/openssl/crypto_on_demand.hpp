#pragma once

#include "crypto_functions.hpp"

namespace smartcard::openssl {

/// The library the forwarding functions open with their first call.
inline constexpr const char* libraryName = "libcrypto.so.3";

/// Every listed function of one library, or none (a library without them all is not libcrypto).
struct Entries {
#define SHIQIUREN_CRYPTO_ENTRY(name, result, parameters, arguments)                                \
    decltype(&::name) name = nullptr;
    SHIQIUREN_CRYPTO_FUNCTIONS(SHIQIUREN_CRYPTO_ENTRY)
#undef SHIQIUREN_CRYPTO_ENTRY
    [[nodiscard]] bool complete() const
    {
        return X509_free != nullptr;
    }
};

/// Opens `soname` and finds every listed function in it; empty when any is missing.
Entries open(const char* soname);

} // namespace smartcard::openssl
