#pragma once

#include "smartcard/bytes.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace smartcard {

// A minimal BER/DER reader for what cards store: definite lengths only, views into the caller's
// buffer (nothing is copied until a decoder is called). Every failure throws
// CardError(CardErrc::MalformedData); nothing here reads outside the given bytes.

class DerReader;

/// One tag-length-value element. `tag` keeps the identifier octets as written, so
/// 0x30 (SEQUENCE), 0xA1 ([1] constructed), 0x80 ([0] primitive), 0x5F20 (two-byte tag).
struct Tlv {
    std::uint32_t tag = 0;
    bool constructed = false;
    ByteView value; // the contents octets
    ByteView whole; // identifier + length + contents

    /// A strict reader over the contents (padding is never allowed inside an element).
    DerReader children() const;
};

/// True when no further element starts at `rest`: it is empty, or its next byte is 0x00 or 0xFF,
/// the fill that card directory files carry after their content.
bool isPadding(ByteView rest);

/// The size of the element that starts `data` (identifier + length + contents) as its header
/// declares it, which may be more than `data` holds: a file read in chunks asks this to know
/// whether the element is complete yet. Nullopt when the header itself is cut off; throws on a
/// malformed header.
std::optional<std::uint64_t> derElementSize(ByteView data);

class DerReader {
public:
    enum class Padding {
        Forbidden, // every byte must belong to an element
        EndsContent, // a tag byte of 0x00 or 0xFF ends the content (padded directory files)
    };

    explicit DerReader(ByteView data, Padding padding = Padding::Forbidden);

    bool atEnd() const;
    /// The next element without consuming it; throws at the end or on a malformed header.
    const Tlv& peek();
    Tlv next();
    /// Consumes the next element only when it carries `tag`; nullopt at the end.
    std::optional<Tlv> nextIf(std::uint32_t tag);
    /// Consumes the next element, which must carry `tag`; `what` names it in the error.
    Tlv expect(std::uint32_t tag, const char* what);

    /// Bytes consumed so far (the start of the next element or of the padding).
    std::size_t offset() const { return offset_; }

private:
    ByteView data_;
    std::size_t offset_ = 0;
    Padding padding_;
    std::optional<Tlv> peeked_;
};

/// INTEGER (or an implicitly tagged one) of at most 8 significant bytes, two's complement.
std::int64_t derInteger(const Tlv& tlv);
/// BOOLEAN: one byte, any non-zero value is true (BER).
bool derBoolean(const Tlv& tlv);
/// OCTET STRING contents (primitive encoding only).
Bytes derOctets(const Tlv& tlv);
/// UTF8String, PrintableString, IA5String, VisibleString, TeletexString and implicitly tagged
/// strings as their bytes; BMPString and UniversalString converted to UTF-8.
std::string derString(const Tlv& tlv);
/// BIT STRING as flags: bit i of the result is ASN.1 bit i (NamedBit numbering, bit 0 = the most
/// significant bit of the first content byte). Bits past 31 are ignored.
std::uint32_t derBitString(const Tlv& tlv);
/// OBJECT IDENTIFIER in dotted form ("1.2.840.113549.1.1.11").
std::string derOid(const Tlv& tlv);

namespace dertag {
inline constexpr std::uint32_t Boolean = 0x01;
inline constexpr std::uint32_t Integer = 0x02;
inline constexpr std::uint32_t BitString = 0x03;
inline constexpr std::uint32_t OctetString = 0x04;
inline constexpr std::uint32_t Null = 0x05;
inline constexpr std::uint32_t Oid = 0x06;
inline constexpr std::uint32_t Enumerated = 0x0A;
inline constexpr std::uint32_t Utf8String = 0x0C;
inline constexpr std::uint32_t PrintableString = 0x13;
inline constexpr std::uint32_t TeletexString = 0x14;
inline constexpr std::uint32_t Ia5String = 0x16;
inline constexpr std::uint32_t GeneralizedTime = 0x18;
inline constexpr std::uint32_t VisibleString = 0x1A;
inline constexpr std::uint32_t UniversalString = 0x1C;
inline constexpr std::uint32_t BmpString = 0x1E;
inline constexpr std::uint32_t Sequence = 0x30;
inline constexpr std::uint32_t Set = 0x31;
/// [n] context-specific: primitive (IMPLICIT over a primitive type) and constructed.
constexpr std::uint32_t context(unsigned n)
{
    return 0x80u | n;
}
constexpr std::uint32_t contextConstructed(unsigned n)
{
    return 0xA0u | n;
}
} // namespace dertag

/// True for the string types derString() accepts under their universal tag.
bool isDerStringTag(std::uint32_t tag);

} // namespace smartcard
