#pragma once

// A deliberately small DER encoder (X.690): just the universal types PKCS#15 directory files
// use, low tag numbers only. Written here, not shared with the client's parser, so the two
// implementations check each other against the standard.

#include "smartcard/bytes.hpp"

#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace virtualcard::der {

using smartcard::Bytes;
using smartcard::ByteView;

/// Definite-length encoding: short form below 128, else 81/82/83/84 + big-endian length.
Bytes length(std::size_t n);
/// One TLV with a single-byte tag.
Bytes tlv(std::uint8_t tag, ByteView value);
/// A constructed TLV whose value is the concatenation of `parts` (SEQUENCE, [n] EXPLICIT...).
Bytes constructed(std::uint8_t tag, std::initializer_list<Bytes> parts);
inline Bytes sequence(std::initializer_list<Bytes> parts)
{
    return constructed(0x30, parts);
}
/// Context-specific constructed tag [n] (A0 + n).
inline Bytes context(std::uint8_t n, std::initializer_list<Bytes> parts)
{
    return constructed(static_cast<std::uint8_t>(0xA0 | n), parts);
}

/// Minimal two's-complement content octets of an INTEGER (0x81 -> 00 81, -1 -> FF).
Bytes integerContent(std::int64_t value);
/// INTEGER, or `tag` for an IMPLICIT-tagged INTEGER such as [0] (0x80).
Bytes integer(std::int64_t value, std::uint8_t tag = 0x02);
Bytes enumerated(std::int64_t value);
Bytes boolean(bool value);
Bytes octetString(ByteView value);
Bytes utf8String(std::string_view text, std::uint8_t tag = 0x0C);
/// A BIT STRING for a named-bit list (bit 0 = most significant bit of the first byte).
/// DER drops trailing zero bits, so the unused-bits count follows the highest set bit;
/// an empty list encodes as 03 01 00.
Bytes namedBits(std::initializer_list<int> bits);

} // namespace virtualcard::der
