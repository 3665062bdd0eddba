#include "smartcard/pkcs11_token.hpp"

#include <algorithm>
#include <cstdlib>

namespace smartcard {

namespace {

/// The names Chunghwa Telecom's HiCOS installer uses. Bare names go through the dynamic loader's
/// own search (LD_LIBRARY_PATH, ld.so.cache, PATH on Windows); the vendor's Linux installer puts
/// the library in /usr/lib or /usr/local/lib, which ld.so.cache does not always cover.
std::vector<std::string> vendorModuleNames()
{
#if defined(_WIN32)
    return { "HiCOSPKCS11.dll" };
#elif defined(__APPLE__)
    return { "libHicos_p11v1.dylib", "/usr/local/lib/libHicos_p11v1.dylib" };
#else
    return { "libHicos_p11v1.so", "libHicos_p11.so", "/usr/lib/libHicos_p11v1.so",
        "/usr/lib/libHicos_p11.so", "/usr/local/lib/libHicos_p11v1.so",
        "/usr/local/lib/libHicos_p11.so" };
#endif
}

} // namespace

std::vector<std::string> pkcs11ModuleCandidates(const std::string& configured)
{
    std::vector<std::string> candidates;
    const auto add = [&](const std::string& path) {
        if (!path.empty()
            && std::find(candidates.begin(), candidates.end(), path) == candidates.end())
            candidates.push_back(path);
    };
    add(configured);
    if (const char* fromEnvironment = std::getenv("SHIQIUREN_PKCS11_MODULE"))
        add(fromEnvironment);
    for (const auto& name : vendorModuleNames())
        add(name);
    return candidates;
}

} // namespace smartcard
