#pragma once

#include "smartcard/bytes.hpp"
#include "smartcard/token.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace smartcard {

namespace pkcs11 {
class Api; // a loaded module's function table (smartcard/src/pkcs11_api.hpp)
}

/// Where the PKCS#11 module is looked for, in order: `configured` (the settings), the
/// SHIQIUREN_PKCS11_MODULE environment variable, then the HiCOS vendor's usual names for this
/// platform. Empty entries and repeats are left out.
std::vector<std::string> pkcs11ModuleCandidates(const std::string& configured);

/// Signing through the card vendor's PKCS#11 module (HiCOS: 自然人憑證, 機關憑證), whose PIN
/// transport is the vendor's own. One C_Login per verifyAndSign(), never repeated; the session
/// is logged out and closed on every path.
class Pkcs11Token final : public Token {
public:
    /// Loads the first module of pkcs11ModuleCandidates(configuredModule) and picks the token whose
    /// certificate object equals `signingCertificate` (the DER read over PC/SC). Throws CardError:
    /// ModuleNotFound (naming every path tried), ModuleFailure, KeyNotFound (no token holds that
    /// certificate, or its key cannot sign).
    static std::unique_ptr<Pkcs11Token> open(
        const Bytes& signingCertificate, const std::string& configuredModule = {});
    /// The same over a module already loaded (tests: one wrapped to count calls).
    static std::unique_ptr<Pkcs11Token> open(
        std::shared_ptr<pkcs11::Api> module, const Bytes& signingCertificate);

    ~Pkcs11Token() override;
    Pkcs11Token(const Pkcs11Token&) = delete;
    Pkcs11Token& operator=(const Pkcs11Token&) = delete;

    const Bytes& certificate() const override { return certificate_; }
    const std::string& modulePath() const;
    unsigned long slotId() const { return slot_; }

protected:
    PinState readPinState() override;
    Bytes verifyAndSignOnce(ByteView pin, ByteView digest, SignatureAlgorithm algorithm) override;

private:
    Pkcs11Token(
        std::shared_ptr<pkcs11::Api> module, unsigned long slot, Bytes certificate, Bytes keyId);
    /// The PIN failure C_Login's `rv` means, with what the module says about tries now. Also
    /// updates what this token remembers.
    [[noreturn]] void throwLoginFailure(unsigned long rv);

    std::shared_ptr<pkcs11::Api> module_;
    unsigned long slot_; // CK_SLOT_ID
    Bytes certificate_;
    Bytes keyId_; // CKA_ID shared by the certificate and its private key
    bool blocked_ = false; // the module said CKR_PIN_LOCKED; nothing is sent again
    /// Tries left as the last failed login told us (a vendor code, or FINAL_TRY read right after
    /// it), for a module whose token flags say nothing. Cleared by a successful login.
    std::optional<int> lastTriesLeft_;
};

} // namespace smartcard
