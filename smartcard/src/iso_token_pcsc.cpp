#include "smartcard/errors.hpp"
#include "smartcard/iso_token.hpp"
#include "smartcard/pcsc.hpp"

// Kept apart from iso_token.cpp so that code (and tests) using IsoToken over their own card
// session do not pull the PC/SC layer, and with it PC/SC-lite, into their link.

namespace smartcard {

std::unique_ptr<IsoToken> IsoToken::open(
    Pcsc& pcsc, const std::string& reader, IsoTokenOptions options)
{
    CardSession session = [&pcsc, reader, trace = options.trace](const auto& operation) {
        pcsc.withCard(
            reader, [&](CardConnection&, ApduChannel& channel) { operation(channel); }, trace);
    };
    // After VERIFY + signing the card is reset on disconnect, so its verified state does not
    // outlive our one transaction — also when the card refused the signature after a VERIFY. A
    // card that vanished mid-command is not reset: it holds no state, and resetting a dead slot
    // upsets some reader drivers (vpcd stops seeing new cards).
    CardSession signingSession = [&pcsc, reader, trace = options.trace](const auto& operation) {
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
    return open(std::move(session), std::move(signingSession), std::move(options));
}

} // namespace smartcard
