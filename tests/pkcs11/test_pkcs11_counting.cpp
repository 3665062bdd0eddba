// Pkcs11Token against the counting test module: the three-strike rules as a module with a real
// retry counter reports them (token flags, or the HiCOS vendor codes), proven by the module's own
// count of C_Login calls; and every other C_Login outcome's mapping.
#include "counting_fixture.hpp"

#include <catch2/catch.hpp>

using namespace smartcard;
using p11test::CountingModule;
using p11test::failureOf;

namespace {

const Bytes rightPin = p11test::bytesOf(CountingModule::pin);
const Bytes wrongPin = p11test::bytesOf("654321");
const Bytes digest = p11test::sha256("職缺 A29000000G-0001");

CardError signFails(Pkcs11Token& token, const Bytes& pin, bool confirmLastTry = false)
{
    return failureOf([&] {
        token.verifyAndSign(pin, digest, SignatureAlgorithm::RsaPkcs1Sha256, confirmLastTry);
    });
}

Bytes sign(Pkcs11Token& token, bool confirmLastTry = false)
{
    return token.verifyAndSign(
        rightPin, digest, SignatureAlgorithm::RsaPkcs1Sha256, confirmLastTry);
}

} // namespace

TEST_CASE("Counting module, flags: 3 → 2 → final try → confirmed wrong → blocked, one login each")
{
    CountingModule module("flags");
    auto token = module.open();
    const PinState fresh = token->pinState();
    CHECK(fresh.minLength == 6);
    CHECK(fresh.maxLength == 8);
    CHECK_FALSE(fresh.triesLeft);
    CHECK(fresh.source == PinSource::Unknown);

    auto error = signFails(*token, wrongPin);
    CHECK(error.code() == CardErrc::PinIncorrect);
    CHECK_FALSE(error.triesLeft()); // COUNT_LOW alone does not say how many
    CHECK(module.number("tries") == 2);
    CHECK(module.number("logins") == 1);
    PinState state = token->pinState();
    CHECK(state.countLow);
    CHECK_FALSE(state.triesLeft);
    CHECK(state.source == PinSource::Module);

    error = signFails(*token, wrongPin);
    CHECK(error.code() == CardErrc::PinIncorrect);
    CHECK(error.triesLeft() == 1); // FINAL_TRY, read right after the failure
    CHECK(module.number("logins") == 2);
    state = token->pinState();
    CHECK(state.triesLeft == 1);
    CHECK(state.source == PinSource::Module);

    // The last try is not spent without the caller's confirmation, not even with the right PIN.
    CHECK(signFails(*token, rightPin).code() == CardErrc::LastTryNeedsConfirmation);
    CHECK(module.number("logins") == 2);

    error = signFails(*token, wrongPin, true);
    CHECK(error.code() == CardErrc::AuthenticationBlocked);
    CHECK(error.triesLeft() == 0);
    CHECK(module.number("logins") == 3);
    CHECK(module.number("tries") == 0);
    state = token->pinState();
    CHECK(state.blocked);
    CHECK(state.triesLeft == 0);

    // Blocked: nothing more reaches the module, whatever the PIN and confirmation.
    CHECK(signFails(*token, rightPin, true).code() == CardErrc::AuthenticationBlocked);
    CHECK(module.number("logins") == 3);
    // A fresh token learns it from the LOCKED flag and sends nothing either.
    auto again = module.open();
    CHECK(again->pinState().blocked);
    CHECK(signFails(*again, rightPin, true).code() == CardErrc::AuthenticationBlocked);
    CHECK(module.number("logins") == 3);
    CHECK(module.idle());
}

TEST_CASE("Counting module, vendor codes: 0x80000002 and 0x80000001 are tries left, then locked")
{
    // HiPKI documents them as -2147483646 / -2147483647: the module may return the 32-bit value
    // or its sign extension on a 64-bit CK_RV.
    const std::string mode = GENERATE("vendor-codes", "vendor-codes-signed");
    CAPTURE(mode);
    CountingModule module(mode);
    auto token = module.open();

    auto error = signFails(*token, wrongPin);
    CHECK(error.code() == CardErrc::PinIncorrect);
    CHECK(error.triesLeft() == 2);
    PinState state = token->pinState();
    CHECK(state.triesLeft == 2); // the module's flags say nothing; the code did
    CHECK_FALSE(state.countLow);
    CHECK(state.source == PinSource::Module);

    error = signFails(*token, wrongPin);
    CHECK(error.code() == CardErrc::PinIncorrect);
    CHECK(error.triesLeft() == 1);
    CHECK(token->pinState().triesLeft == 1);
    CHECK(signFails(*token, rightPin).code() == CardErrc::LastTryNeedsConfirmation);
    CHECK(module.number("logins") == 2);

    error = signFails(*token, wrongPin, true);
    CHECK(error.code() == CardErrc::AuthenticationBlocked); // CKR_PIN_LOCKED
    CHECK(module.number("logins") == 3);
    CHECK(token->pinState().blocked);
    CHECK(signFails(*token, rightPin, true).code() == CardErrc::AuthenticationBlocked);
    CHECK(module.number("logins") == 3);
    CHECK(module.idle());
}

TEST_CASE("Counting module: CKR_PIN_LOCKED from a module that reports no flags is sent once")
{
    CountingModule module("vendor-codes");
    module.set("tries", 0);
    auto token = module.open();
    CHECK_FALSE(token->pinState().blocked); // nothing tells before the first try
    const auto error = signFails(*token, rightPin);
    CHECK(error.code() == CardErrc::AuthenticationBlocked);
    CHECK(error.triesLeft() == 0);
    CHECK(module.number("logins") == 1);
    CHECK(token->pinState().blocked);
    CHECK(signFails(*token, rightPin, true).code() == CardErrc::AuthenticationBlocked);
    CHECK(module.number("logins") == 1);
}

TEST_CASE("Counting module: the right PIN after a failure signs and resets the count")
{
    const std::string mode = GENERATE("flags", "vendor-codes");
    CAPTURE(mode);
    CountingModule module(mode);
    auto token = module.open();
    CHECK(signFails(*token, wrongPin).code() == CardErrc::PinIncorrect);
    CHECK(module.number("tries") == 2);

    const Bytes signature = sign(*token);
    CHECK(p11test::verifiesRs256(token->certificate(), digest, signature));
    CHECK(module.number("tries") == 3);
    CHECK(module.number("signs") == 1);
    const PinState state = token->pinState();
    CHECK_FALSE(state.countLow);
    CHECK_FALSE(state.triesLeft); // the vendor figure is forgotten with the failure
    CHECK(state.source == PinSource::Unknown);
    CHECK(module.idle());
    CHECK(module.number("logouts") == 1);
}

TEST_CASE("Counting module: PIN length — refused before C_Login, or CKR_PIN_LEN_RANGE")
{
    CountingModule module;
    SECTION("the module reports 6 to 8: nothing is sent")
    {
        auto token = module.open();
        for (const auto* pin : { "12345", "123456789" })
            CHECK(signFails(*token, p11test::bytesOf(pin)).code() == CardErrc::PinLengthInvalid);
        CHECK(module.number("logins") == 0);
    }
    SECTION("the module reports no limits: its CKR_PIN_LEN_RANGE is PinLengthInvalid")
    {
        module.set("lengths", "hidden");
        auto token = module.open();
        CHECK(token->pinState().maxLength == 0);
        CHECK(signFails(*token, p11test::bytesOf("12345")).code() == CardErrc::PinLengthInvalid);
        CHECK(module.number("logins") == 1);
        CHECK(module.number("tries") == 3); // no try spent
    }
    CHECK(module.idle());
}

TEST_CASE("Counting module: other C_Login results, and no PIN in any message")
{
    struct Case {
        const char* rv;
        CardErrc expected;
        const char* named;
    };
    const Case c = GENERATE(Case { "0xE0", CardErrc::CardRemoved, "CKR_TOKEN_NOT_PRESENT" },
        Case { "0x32", CardErrc::CardRemoved, "CKR_DEVICE_REMOVED" },
        Case { "0x5", CardErrc::ModuleFailure, "CKR_GENERAL_ERROR" },
        Case { "0xA1", CardErrc::ModuleFailure, "CKR_PIN_INVALID" },
        Case { "0x80000007", CardErrc::ModuleFailure, "CKR_VENDOR_DEFINED+0x00000007" });
    CAPTURE(c.rv);
    CountingModule module;
    module.set("failLogin", c.rv);
    auto token = module.open();
    const auto error = signFails(*token, rightPin);
    CHECK(error.code() == c.expected);
    CHECK(std::string(error.what()).find(c.named) != std::string::npos);
    CHECK(std::string(error.what()).find(CountingModule::pin) == std::string::npos);
    CHECK(module.number("logins") == 1);
    CHECK(module.idle());
}

TEST_CASE("Counting module: CKR_USER_ALREADY_LOGGED_IN goes on to sign")
{
    CountingModule module;
    module.set("loggedIn", 1); // as another session of this process left it
    auto token = module.open();
    CHECK(p11test::verifiesRs256(token->certificate(), digest, sign(*token)));
    CHECK(module.number("logins") == 1);
    CHECK(module.number("logouts") == 1);
    CHECK(module.idle());
}

TEST_CASE("Counting module: a failed signature still logs out and closes the session")
{
    CountingModule module;
    module.set("failSign", "0x30"); // CKR_DEVICE_ERROR
    auto token = module.open();
    const auto error = signFails(*token, rightPin);
    CHECK(error.code() == CardErrc::ModuleFailure);
    CHECK(std::string(error.what()).find("CKR_DEVICE_ERROR") != std::string::npos);
    CHECK(module.number("logouts") == 1);
    CHECK(module.idle());
}

TEST_CASE("Counting module: a key that cannot sign is KeyNotFound, before or after login")
{
    CountingModule module;
    module.set("keySign", 0);
    SECTION("keys visible before login: open() already knows")
    {
        CHECK(failureOf([&] { module.open(); }).code() == CardErrc::KeyNotFound);
        CHECK(module.number("logins") == 0);
    }
    SECTION("keys hidden until login: found out after C_Login, and still logged out")
    {
        module.set("keys", "private");
        auto token = module.open();
        CHECK(signFails(*token, rightPin).code() == CardErrc::KeyNotFound);
        CHECK(module.number("logins") == 1);
        CHECK(module.number("logouts") == 1);
    }
    CHECK(module.idle());
}

TEST_CASE("Counting module: keys hidden until login are found after it")
{
    CountingModule module;
    module.set("keys", "private");
    auto token = module.open();
    CHECK(p11test::verifiesRs256(token->certificate(), digest, sign(*token)));
}
