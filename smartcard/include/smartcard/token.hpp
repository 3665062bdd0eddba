#pragma once

#include "smartcard/bytes.hpp"

#include <optional>
#include <string_view>

namespace smartcard {

/// Where a PIN-tries figure came from.
enum class PinSource {
    Card, // the card said so (63Cx, 6983, an empty-data VERIFY)
    Module, // the PKCS#11 module said so (token flags, return codes)
    Ledger, // our own count (core's PIN ledger), when neither of the above reports
    Unknown, // nobody knows yet
};
std::string_view pinSourceName(PinSource source) noexcept; // "card", "module", "ledger", "unknown"

struct PinState {
    std::optional<int> triesLeft; // absent when unknown
    bool blocked = false;
    bool countLow = false; // a wrong PIN was entered since the last success (PKCS#11 COUNT_LOW)
    int minLength = 0;
    int maxLength = 0;
    /// ASCII letters as well as digits, case kept (HiCOS cards, a PKCS#15 utf8 PIN, a PKCS#11
    /// module); digits only otherwise.
    bool lettersAllowed = false;
    PinSource source = PinSource::Unknown;
};

enum class SignatureAlgorithm {
    RsaPkcs1Sha256, // RS256: RSASSA-PKCS1-v1_5 over a SHA-256 digest
};

/// The one interface the rest of the program signs through. Back ends: IsoToken (PKCS#15 cards,
/// directly over PC/SC) and Pkcs11Token (HiCOS cards, through the vendor's PKCS#11 module).
///
/// The lockout rules live here, not in any caller: verifyAndSign() sends at most one VERIFY and
/// never retries it; a PIN outside the length limits or with a character the PIN cannot hold, a
/// blocked token, or the last try without `confirmLastTry` are refused before anything is sent
/// (no try burned). The PIN is taken as a
/// view of the caller's single buffer; no back end keeps a copy past the call (transient APDU
/// buffers are wiped), and no error text, trace or log line contains it.
class Token {
public:
    virtual ~Token() = default;

    /// The signing certificate (DER), as read from the card.
    virtual const Bytes& certificate() const = 0;
    /// What the token knows about its PIN now. May talk to the card or module, never with a
    /// PIN, and never in a way that can cost a try.
    PinState pinState();

    /// Verifies `pin` and signs `digest` (32 bytes for RS256) in one go: one PC/SC transaction
    /// for a card, one login session for a module. Throws CardError: PinIncorrect (with tries
    /// left when known), AuthenticationBlocked, PinLengthInvalid, LastTryNeedsConfirmation,
    /// CardRemoved, ... A failed VERIFY is never repeated by this call or by the token.
    Bytes verifyAndSign(
        ByteView pin, ByteView digest, SignatureAlgorithm algorithm, bool confirmLastTry);

protected:
    virtual PinState readPinState() = 0;
    /// Called only after the shared rules passed; sends exactly one PIN verification.
    virtual Bytes verifyAndSignOnce(ByteView pin, ByteView digest, SignatureAlgorithm algorithm)
        = 0;
};

/// The SHA-256 DigestInfo prefix (RFC 8017 §9.2 note 1): DigestInfo = prefix ‖ digest.
Bytes sha256DigestInfo(ByteView digest);

} // namespace smartcard
