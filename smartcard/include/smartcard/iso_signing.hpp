#pragma once

#include "smartcard/channel.hpp"
#include "smartcard/pkcs15.hpp"
#include "smartcard/token.hpp"

#include <cstdint>
#include <optional>

// Signing on a standards-based PKCS#15 card (ISO 7816-4/8/15, CLA 00), as plain functions on a
// channel: each runs inside the caller's one transaction. IsoToken wraps them in
// Pcsc::withCard; tests drive them on the emulator's card models.

namespace smartcard {

/// Everything signing needs, from the card's own directories: the signing certificate (CDF,
/// classified by its contents), the private key with the certificate's iD (PrKDF), and the
/// PIN whose authId the key names (AODF).
struct IsoSigningProfile {
    Bytes certificate;
    PrivateKeyEntry key;
    PinEntry pin;
    std::uint8_t keyReference = 0; // MSE:SET tag 84
    std::uint8_t pinReference = 0; // VERIFY P2
    Bytes applicationPath; // the PKCS#15 application DF, for relative paths
};

/// Opens the PKCS#15 application and reads CDF, certificates, PrKDF and AODF. Throws
/// CardError(UnsupportedCard) when a piece is absent (no signing certificate, no key for it,
/// a key that cannot sign or is not RSA, no PIN for the key, no key or PIN reference) and
/// MalformedData when one does not parse or does not fit a byte.
IsoSigningProfile readIsoSigningProfile(ApduChannel& channel);

/// The PIN's lengths from the AODF (maxLength, else what storedLength holds); tries unknown.
PinState isoPinLimits(const IsoSigningProfile& profile);

/// isoPinLimits() plus the card's retry counter from one VERIFY without data. ISO 7816-4
/// §11.5.6: it answers 63Cx / 63C0 / 6983, or 9000 when already verified, and uses no try.
/// Call it only for a card known to behave so; any other answer leaves the tries unknown.
PinState queryIsoPinState(ApduChannel& channel, const IsoSigningProfile& profile);

/// SELECT the application, one VERIFY with the AODF's PIN block, MSE:SET (`algorithmReference`
/// as tag 80 when given, the PrKDF's key reference as tag 84), PSO: COMPUTE DIGITAL SIGNATURE
/// over the SHA-256 DigestInfo. The PIN block and the VERIFY command's data are wiped on every
/// path. Throws CardError: PinIncorrect (tries left), AuthenticationBlocked, WrongLength /
/// IncorrectData when the card rejects the block's format, or whatever the card or reader
/// reports; nothing is ever repeated.
Bytes isoVerifyAndSign(ApduChannel& channel, const IsoSigningProfile& profile, ByteView pin,
    ByteView digest, std::optional<std::uint8_t> algorithmReference);

} // namespace smartcard
