#pragma once

// A standards-based PKCS#15 signature card (ISO 7816-4/8/15, CLA 00): SELECT by AID/FID/path
// with or without FCP, READ BINARY with short or extended Le, VERIFY with a retry counter,
// MSE:SET and PSO: COMPUTE DIGITAL SIGNATURE with a real RSA key. What a future gen2-like or
// foreign eID card looks like to the client.

#include "model/card.hpp"
#include "model/file_system.hpp"
#include "model/rsa_key.hpp"
#include "smartcard/apdu.hpp"

#include <string>

namespace virtualcard {

struct EidConfig {
    Bytes signCertificate; // citizen-sign.der → EF 4431
    Bytes caCertificate; // moica-ca.der → EF 4432
    std::string pin = "123456";
    int tries = 3;
    std::string serialNumber = "TP03000000012345";
    bool wrongLe6c = false; // --wrong-le-6c: READ BINARY of a small EF answers 6Cxx on a wrong Le
    std::string manufacturer = "Shiqiuren test card"; // TokenInfo manufacturerID
    bool utf8Pin = false; // --pin-type utf8: the AODF lets the PIN hold letters
};

class EidCard : public Card {
public:
    /// Throws std::invalid_argument for an unusable PIN or try count.
    EidCard(const EidConfig& config, RsaKey signingKey);

    const Bytes& atr() const override { return atr_; }
    void endSession() override;
    Reply process(ByteView command) override;
    PinCounter& pin() override { return pin_; }

private:
    Reply select(const smartcard::CommandApdu& c);
    Reply readBinary(const smartcard::CommandApdu& c);
    Reply verify(const smartcard::CommandApdu& c);
    Reply manageSecurityEnvironment(const smartcard::CommandApdu& c);
    Reply computeSignature(const smartcard::CommandApdu& c);

    Bytes atr_;
    FileSystem fs_;
    PinCounter pin_;
    Bytes paddedPin_;
    RsaKey key_;
    bool wrongLe6c_;
    bool keySelected_ = false; // MSE:SET done this session
};

} // namespace virtualcard
