#include "smartcard/card_session.hpp"
#include "smartcard/errors.hpp"
#include "smartcard/pcsc.hpp"

// Kept apart so that code (and tests) driving the tokens over their own card session do not
// pull the PC/SC layer, and with it PC/SC-lite, into their link.

namespace smartcard {

CardSessions pcscCardSessions(Pcsc& pcsc, const std::string& reader, ApduChannel::TraceSink trace)
{
    CardSession read = [&pcsc, reader, trace](const auto& operation) {
        pcsc.withCard(
            reader, [&](CardConnection&, ApduChannel& channel) { operation(channel); }, trace);
    };
    // The card is reset also when it refused the signature after a VERIFY. A card that vanished
    // mid-command is not reset: it holds no state, and resetting a dead slot upsets some reader
    // drivers (vpcd stops seeing new cards).
    CardSession signing = [&pcsc, reader, trace](const auto& operation) {
        pcsc.withCard(
            reader,
            [&](CardConnection& card, ApduChannel& channel) {
                try {
                    operation(channel);
                } catch (const CardError& error) {
                    if (error.isCardRefusal())
                        card.resetWhenDone();
                    throw;
                }
                card.resetWhenDone();
            },
            trace);
    };
    return { std::move(read), std::move(signing) };
}

} // namespace smartcard
