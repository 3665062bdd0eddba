#pragma once

// The standards-based card's PKCS#15 application (ISO 7816-15) in DF 5015: ODF, TokenInfo,
// AODF, PrKDF, CDF. The ODF deliberately mixes absolute and relative paths and is not in
// tag order, so the client's path handling is exercised.

#include "smartcard/bytes.hpp"

#include <cstdint>
#include <string_view>

namespace virtualcard::eid {

using smartcard::Bytes;
using smartcard::ByteView;

inline constexpr std::uint16_t appDf = 0x5015;
inline constexpr std::uint16_t odfFid = 0x5031;
inline constexpr std::uint16_t tokenInfoFid = 0x5032;
inline constexpr std::uint16_t aodfFid = 0x4401;
inline constexpr std::uint16_t prkdfFid = 0x4402;
inline constexpr std::uint16_t cdfFid = 0x4404;
inline constexpr std::uint16_t signCertFid = 0x4431;
inline constexpr std::uint16_t caCertFid = 0x4432;

inline constexpr std::uint8_t pinReference = 0x81;
inline constexpr std::uint8_t signKeyReference = 0x02;
inline constexpr std::uint8_t signKeyId = 0x45;
inline constexpr std::uint8_t caCertId = 0xCA;
inline constexpr std::size_t storedPinLength = 8;

/// A0 00 00 00 63 "PKCS-15".
Bytes pkcs15Aid();
/// EF.DIR (2F00): one application template pointing at 3F00/5015.
Bytes efDir();
/// A8 → AODF (3F0050154401), A0 → PrKDF (3F0050154402), A4 → CDF (4404, relative).
Bytes odf();
Bytes tokenInfo(std::string_view serialNumber, std::string_view manufacturer);
/// PIN: ascii-numeric, 4..8, stored 8, reference 81, pad FF, needs-padding.
/// The user PIN: ascii-numeric, or utf8 (case-sensitive) when `utf8Pin`.
Bytes aodf(bool utf8Pin);
/// Signing key iD 45, sign+nonRepudiation, keyReference 02, authId 01.
Bytes prkdf(int modulusBits);
/// Signing certificate (EF 4431, absolute path) and the CA (EF 4432, relative path, authority).
Bytes cdf();

} // namespace virtualcard::eid
