#pragma once

#include "smartcard/card_session.hpp"
#include "smartcard/channel.hpp"
#include "smartcard/errors.hpp"
#include "smartcard/iso_signing.hpp"
#include "smartcard/token.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace smartcard {

class Pcsc;

struct IsoTokenOptions {
    /// Whether a VERIFY without data is known to report the retry counter without using a try
    /// (ISO 7816-4 §11.5.6; true for a standards-based eID card). False for a card profile
    /// where that is unknown: the token then never sends it.
    bool statusQuerySafe = true;
    /// MSE:SET tag 80. The PrKDF parser does not surface PKCS#15 algReference (an index into
    /// TokenInfo, not a card value), so by default the tag is left out and the card uses the
    /// key's own algorithm; a card profile that needs one passes it here.
    std::optional<std::uint8_t> algorithmReference;
    ApduChannel::TraceSink trace; // redacted APDU trace, as for the read side
};

/// Signing directly over PC/SC for standards-based PKCS#15 cards. Everything card-specific
/// (PIN reference, encoding, padding, lengths, key reference) comes from the card's AODF and
/// PrKDF, read once when the token is opened.
class IsoToken final : public Token {
public:
    using CardSession = smartcard::CardSession;

    /// Reads the signing profile in one Pcsc::withCard transaction. `pcsc` must outlive the
    /// token; each later card operation is again one transaction.
    static std::unique_ptr<IsoToken> open(
        Pcsc& pcsc, const std::string& reader, IsoTokenOptions options = {});
    /// The same over any way of reaching the card (tests: the emulator's models in-process).
    static std::unique_ptr<IsoToken> open(CardSession session, IsoTokenOptions options = {});
    /// With a separate session for VERIFY + signing, one that ends the card's verified state
    /// afterwards (over PC/SC: a card reset on disconnect).
    static std::unique_ptr<IsoToken> open(
        CardSession session, CardSession signingSession, IsoTokenOptions options);

    const Bytes& certificate() const override { return profile_.certificate; }
    const IsoSigningProfile& profile() const { return profile_; }

protected:
    PinState readPinState() override;
    Bytes verifyAndSignOnce(ByteView pin, ByteView digest, SignatureAlgorithm algorithm) override;

private:
    IsoToken(CardSession session, CardSession signingSession, IsoTokenOptions options,
        IsoSigningProfile profile);
    /// Keeps what the card said about its counter, for when it cannot be asked.
    void remember(const CardError& error);

    CardSession session_;
    CardSession signingSession_;
    IsoTokenOptions options_;
    IsoSigningProfile profile_;
    bool blocked_ = false; // the card said so; nothing is sent to it again
    std::optional<int> lastTriesLeft_; // from the last 63Cx this token saw
};

} // namespace smartcard
