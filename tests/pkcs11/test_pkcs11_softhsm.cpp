// Pkcs11Token against a real module, SoftHSM2: the token found by its certificate, signatures
// that verify, what a wrong PIN really reports, and PINs the length rules stop before C_Login.
#include "pkcs11_test_support.hpp"
#include "smartcard/pkcs11_token.hpp"
#include "softhsm_token.hpp"

#include <catch2/catch.hpp>

using namespace smartcard;
using p11test::CountingApi;
using p11test::failureOf;
using p11test::SoftHsmToken;

namespace {

const Bytes rightPin = p11test::bytesOf(SoftHsmToken::userPin);
const Bytes wrongPin = p11test::bytesOf("654321");

/// A token over SoftHSM2 whose module calls are counted.
struct Counted {
    std::shared_ptr<CountingApi> api;
    std::unique_ptr<Pkcs11Token> token;
};
Counted countedToken()
{
    const auto& softhsm = SoftHsmToken::instance();
    auto api = std::make_shared<CountingApi>(pkcs11::loadModule({ SoftHsmToken::modulePath() }));
    auto token = Pkcs11Token::open(api, softhsm.certificate());
    return { api, std::move(token) };
}

} // namespace

TEST_CASE("SoftHSM2: the token is the one holding the card's signing certificate")
{
    const auto& softhsm = SoftHsmToken::instance();
    const auto token = Pkcs11Token::open(softhsm.certificate(), SoftHsmToken::modulePath());
    CHECK(token->slotId() == softhsm.slot());
    CHECK(token->certificate() == softhsm.certificate());
    CHECK(token->modulePath() == SoftHsmToken::modulePath());
}

TEST_CASE("SoftHSM2: another card's certificate finds no key")
{
    SoftHsmToken::instance();
    const Bytes agency = p11test::readFile(p11test::testPki() / "agency-sign.der");
    const auto error = failureOf([&] { Pkcs11Token::open(agency, SoftHsmToken::modulePath()); });
    INFO(error.what());
    CHECK(error.code() == CardErrc::KeyNotFound);
    CHECK(std::string(error.what()).find(SoftHsmToken::modulePath()) != std::string::npos);
}

TEST_CASE("SoftHSM2: the right PIN signs once, and the signature verifies against the certificate")
{
    auto [api, token] = countedToken();
    const Bytes digest = p11test::sha256("徵才公告 2026-001");
    const Bytes signature
        = token->verifyAndSign(rightPin, digest, SignatureAlgorithm::RsaPkcs1Sha256, false);
    CHECK(signature.size() == 256);
    CHECK(p11test::verifiesRs256(token->certificate(), digest, signature));
    CHECK_FALSE(p11test::verifiesRs256(token->certificate(), p11test::sha256("other"), signature));
    CHECK(api->logins == 1);
    CHECK(api->logouts == 1);
    CHECK(api->sessionsOpened == api->sessionsClosed);
    // The caller's own buffer reached C_Login: no copy of the PIN was made on the way.
    CHECK(api->lastPin == rightPin.data());
}

TEST_CASE("SoftHSM2: a wrong PIN is PinIncorrect, and the module's flags become the PIN state")
{
    auto [api, token] = countedToken();
    const PinState before = token->pinState();
    CHECK(before.minLength == 4); // SoftHSM2's limits
    CHECK(before.maxLength == 255);
    CHECK_FALSE(before.countLow);
    CHECK(before.source == PinSource::Unknown);

    const auto error = failureOf([&] {
        token->verifyAndSign(
            wrongPin, p11test::sha256("x"), SignatureAlgorithm::RsaPkcs1Sha256, false);
    });
    CHECK(error.code() == CardErrc::PinIncorrect);
    CHECK(api->logins == 1);
    CHECK(api->logouts == 0); // never logged in
    CHECK(api->sessionsOpened == api->sessionsClosed);
    const PinState after = token->pinState();
    INFO("after a wrong PIN: countLow " << after.countLow << ", tries "
                                        << after.triesLeft.value_or(-1) << ", blocked "
                                        << after.blocked);
    CHECK(after.countLow);
    CHECK_FALSE(after.triesLeft);
    CHECK_FALSE(after.blocked);
    CHECK(after.source == PinSource::Module);
    CHECK_FALSE(error.triesLeft());

    // The right PIN then signs and clears the flag.
    token->verifyAndSign(rightPin, p11test::sha256("x"), SignatureAlgorithm::RsaPkcs1Sha256, false);
    CHECK_FALSE(token->pinState().countLow);
    CHECK(api->logins == 2);
}

TEST_CASE("SoftHSM2: a PIN outside the module's length limits never reaches C_Login")
{
    auto [api, token] = countedToken();
    for (const Bytes& pin : { p11test::bytesOf("123"), Bytes(256, '1') }) {
        const auto error = failureOf([&] {
            token->verifyAndSign(
                pin, p11test::sha256("x"), SignatureAlgorithm::RsaPkcs1Sha256, false);
        });
        CHECK(error.code() == CardErrc::PinLengthInvalid);
    }
    CHECK(api->logins == 0);
    CHECK(api->sessionsOpened == api->sessionsClosed);
}

TEST_CASE("SoftHSM2: no lockout, so repeated wrong PINs stay PinIncorrect with the count unknown")
{
    // SoftHSM2 2.6 keeps no retry counter: every wrong PIN is CKR_PIN_INCORRECT with only
    // CKF_USER_PIN_COUNT_LOW set, never FINAL_TRY or LOCKED. The token must not invent a count.
    auto [api, token] = countedToken();
    for (int attempt = 1; attempt <= 4; ++attempt) {
        const auto error = failureOf([&] {
            token->verifyAndSign(
                wrongPin, p11test::sha256("x"), SignatureAlgorithm::RsaPkcs1Sha256, false);
        });
        CHECK(error.code() == CardErrc::PinIncorrect);
        CHECK_FALSE(error.triesLeft());
        CHECK(api->logins == attempt); // one C_Login per call, never a retry
        const PinState state = token->pinState();
        CHECK(state.countLow);
        CHECK_FALSE(state.triesLeft);
        CHECK_FALSE(state.blocked);
    }
    token->verifyAndSign(rightPin, p11test::sha256("x"), SignatureAlgorithm::RsaPkcs1Sha256, false);
    CHECK_FALSE(token->pinState().countLow);
}
