#pragma once

#include "smartcard/card_contents.hpp"
#include "smartcard/cardkind.hpp"
#include "smartcard/channel.hpp"
#include "smartcard/token.hpp"

#include <cstdint>

// Signing directly on HiCOS cards (自然人憑證, 機關憑證), as plain functions on a channel: each
// runs inside the caller's one transaction. gen1 takes the PIN in its 3DES-protected VERIFY and
// signs with its proprietary EA/C1 commands; gen2 takes both inside a GlobalPlatform SCP03
// session (security level 03) whose keys derive from the card's own id. HicosToken wraps them
// in Pcsc::withCard; tests drive them on the emulator's card models. docs/signing.md tells the
// protocols in words.

namespace smartcard {

/// What signing needs, read once without a PIN: the signing certificate and the key reference
/// the PrKDF gives its key (the key with the certificate's iD, else the one named "SIGN").
struct HicosSigningProfile {
    HicosGeneration generation = HicosGeneration::Gen1;
    Bytes certificate;
    std::uint8_t keyReference = 0;
    std::size_t modulusBytes = 256;
};

/// Reads the PrKDF. Throws CardError: KeyNotFound when no key goes with the certificate or it
/// cannot sign, UnsupportedCard for a key other than 2048-bit RSA (the only kind the private-key
/// commands are known for).
HicosSigningProfile readHicosSigningProfile(
    ApduChannel& channel, HicosGeneration generation, const CardCertificate& signing);

/// The PIN limits of every HiCOS card: 6 to 8 letters and digits, case kept. The card has no
/// status query known to be safe, so the tries are not known here.
PinState hicosPinLimits();

/// One protected VERIFY, then the private-key operation over the PKCS#1 v1.5 block of
/// `digest` (SHA-256). Throws CardError: PinIncorrect (tries left from 63Cx),
/// AuthenticationBlocked (6983 / 63C0), CardAuthenticationFailed (gen2: the card does not hold
/// the keys derived for it; no PIN was sent), or the status word's own error. The PIN block,
/// the keys and the MAC chain are wiped on every path; nothing is repeated.
Bytes hicosVerifyAndSign(
    ApduChannel& channel, const HicosSigningProfile& profile, ByteView pin, ByteView digest);

} // namespace smartcard
