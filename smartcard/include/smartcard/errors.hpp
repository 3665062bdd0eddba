#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace smartcard {

/// Every failure the card layer reports. PC/SC return codes and status words are mapped to
/// these inside smartcard/; nothing outside this folder sees a raw code.
enum class CardErrc {
    // The PC/SC service and readers.
    ServiceUnavailable, // pcscd is not running (SCARD_E_NO_SERVICE, SCARD_E_NO_SERVER)
    ServiceLost, // pcscd went away under an open context (SCARD_F_COMM_ERROR)
    NoReaders, // SCARD_E_NO_READERS_AVAILABLE
    ReaderNotFound, // the named reader is not (or no longer) there
    NoCard, // the reader is empty
    CardRemoved, // the card left during the operation
    CardReset, // someone else reset the card under us
    CardUnresponsive, // mute or unpowered card
    SharingViolation, // another program holds the card exclusively
    TransactionFailed, // SCARD_E_NOT_TRANSACTED
    Timeout,
    Cancelled,
    PcscFailure, // any other PC/SC code
    // The response itself.
    MalformedResponse, // shorter than a status word, or a protocol loop
    // Status words (ISO 7816-4 §5.6).
    WrongLength, // 6700
    SecurityStatusNotSatisfied, // 6982
    AuthenticationBlocked, // 6983 / 63C0
    PinIncorrect, // 63Cx, x > 0 tries left
    ConditionsNotSatisfied, // 6985
    CommandNotAllowed, // 6981, 6986, 6900
    IncorrectData, // 6A80
    FunctionNotSupported, // 6A81
    FileNotFound, // 6A82
    RecordNotFound, // 6A83
    NotEnoughMemory, // 6A84
    WrongParameters, // 6A86, 6B00, 6A00
    ReferencedDataNotFound, // 6A88
    InstructionNotSupported, // 6D00
    ClassNotSupported, // 6E00
    MemoryFailure, // 6581
    UnknownStatus, // anything else
    // What we read.
    MalformedData, // a file's content does not parse
    UnsupportedCard, // recognised nothing we can read
    InvalidArgument, // caller error (bad length, bad path)
    // PIN and signing rules (nothing was sent to the card for any of these).
    PinLengthInvalid, // outside the token's min/max: refused before sending, no try burned
    PinCharactersInvalid, // a character the PIN cannot hold: refused before sending
    LastTryNeedsConfirmation, // one try left and the caller did not confirm it
    // Signing through a PKCS#11 module.
    ModuleNotFound, // no PKCS#11 module at any configured or usual location
    ModuleFailure, // the module failed in a way that is not about the PIN
    KeyNotFound, // no token/key matches the card's signing certificate
    // Our own cryptography (HiCOS PIN protection and secure messaging).
    CryptoFailure, // the crypto library failed (out of memory, a cipher missing): not the card
    CardAuthenticationFailed, // the card's cryptogram does not check: it does not hold our keys
};

/// Stable English identifier for logs and JSON ("card-removed"); UI text is core's job.
const char* errcName(CardErrc code) noexcept;

class CardError : public std::runtime_error {
public:
    CardError(CardErrc code, const std::string& detail, std::optional<int> triesLeft = {});

    CardErrc code() const noexcept { return code_; }
    /// Tries left, when the card said so (63Cx).
    std::optional<int> triesLeft() const noexcept { return triesLeft_; }
    /// True when a fresh PC/SC context or a new connection may succeed.
    bool isServiceFailure() const noexcept;
    /// True when the card answered with a status word: it is there and talking, it just said no.
    bool isCardRefusal() const noexcept;

private:
    CardErrc code_;
    std::optional<int> triesLeft_;
};

} // namespace smartcard
