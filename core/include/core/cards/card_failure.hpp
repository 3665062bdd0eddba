#pragma once

#include <QString>
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
};

class CardFailure : public std::runtime_error {
public:
    CardFailure(CardProblem problem, const std::string& technicalDetail);

    CardProblem problem() const noexcept { return problem_; }
    /// The translated sentence for the user (zh-TW source, English translation).
    QString userMessage() const;
    /// Stable identifier for JSON and logs: "no-card", "service-unavailable", ...
    QString code() const;
    /// Whether trying again (after reinserting, restarting the service, ...) may help.
    bool retryMakesSense() const noexcept;

private:
    CardProblem problem_;
};

} // namespace core::cards
