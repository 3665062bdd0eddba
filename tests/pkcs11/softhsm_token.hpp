#pragma once

// A SoftHSM2 token made for this test process: its own SOFTHSM2_CONF and token directory in a
// scratch dir (nothing under $HOME or /etc is read or written), initialised with
// softhsm2-util, holding the test PKI's citizen-sign key (imported with softhsm2-util) and its
// certificate (written with C_CreateObject, under the key's CKA_ID).

#include "pkcs11_test_support.hpp"

#include <string>

namespace p11test {

class SoftHsmToken {
public:
    static constexpr const char* userPin = "123456";
    static constexpr const char* label = "shiqiuren-test";

    /// Made once per process, on first use (before any token loads the module: the setup
    /// initialises and finalises SoftHSM2 itself), and removed at exit.
    static SoftHsmToken& instance();

    /// libsofthsm2.so (SHIQIUREN_SOFTHSM2_MODULE at build time).
    static std::string modulePath();
    const smartcard::Bytes& certificate() const { return certificate_; }
    unsigned long slot() const { return slot_; }

private:
    SoftHsmToken();

    TempDir dir_;
    smartcard::Bytes certificate_;
    unsigned long slot_ = 0;
};

} // namespace p11test
