#pragma once

// The HiCOS gen1 directory files (DF 5030: PrKDF 4100, CDF 4104, AODF 4108) and the single
// certificate EF 08F2, laid out like the real card: four certificates in 0x700-byte slots,
// directory content zero-padded to a fixed size with the content length in the last two bytes
// (little-endian).

#include "smartcard/bytes.hpp"

#include <array>
#include <cstdint>

namespace virtualcard::moica {

using smartcard::Bytes;
using smartcard::ByteView;

inline constexpr std::size_t slotSize = 0x700;
inline constexpr std::size_t rootOffset = 0x0000;
inline constexpr std::size_t caOffset = 0x0700;
inline constexpr std::size_t encryptionOffset = 0x0E00;
inline constexpr std::size_t signatureOffset = 0x1500;
inline constexpr std::size_t blobSize = 4 * slotSize;
inline constexpr std::size_t directorySize = 1024;

inline constexpr std::uint8_t signKeyReference = 0x01;
inline constexpr std::uint8_t encryptionKeyReference = 0x05;
// Opaque identifiers: nothing in them says which user certificate signs.
inline constexpr std::array<std::uint8_t, 2> rootId { 0xA0, 0x01 };
inline constexpr std::array<std::uint8_t, 2> caId { 0xA0, 0x02 };
inline constexpr std::array<std::uint8_t, 2> encryptionId { 0x3C, 0x71 };
inline constexpr std::array<std::uint8_t, 2> signatureId { 0xC5, 0x0E };

struct Certificates {
    Bytes root; // grca
    Bytes ca; // moica-ca
    Bytes encryption; // citizen-enc
    Bytes signature; // citizen-sign
};

/// EF 08F2: every certificate at its slot offset, unused bytes FF. Throws std::length_error
/// when a certificate does not fit its slot.
Bytes certificateBlob(const Certificates& certs);
/// CDF content: cert1 (encryption), CA Cert, cert2 (signature), ROOT CA Cert — deliberately
/// neither in usage order nor with usage-revealing labels.
Bytes cdf(const Certificates& certs);
/// PrKDF content: KEYX (decrypt+unwrap, keyRef 05), then SIGN (sign+nonRepudiation, keyRef 01).
Bytes prkdf(int encryptionBits, int signatureBits);
/// AODF content: the "User PIN" object (utf8, 6..8, stored 10, reference 01, pad FF).
Bytes aodf();
/// `content`, 00 padding to `size`, the last two bytes = content length little-endian.
Bytes directoryFile(ByteView content, std::size_t size = directorySize);

} // namespace virtualcard::moica
