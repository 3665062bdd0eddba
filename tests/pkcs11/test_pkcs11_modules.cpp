// Finding and loading the PKCS#11 module: the Linux candidates, ModuleNotFound naming every path
// tried, SHIQIUREN_PKCS11_MODULE, C_Initialize without OS locking for a module that refuses it, a
// library that is no module, and one module shared by tokens.
#include "counting_fixture.hpp"
#include "smartcard/pkcs11_token.hpp"

#include <catch2/catch.hpp>

using namespace smartcard;
using p11test::CountingModule;
using p11test::failureOf;
using p11test::ScopedEnv;

namespace {

bool mentions(const CardError& error, const std::string& text)
{
    return std::string(error.what()).find(text) != std::string::npos;
}

} // namespace

TEST_CASE("Module candidates on Linux: the vendor's names, its directories, then HiPKI's")
{
    // The order rules themselves are tests/smartcard's (test_pkcs11_module_search.cpp), on every
    // platform; this is the Linux list.
    ScopedEnv unset("SHIQIUREN_PKCS11_MODULE", std::nullopt);
    CHECK(pkcs11ModuleCandidates("")
        == std::vector<std::string> { "libHicos_p11v1.so", "libHicos_p11.so",
            "/usr/lib/libHicos_p11v1.so", "/usr/lib/libHicos_p11.so",
            "/usr/local/lib/libHicos_p11v1.so", "/usr/local/lib/libHicos_p11.so",
            "/usr/local/HiPKILocalSignServerApp/libHicos_p11v1.so",
            "/usr/local/HiPKILocalSignServerApp/libHicos_p11.so",
            "/usr/local/HiPKILocalSignServerApp/lib/libHicos_p11v1.so",
            "/usr/local/HiPKILocalSignServerApp/lib/libHicos_p11.so" });
}

TEST_CASE("No module anywhere: ModuleNotFound names every path tried")
{
    p11test::TempDir dir;
    const std::string configured = (dir.path() / "configured.so").string();
    const std::string fromEnv = (dir.path() / "from-env.so").string();
    ScopedEnv env("SHIQIUREN_PKCS11_MODULE", fromEnv);
    const auto error
        = failureOf([&] { Pkcs11Token::open(CountingModule::certificate(), configured); });
    CHECK(error.code() == CardErrc::ModuleNotFound);
    for (const auto& path : pkcs11ModuleCandidates(configured))
        CHECK(mentions(error, path));
}

TEST_CASE("SHIQIUREN_PKCS11_MODULE is used when the settings name none, and yields to them")
{
    CountingModule module;
    ScopedEnv env("SHIQIUREN_PKCS11_MODULE", CountingModule::modulePath());
    const auto fromEnv = Pkcs11Token::open(CountingModule::certificate());
    CHECK(fromEnv->modulePath() == CountingModule::modulePath());

    p11test::TempDir dir;
    const std::string missing = (dir.path() / "missing.so").string();
    ScopedEnv elsewhere("SHIQIUREN_PKCS11_MODULE", missing);
    const auto error = failureOf(
        [&] { Pkcs11Token::open(CountingModule::certificate(), missing + ".configured"); });
    CHECK(error.code() == CardErrc::ModuleNotFound);
    CHECK(mentions(error, missing));
}

TEST_CASE("A module that refuses OS locking is initialised again with NULL, and works")
{
    const char* refusal = GENERATE("0x7", "0xA", "0x9"); // ARGUMENTS_BAD, CANT_LOCK, NEED_TO_...
    CAPTURE(refusal);
    CountingModule module;
    module.set("refuseInitArgs", refusal);
    auto token = module.open();
    CHECK(module.number("initialises") == 2);
    CHECK(module.number("initialisesWithoutArgs") == 1);
    const Bytes digest = p11test::sha256("single-threaded module");
    const Bytes signature = token->verifyAndSign(
        p11test::bytesOf(CountingModule::pin), digest, SignatureAlgorithm::RsaPkcs1Sha256, false);
    CHECK(p11test::verifiesRs256(token->certificate(), digest, signature));
}

TEST_CASE("Any other C_Initialize failure is ModuleFailure, without a second try")
{
    CountingModule module;
    module.set("refuseInitArgs", "0x5"); // CKR_GENERAL_ERROR
    const auto error = failureOf([&] { module.open(); });
    CHECK(error.code() == CardErrc::ModuleFailure);
    CHECK(mentions(error, "C_Initialize failed with CKR_GENERAL_ERROR"));
    CHECK(module.number("initialises") == 1);
    CHECK(module.number("initialisesWithoutArgs") == 0);
}

TEST_CASE("A library that is not a PKCS#11 module is ModuleFailure, not a crash")
{
    const auto error
        = failureOf([&] { Pkcs11Token::open(CountingModule::certificate(), "libz.so.1"); });
    CHECK(error.code() == CardErrc::ModuleFailure);
    CHECK(mentions(error, "libz.so.1 is not a PKCS#11 module"));
}

TEST_CASE("Two tokens share one loaded module: the first one closing does not finalise it")
{
    CountingModule module;
    auto first = module.open();
    auto second = module.open();
    first.reset(); // without sharing, this C_Finalize would pull the module from under `second`
    const Bytes digest = p11test::sha256("still loaded");
    const Bytes signature = second->verifyAndSign(
        p11test::bytesOf(CountingModule::pin), digest, SignatureAlgorithm::RsaPkcs1Sha256, false);
    CHECK(p11test::verifiesRs256(second->certificate(), digest, signature));
}

TEST_CASE("Return code names")
{
    CHECK(pkcs11::rvName(CKR_PIN_INCORRECT) == "CKR_PIN_INCORRECT (0x000000A0)");
    CHECK(pkcs11::rvName(CKR_VENDOR_DEFINED | 2) == "CKR_VENDOR_DEFINED+0x00000002");
    CHECK(pkcs11::vendorTriesLeft(0x80000001UL) == 1);
    CHECK(pkcs11::vendorTriesLeft(0x80000002UL) == 2);
    CHECK(pkcs11::vendorTriesLeft(static_cast<CK_RV>(-2147483646L)) == 2);
    CHECK(pkcs11::vendorTriesLeft(0x80000003UL) == 0);
    CHECK(pkcs11::vendorTriesLeft(0x1280000001UL) == 0);
    CHECK(pkcs11::vendorTriesLeft(CKR_PIN_INCORRECT) == 0);
}
