#pragma once

// The card's end of the HiCOS cryptography, for the emulator's personalities: it checks what the
// host builds (smartcard/hicos_crypto.hpp). Written as its own logic from the protocol reference
// (§6, §8); it shares only the block ciphers, CMAC, the SCP03 KDF and the static-key
// diversification with the host, so a host-side mistake in the rest cannot hide itself here.
// Nothing here picks status words: the personality maps the failures.

#include "smartcard/apdu.hpp"
#include "smartcard/bytes.hpp"
#include "smartcard/hicos_crypto.hpp"
#include "smartcard/secret_bytes.hpp"

#include <cstdint>
#include <optional>

namespace virtualcard::hicos {

using smartcard::Bytes;
using smartcard::ByteView;
using smartcard::CommandApdu;
using smartcard::SecretBytes;

// ---- gen1 protected VERIFY -------------------------------------------------------------------

enum class Gen1VerifyFailure {
    WrongLength, // the data is not IV(8) ‖ cryptogram(24)
    BadPadding, // the decrypted cryptogram does not end in 06×6
    BadMac, // the MAC inside does not match the PIN block
};

struct Gen1VerifyResult {
    std::optional<Gen1VerifyFailure> failure;
    SecretBytes pin; // the PIN without its FF filler; empty on failure

    bool ok() const { return !failure; }
};

/// Opens the data field of `8C 20 00 01` (IV ‖ C): decrypts C, checks the padding and the MAC.
/// The scheme's MAC shares the encryption's key and IV, so a changed IV or a change to the first
/// two bytes of C still opens, to a different PIN: the personality then counts a wrong PIN.
Gen1VerifyResult openGen1Verify(ByteView data);

// ---- gen2 SCP03, security level 03 ------------------------------------------------------------

enum class SmFailure {
    Malformed, // not a command of the expected form or length
    NotAuthenticated, // a protected command before EXTERNAL AUTHENTICATE succeeded
    AlreadyAuthenticated, // a second EXTERNAL AUTHENTICATE in one session
    WrongSecurityLevel, // EXTERNAL AUTHENTICATE asks for anything but 03
    BadCryptogram, // the host cryptogram does not match: the host lacks the card's keys
    BadMac, // the C-MAC does not match
    BadPadding, // the decrypted data does not end in 80 00…
    SessionClosed, // an earlier failure ended the session
};

/// One SCP03 session as the card runs it, from INITIALIZE UPDATE on. Any failure closes it for
/// good, as a GlobalPlatform card ends its secure channel on a security error; the host has to
/// start over with INITIALIZE UPDATE.
class CardScp03Session {
public:
    /// INITIALIZE UPDATE received with `hostChallenge`; the card picked `cardChallenge`.
    /// Throws smartcard::CardError(InvalidArgument) for challenges that are not 8 bytes.
    CardScp03Session(
        const smartcard::hicos::StaticKeys& keys, ByteView hostChallenge, ByteView cardChallenge);

    /// The 29-byte INITIALIZE UPDATE answer: diversification data (10) ‖ key version ‖ 03 ‖
    /// `scpParameter` ‖ card challenge ‖ card cryptogram.
    Bytes initializeUpdateAnswer(ByteView diversificationData, std::uint8_t keyVersion,
        std::uint8_t scpParameter = 0x00) const;

    /// Checks the whole EXTERNAL AUTHENTICATE command (`84 82 03 00 10 <cryptogram> <MAC>`); on
    /// success the channel is open. nullopt = accepted.
    std::optional<SmFailure> externalAuthenticate(ByteView command);

    struct Unwrapped {
        std::optional<SmFailure> failure;
        CommandApdu command; // the plain command (CLA without 04, data decrypted); on success only

        bool ok() const { return !failure; }
    };
    /// Checks the C-MAC of a protected command, decrypts its data and strips the padding. The
    /// counter advances only for commands with data, as the host's does. The plain data (a
    /// VERIFY's PIN block) comes back in an ordinary CommandApdu: the emulator's PIN is a test one.
    Unwrapped unwrap(ByteView command);

    bool isOpen() const { return state_ == State::Open; }
    bool isClosed() const { return state_ == State::Closed; }

private:
    enum class State { AwaitingAuthentication, Open, Closed };

    SmFailure fail(SmFailure failure);

    SecretBytes sessionEnc_;
    SecretBytes sessionMac_;
    SecretBytes mcv_;
    Bytes context_; // host challenge ‖ card challenge
    Bytes cardChallenge_;
    SecretBytes cardCryptogram_;
    std::uint32_t counter_ = 0;
    State state_ = State::AwaitingAuthentication;
};

} // namespace virtualcard::hicos
