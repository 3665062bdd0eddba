#pragma once

#include "smartcard/bytes.hpp"
#include "smartcard/pkcs15.hpp"

namespace smartcard {

/// The VERIFY data for `pin` as the card's AODF entry describes it (PKCS#15 v1.1 §6.8.2,
/// ISO/IEC 7816-15 PinAttributes):
///
/// - bcd: two digits a byte, high nibble first; an odd count fills the last low nibble with
///   the pad character's low nibble (F without one);
/// - ascii-numeric: the digits as ASCII;
/// - utf8: the bytes as given, ASCII letters upper-cased unless the PIN is case-sensitive;
/// - half-nibble-bcd: one digit a byte in the low nibble, high nibble F;
/// - iso9564-1: the ISO 9564-1 format 2 block, `2L` then the digits then F nibbles, 8 bytes
///   (4 to 12 digits; the block is its own padding, so storedLength/padChar do not apply).
///
/// With needs-padding the result is padded with padChar up to storedLength bytes.
/// The result's capacity is exactly its size (reserved before it is filled), so the one
/// buffer holding the PIN can be wiped and no reallocation leaves a copy behind.
///
/// Throws CardError before building anything: PinLengthInvalid (empty, too long for
/// storedLength, outside 4..12 for format 2), InvalidArgument (a non-digit for a digit type),
/// MalformedData (needs-padding without a pad character or stored length). No message
/// contains the PIN.
Bytes encodePin(ByteView pin, const PinEntry& format);

/// The longest PIN, in characters, the entry allows: maxLength, else what storedLength holds
/// (two digits a byte for bcd, 12 for iso9564-1); 0 when the AODF says neither.
int maxPinCharacters(const PinEntry& format);

} // namespace smartcard
