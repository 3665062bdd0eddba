#include "smartcard/pkcs11_token.hpp"

#include <algorithm>
#include <cstdlib>

#if defined(_WIN32)
#include "windows_api.hpp"
#include "windows_text.hpp"
#endif

namespace smartcard {

namespace {

#if defined(_WIN32)
// %WINDIR%, or where Windows says it is when the variable is missing.
std::string windowsDirectory()
{
    std::wstring directory(MAX_PATH, L'\0');
    const DWORD room = static_cast<DWORD>(directory.size());
    DWORD length = GetEnvironmentVariableW(L"WINDIR", directory.data(), room);
    if (length == 0 || length >= room)
        length = GetSystemWindowsDirectoryW(directory.data(), room);
    directory.resize(length < room ? length : 0);
    return detail::toUtf8(directory);
}

/// HiCOS Client's installer puts its module in System32. It is named by its full path: a bare
/// name would go through the DLL search order, which includes the current directory.
std::vector<std::string> vendorModules()
{
    return { windowsDirectory() + "\\System32\\HiCOSPKCS11.dll" };
}
#elif defined(__APPLE__)
/// HiCOS Client's library; the HiPKI local server's copy in the user's Library; and the
/// FBTokenLib folder that banks' signing plug-ins install it into.
std::vector<std::string> vendorModules()
{
    std::vector<std::string> modules { "libHicos_p11v1.dylib",
        "/usr/local/lib/libHicos_p11v1.dylib" };
    if (const char* home = std::getenv("HOME"); home && *home)
        modules.push_back(std::string(home) + "/Library/HiPKILocalSignServer/libHicos_p11v1.dylib");
    modules.push_back("/Library/FBTokenLib/libHicos_p11v1.dylib");
    return modules;
}
#else
/// The names Chunghwa Telecom's HiCOS installer uses. Bare names go through the dynamic loader's
/// own search (LD_LIBRARY_PATH, ld.so.cache); the vendor's Linux installer puts the library in
/// /usr/lib or /usr/local/lib, which ld.so.cache does not always cover. The HiPKI local server's
/// tarball unpacks into /usr/local/HiPKILocalSignServerApp with a copy of its own.
std::vector<std::string> vendorModules()
{
    std::vector<std::string> modules { "libHicos_p11v1.so", "libHicos_p11.so" };
    for (const char* directory : { "/usr/lib/", "/usr/local/lib/",
             "/usr/local/HiPKILocalSignServerApp/", "/usr/local/HiPKILocalSignServerApp/lib/" }) {
        modules.push_back(std::string(directory) + "libHicos_p11v1.so");
        modules.push_back(std::string(directory) + "libHicos_p11.so");
    }
    return modules;
}
#endif

// The variable as UTF-8 (Windows' getenv answers in the ANSI code page).
std::string environment(const char* name)
{
#if defined(_WIN32)
    const wchar_t* value = _wgetenv(detail::toWide(name).c_str());
    return value ? detail::toUtf8(value) : std::string();
#else
    const char* value = std::getenv(name);
    return value ? std::string(value) : std::string();
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
    add(environment("SHIQIUREN_PKCS11_MODULE"));
    for (const auto& path : vendorModules())
        add(path);
    return candidates;
}

} // namespace smartcard
