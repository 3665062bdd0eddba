#pragma once

#include "smartcard/card_session.hpp"
#include "smartcard/errors.hpp"
#include "smartcard/hicos_signing.hpp"
#include "smartcard/token.hpp"

#include <memory>
#include <optional>
#include <string>

namespace smartcard {

class Pcsc;

/// Signing directly over PC/SC on HiCOS gen1 and gen2 cards, no vendor software: the protected
/// VERIFY and the private-key operation in one card transaction (hicos_signing.hpp).
///
/// These cards have no VERIFY status query known to be safe, so the token never asks: the
/// tries left are unknown until the card answers a VERIFY (the caller's ledger fills in "as far
/// as this computer knows"), then the card's 63Cx is remembered, and 6983 makes the token send
/// nothing more.
class HicosToken final : public Token {
public:
    /// Reads the signing profile (the PrKDF) in one Pcsc::withCard transaction. `pcsc` must
    /// outlive the token.
    static std::unique_ptr<HicosToken> open(Pcsc& pcsc, const std::string& reader,
        HicosGeneration generation, const CardCertificate& signing,
        ApduChannel::TraceSink trace = {});
    /// The same over any way of reaching the card (tests: the emulator's models in-process).
    static std::unique_ptr<HicosToken> open(CardSession read, CardSession signingSession,
        HicosGeneration generation, const CardCertificate& signing);

    const Bytes& certificate() const override { return profile_.certificate; }
    const HicosSigningProfile& profile() const { return profile_; }

protected:
    PinState readPinState() override;
    Bytes verifyAndSignOnce(ByteView pin, ByteView digest, SignatureAlgorithm algorithm) override;

private:
    HicosToken(CardSession signingSession, HicosSigningProfile profile);

    CardSession signingSession_;
    HicosSigningProfile profile_;
    bool blocked_ = false; // the card said so; nothing is sent to it again
    std::optional<int> lastTriesLeft_; // from the last 63Cx this token saw
};

} // namespace smartcard
