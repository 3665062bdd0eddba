// Where the PKCS#11 module is looked for on this platform, and (on Windows) how it is loaded:
// by full path only. Loading real modules is tests/pkcs11's (Linux: SoftHSM2, the counting module).

#include "card_error_checks.hpp"
#include "smartcard/pkcs11_token.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

using namespace smartcard;

namespace {

/// Sets (or, with nullopt, unsets) an environment variable for one scope.
class ScopedEnv {
public:
    ScopedEnv(std::string name, const std::optional<std::string>& value)
        : name_(std::move(name))
    {
        if (const char* old = std::getenv(name_.c_str()))
            saved_ = old;
        set(value);
    }
    ~ScopedEnv() { set(saved_); }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    void set(const std::optional<std::string>& value)
    {
#if defined(_WIN32)
        _putenv_s(name_.c_str(), value ? value->c_str() : ""); // "" removes it
#else
        if (value)
            setenv(name_.c_str(), value->c_str(), 1);
        else
            unsetenv(name_.c_str());
#endif
    }

    std::string name_;
    std::optional<std::string> saved_;
};

std::vector<std::string> vendorModules()
{
    ScopedEnv unset("SHIQIUREN_PKCS11_MODULE", std::nullopt);
    return pkcs11ModuleCandidates("");
}

} // namespace

TEST_CASE(
    "Module candidates: settings, then SHIQIUREN_PKCS11_MODULE, then the vendor's", "[pkcs11]")
{
    const std::vector<std::string> vendor = vendorModules();
    REQUIRE_FALSE(vendor.empty());
    {
        ScopedEnv env("SHIQIUREN_PKCS11_MODULE", "/opt/from-env.so");
        const auto candidates = pkcs11ModuleCandidates("/opt/configured.so");
        REQUIRE(candidates.size() == vendor.size() + 2);
        CHECK(candidates[0] == "/opt/configured.so");
        CHECK(candidates[1] == "/opt/from-env.so");
        CHECK(std::equal(vendor.begin(), vendor.end(), candidates.begin() + 2));
        // A repeat is tried once.
        CHECK(pkcs11ModuleCandidates("/opt/from-env.so")[1] == vendor[0]);
    }
    CHECK(pkcs11ModuleCandidates(vendor[0]) == vendor);
}

#if defined(_WIN32)

TEST_CASE("Windows: HiCOS's module in %WINDIR%\\System32, by full path", "[pkcs11][windows]")
{
    {
        ScopedEnv windir("WINDIR", "D:\\Windows");
        CHECK(vendorModules()
            == std::vector<std::string> { "D:\\Windows\\System32\\HiCOSPKCS11.dll" });
    }
    // Without the variable, where Windows says it is: still a full path.
    ScopedEnv unset("WINDIR", std::nullopt);
    const auto modules = vendorModules();
    REQUIRE(modules.size() == 1);
    const std::string& module = modules[0];
    CHECK(module.size() > 3);
    CHECK(module.substr(1, 2) == ":\\");
    CHECK(module.ends_with("\\System32\\HiCOSPKCS11.dll"));
}

TEST_CASE("Windows: a module named without a full path is not loaded", "[pkcs11][windows]")
{
    // LoadLibrary would search the current directory and PATH for these.
    for (const std::string name :
        { "HiCOSPKCS11.dll", "modules\\HiCOSPKCS11.dll", "\\HiCOSPKCS11.dll" }) {
        CAPTURE(name);
        const auto error = cardchecks::failureOf([&] { Pkcs11Token::open({}, name); });
        CHECK(error.code() == CardErrc::ModuleNotFound);
        CHECK_THAT(error.what(), Catch::Contains(name + " (not a full path"));
    }
}

TEST_CASE("Windows: a DLL that is no PKCS#11 module is ModuleFailure", "[pkcs11][windows]")
{
    // kernel32.dll is everywhere, and has no C_GetFunctionList: LoadLibraryExW, GetProcAddress
    // and FreeLibrary all run.
    const std::string windows = vendorModules()[0].substr(0, vendorModules()[0].find("\\System32"));
    const std::string kernel32 = windows + "\\System32\\kernel32.dll";
    const auto error = cardchecks::failureOf([&] { Pkcs11Token::open({}, kernel32); });
    CHECK(error.code() == CardErrc::ModuleFailure);
    CHECK_THAT(error.what(), Catch::Contains(kernel32 + " is not a PKCS#11 module"));

    const std::string missing = windows + "\\System32\\no-such-module.dll";
    const auto notFound = cardchecks::failureOf([&] { Pkcs11Token::open({}, missing); });
    CHECK(notFound.code() == CardErrc::ModuleNotFound);
    CHECK_THAT(notFound.what(), Catch::Contains(missing + " (not found"));
}

#endif
