#pragma once

// A scene for the counting test module (counting_module/): a scratch state file holding the test
// PKI's citizen certificate and key, PIN 123456, three tries, named by SHIQIUREN_TEST_P11_STATE
// for as long as the fixture lives.

#include "pkcs11_test_support.hpp"
#include "smartcard/pkcs11_token.hpp"
#include "state_file.hpp"

#include <memory>
#include <string>

namespace p11test {

class CountingModule {
public:
    static constexpr const char* pin = "123456";

    explicit CountingModule(const std::string& mode = "flags")
        : statePath_((dir_.path() / "state").string())
        , env_("SHIQIUREN_TEST_P11_STATE", statePath_)
    {
        countingmodule::StateFile state;
        state.set("pin", pin);
        state.set("tries", 3);
        state.set("maxTries", 3);
        state.set("mode", mode);
        state.set("cert", (testPki() / "citizen-sign.der").string());
        state.set("key", (testPki() / "citizen-sign.key").string());
        REQUIRE(state.save(statePath_));
    }

    static std::string modulePath() { return SHIQIUREN_COUNTING_MODULE; }
    static smartcard::Bytes certificate() { return readFile(testPki() / "citizen-sign.der"); }

    countingmodule::StateFile state() const { return countingmodule::StateFile::load(statePath_); }
    long number(const std::string& key) const { return state().number(key); }
    template <typename Value> void set(const std::string& key, Value value)
    {
        auto current = state();
        current.set(key, value);
        REQUIRE(current.save(statePath_));
    }

    std::unique_ptr<smartcard::Pkcs11Token> open() const
    {
        return smartcard::Pkcs11Token::open(certificate(), modulePath());
    }

    /// Nothing left open or logged in on the module.
    bool idle() const { return number("openSessions") == 0 && number("loggedIn") == 0; }

private:
    TempDir dir_;
    std::string statePath_;
    ScopedEnv env_;
};

} // namespace p11test
