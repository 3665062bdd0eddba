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
    // After VERIFY + signing the card is reset on disconnect (also when signing failed after a
    // VERIFY), so its verified state does not outlive our one transaction.
    CardSession signingSession = [&pcsc, reader, trace = options.trace](const auto& operation) {
        pcsc.withCard(
            reader,
            [&](CardConnection& card, ApduChannel& channel) {
                card.resetWhenDone();
                operation(channel);
            },
            trace);
    };
    return open(std::move(session), std::move(signingSession), std::move(options));
}

} // namespace smartcard
