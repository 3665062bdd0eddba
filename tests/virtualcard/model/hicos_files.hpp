#pragma once

// The files of a HiCOS card's PKI DF 5030 as captures of real cards show them: the directory
// files (PrKDF 4100, PuKDF 4101, CDF 4104, AODF 4108, TokenInfo 5032) padded with 00 to a fixed
// size with the content length little-endian in the last two bytes, and every certificate in
// one EF 08F2 in 0x700-byte slots. CDF entries carry the subject, issuer and serial number
// besides the path, as on real cards, so the CDF runs well past one 200-byte READ BINARY.
// Gen1 paths start at the MF (3F00 5030 ...), gen2 paths at its applet (7FFF 5030 ...).

#include "smartcard/bytes.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace virtualcard::hicos {

using smartcard::Bytes;
using smartcard::ByteView;

inline constexpr std::size_t slotSize = 0x700;
inline constexpr std::size_t directorySize = 0x800;

struct Certificates {
    Bytes root; // grca
    Bytes ca; // moica-ca (or gca-ca)
    Bytes encryption; // citizen-enc
    Bytes signature; // citizen-sign
    /// A second signing certificate ("SIGN02", seen on gen2 cards), listed first in the CDF.
    std::optional<Bytes> secondSignature;
};

enum class Layout {
    /// As the captures show: object iDs SIGN, KEYX, CACert, ROOTCACert; certificate 1 signs.
    Faithful,
    /// Deliberately awkward: opaque iDs, the encryption certificate first, the signing one in
    /// the last slot, so a client that trusts order or labels reads the wrong one.
    Shuffled,
};

enum class Root { Mf, Applet }; // gen1: 3F00, gen2: 7FFF

/// One certificate's place: its CDF entry and the key (if any) that goes with it.
struct Slot {
    std::string label;
    Bytes id;
    bool authority = false;
    std::size_t offset = 0; // in 08F2
    const Bytes* certificate = nullptr;
    std::optional<std::uint8_t> keyReference; // the card's key for it; none for CAs
    std::string keyLabel;
    bool signs = false; // key usage sign+nonRepudiation, else decrypt+unwrap
};

struct KeySizes {
    int encryptionBits = 2048;
    int signatureBits = 2048;
};

/// The CDF order of the layout; throws std::length_error when a certificate exceeds its slot.
std::vector<Slot> slots(Layout layout, const Certificates& certs);

Bytes certificateBlob(const std::vector<Slot>& slots);
Bytes cdf(const std::vector<Slot>& slots, Root root);
Bytes prkdf(const std::vector<Slot>& slots, Root root, const KeySizes& bits);
Bytes pukdf(const std::vector<Slot>& slots, Root root, const KeySizes& bits);
/// The "User PIN" object: utf8, 6..8 characters, stored in 10 bytes padded with FF, reference 01.
Bytes aodf();
/// TokenInfo: version 0, `serial` (gen1: an "M-…" string, gen2: the card number), the vendor's
/// manufacturer and label.
Bytes tokenInfo(const std::string& serial);
/// Gen1's EF.DIR: one PKCS#15 application, labelled 中華電信研究所, path 3F00 0800.
Bytes efDir();
/// `content`, 00 padding to `size`, the last two bytes = content length little-endian.
Bytes directoryFile(ByteView content, std::size_t size = directorySize);

/// The gen2 GPPKI applet's AID.
Bytes gen2AppletAid();

/// The key reference of the "SIGN" key (P2 of the private-key operation).
std::uint8_t signKeyReference(const std::vector<Slot>& slots);

} // namespace virtualcard::hicos
