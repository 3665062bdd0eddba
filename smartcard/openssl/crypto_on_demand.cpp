// OpenSSL's libcrypto functions for the desktop client, forwarded to the library, which is opened
// with the first call instead of by the dynamic loader: the client's first window needs no
// cryptography, and libcrypto's 4,000 load-time relocations came before it. Without the library
// the program stops as the loader would have, with the library named (the package depends on it).
#include "crypto_on_demand.hpp"

#include "on_demand_library.hpp"

#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace smartcard::openssl {

Entries open(const char* soname)
{
    // Never closed: callers keep pointers into the library until the process ends.
    void* library = smartcard::on_demand::openLibrary(soname);
    if (!library)
        return {};
    Entries found;
    bool complete = true;
#define SHIQIUREN_CRYPTO_FIND(name, result, parameters, arguments)                                 \
    complete = complete && smartcard::on_demand::find(library, #name, found.name);
    SHIQIUREN_CRYPTO_FUNCTIONS(SHIQIUREN_CRYPTO_FIND)
#undef SHIQIUREN_CRYPTO_FIND
    return complete ? found : Entries {};
}

} // namespace smartcard::openssl

namespace {

const smartcard::openssl::Entries& libcrypto()
{
    static std::once_flag once;
    static smartcard::openssl::Entries library;
    std::call_once(once, [] {
        library = smartcard::openssl::open(smartcard::openssl::libraryName);
        if (!library.complete()) {
            std::fprintf(stderr, "shiqiuren: cannot use %s (OpenSSL 3): %s\n",
                smartcard::openssl::libraryName, smartcard::on_demand::lastError());
            std::_Exit(127); // the dynamic loader's status for a missing library
        }
    });
    return library;
}

} // namespace

extern "C" {

#define SHIQIUREN_CRYPTO_FORWARD(name, result, parameters, arguments)                              \
    result name parameters                                                                         \
    {                                                                                              \
        return libcrypto().name arguments;                                                         \
    }
SHIQIUREN_CRYPTO_FUNCTIONS(SHIQIUREN_CRYPTO_FORWARD)
#undef SHIQIUREN_CRYPTO_FORWARD

} // extern "C"
