#pragma once

#include <QString>
#include <optional>
#include <stdexcept>

namespace core::cards {

/// What went wrong with a card or reader, in terms a clerk (and IT support) can act on.
enum class CardProblem {
    ServiceUnavailable, // the smart card service (pcscd) is not running
    NoReaders, // no reader is connected
    ReaderNotFound, // the reader asked for is not connected
    NoCard, // the reader is empty
    CardRemoved, // the card was taken out while it was being read
    CardBusy, // another program is using the card
    UnsupportedCard, // not a card this program knows
    UnreadableCard, // the card answered, but its contents do not make sense
    Communication, // anything else between us and the card
    // PIN and signing (for the four PIN problems nothing more was sent than the message says).
    WrongPin, // the card or module refused the PIN; triesLeft() tells how many remain
    PinBlocked, // three wrong PINs: the card is locked, nothing is sent to it any more
    PinLengthInvalid, // refused before sending: no try was used
    PinCharactersInvalid, // a character the card's PIN cannot hold; refused before sending
    LastTryNeedsConfirmation, // one try left: the user must confirm before it is used
    SigningModuleMissing, // a HiCOS card needs the vendor's PKCS#11 module, and none is installed
    SigningKeyNotFound, // the module shows no key for this card's signing certificate
    NoSigningCertificate, // the card holds no signing certificate
};

class CardFailure : public std::runtime_error {
public:
    CardFailure(
        CardProblem problem, const std::string& technicalDetail, std::optional<int> triesLeft = {});

    CardProblem problem() const noexcept { return problem_; }
    /// The translated sentence for the user (zh-TW source, English translation).
    QString userMessage() const;
    /// Stable identifier for JSON and logs: "no-card", "service-unavailable", ...
    QString code() const;
    /// Whether trying again (after reinserting, restarting the service, ...) may help.
    bool retryMakesSense() const noexcept;
    /// Tries left on the card, where known (WrongPin, LastTryNeedsConfirmation).
    std::optional<int> triesLeft() const noexcept { return triesLeft_; }

private:
    CardProblem problem_;
    std::optional<int> triesLeft_;
};

} // namespace core::cards
