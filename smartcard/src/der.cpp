#include "smartcard/der.hpp"

#include "smartcard/errors.hpp"

#include <limits>

namespace smartcard {

namespace {

[[noreturn]] void malformed(const std::string& detail)
{
    throw CardError(CardErrc::MalformedData, "DER: " + detail);
}

// Identifier octets kept whole; four of them already allow tag numbers up to 2^21.
constexpr std::size_t maxTagBytes = 4;
// Four length octets cover any file a card can hold; more is garbage, not a big file.
constexpr std::size_t maxLengthBytes = 4;

struct Header {
    std::uint32_t tag = 0;
    bool constructed = false;
    std::size_t size = 0; // identifier + length octets
    std::uint64_t length = 0; // contents, as declared
};

// The identifier and length octets at `start`; nullopt when the data ends inside them.
std::optional<Header> readHeader(ByteView data, std::size_t start)
{
    std::size_t at = start;
    const std::size_t size = data.size();
    if (at >= size)
        return std::nullopt;
    if (data[at] == 0x00)
        malformed("end-of-contents marker, but only definite lengths are allowed");
    Header header;
    header.tag = data[at];
    header.constructed = (data[at] & 0x20) != 0;
    ++at;
    if ((header.tag & 0x1F) == 0x1F) {
        // High tag number: base-128 continuation bytes, bit 8 set on all but the last.
        bool first = true;
        for (;;) {
            if (at >= size)
                return std::nullopt;
            if (at - start >= maxTagBytes)
                malformed("tag too long");
            const std::uint8_t byte = data[at++];
            if (first && byte == 0x80)
                malformed("non-minimal tag");
            first = false;
            header.tag = header.tag << 8 | byte;
            if ((byte & 0x80) == 0)
                break;
        }
    }

    if (at >= size)
        return std::nullopt;
    const std::uint8_t lead = data[at++];
    header.length = lead;
    if (lead & 0x80) {
        const std::size_t count = lead & 0x7Fu;
        if (count == 0)
            malformed("indefinite length");
        if (count > maxLengthBytes)
            malformed("length field too long");
        if (size - at < count)
            return std::nullopt;
        header.length = 0;
        for (std::size_t i = 0; i < count; ++i)
            header.length = header.length << 8 | data[at++];
    }
    header.size = at - start;
    return header;
}

Tlv readTlv(ByteView data, std::size_t start)
{
    const std::optional<Header> header = readHeader(data, start);
    if (!header)
        malformed("truncated tag or length");
    const std::size_t at = start + header->size;
    if (header->length > data.size() - at)
        malformed("length runs past the end of the data");

    const auto contentLength = static_cast<std::size_t>(header->length);
    Tlv tlv;
    tlv.tag = header->tag;
    tlv.constructed = header->constructed;
    tlv.value = data.subspan(at, contentLength);
    tlv.whole = data.subspan(start, at + contentLength - start);
    return tlv;
}

void requirePrimitive(const Tlv& tlv, const char* type)
{
    if (tlv.constructed)
        malformed(std::string("constructed encoding of ") + type);
}

void appendUtf8(std::string& out, std::uint32_t cp)
{
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        malformed("invalid character in string");
    auto put = [&out](std::uint32_t byte) { out.push_back(static_cast<char>(byte)); };
    if (cp < 0x80) {
        put(cp);
    } else if (cp < 0x800) {
        put(0xC0 | cp >> 6);
        put(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        put(0xE0 | cp >> 12);
        put(0x80 | (cp >> 6 & 0x3F));
        put(0x80 | (cp & 0x3F));
    } else {
        put(0xF0 | cp >> 18);
        put(0x80 | (cp >> 12 & 0x3F));
        put(0x80 | (cp >> 6 & 0x3F));
        put(0x80 | (cp & 0x3F));
    }
}

std::string bmpToUtf8(ByteView value)
{
    if (value.size() % 2 != 0)
        malformed("BMPString of odd length");
    std::string out;
    for (std::size_t i = 0; i < value.size(); i += 2) {
        std::uint32_t unit = static_cast<std::uint32_t>(value[i] << 8 | value[i + 1]);
        // BMPString is UCS-2, but some writers put UTF-16 surrogate pairs in it; accept those.
        if (unit >= 0xD800 && unit <= 0xDBFF && i + 3 < value.size()) {
            const auto low = static_cast<std::uint32_t>(value[i + 2] << 8 | value[i + 3]);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                i += 2;
            }
        }
        appendUtf8(out, unit);
    }
    return out;
}

std::string ucs4ToUtf8(ByteView value)
{
    if (value.size() % 4 != 0)
        malformed("UniversalString length not a multiple of 4");
    std::string out;
    for (std::size_t i = 0; i < value.size(); i += 4) {
        const std::uint32_t cp = std::uint32_t { value[i] } << 24
            | std::uint32_t { value[i + 1] } << 16 | std::uint32_t { value[i + 2] } << 8
            | value[i + 3];
        appendUtf8(out, cp);
    }
    return out;
}

} // namespace

DerReader Tlv::children() const
{
    return DerReader(value);
}

bool isPadding(ByteView rest)
{
    return rest.empty() || rest[0] == 0x00 || rest[0] == 0xFF;
}

std::optional<std::uint64_t> derElementSize(ByteView data)
{
    const std::optional<Header> header = readHeader(data, 0);
    if (!header)
        return std::nullopt;
    return header->size + header->length;
}

DerReader::DerReader(ByteView data, Padding padding)
    : data_(data)
    , padding_(padding)
{ }

bool DerReader::atEnd() const
{
    const ByteView rest = data_.subspan(offset_);
    if (padding_ == Padding::EndsContent)
        return isPadding(rest);
    return rest.empty();
}

const Tlv& DerReader::peek()
{
    if (!peeked_) {
        if (atEnd())
            malformed("unexpected end of data");
        peeked_ = readTlv(data_, offset_);
    }
    return *peeked_;
}

Tlv DerReader::next()
{
    Tlv tlv = peek();
    offset_ += tlv.whole.size();
    peeked_.reset();
    return tlv;
}

std::optional<Tlv> DerReader::nextIf(std::uint32_t tag)
{
    if (atEnd() || peek().tag != tag)
        return std::nullopt;
    return next();
}

Tlv DerReader::expect(std::uint32_t tag, const char* what)
{
    if (atEnd())
        malformed(std::string(what) + " missing");
    if (peek().tag != tag)
        malformed(std::string(what) + " has an unexpected tag");
    return next();
}

std::int64_t derInteger(const Tlv& tlv)
{
    requirePrimitive(tlv, "INTEGER");
    ByteView value = tlv.value;
    if (value.empty())
        malformed("empty INTEGER");
    // BER allows redundant sign bytes; drop them so only significant bytes count against 8.
    while (value.size() > 1
        && ((value[0] == 0x00 && (value[1] & 0x80) == 0)
            || (value[0] == 0xFF && (value[1] & 0x80) != 0)))
        value = value.subspan(1);
    if (value.size() > 8)
        malformed("INTEGER does not fit in 64 bits");
    // Sign-extend from the first byte, then shift the rest in as unsigned.
    std::uint64_t bits = (value[0] & 0x80) ? ~std::uint64_t { 0 } : 0;
    for (std::uint8_t byte : value)
        bits = bits << 8 | byte;
    return static_cast<std::int64_t>(bits);
}

bool derBoolean(const Tlv& tlv)
{
    requirePrimitive(tlv, "BOOLEAN");
    if (tlv.value.size() != 1)
        malformed("BOOLEAN is not one byte");
    return tlv.value[0] != 0;
}

Bytes derOctets(const Tlv& tlv)
{
    requirePrimitive(tlv, "OCTET STRING");
    return Bytes(tlv.value.begin(), tlv.value.end());
}

bool isDerStringTag(std::uint32_t tag)
{
    switch (tag) {
    case dertag::Utf8String:
    case dertag::PrintableString:
    case dertag::TeletexString:
    case dertag::Ia5String:
    case dertag::VisibleString:
    case dertag::UniversalString:
    case dertag::BmpString:
        return true;
    default:
        return false;
    }
}

std::string derString(const Tlv& tlv)
{
    requirePrimitive(tlv, "string");
    // Application- and context-tagged strings (5F20 cardholder name, [0] label) are implicit.
    std::uint32_t firstOctet = tlv.tag;
    while (firstOctet > 0xFF)
        firstOctet >>= 8;
    const bool implicitlyTagged = (firstOctet & 0xC0) != 0;
    if (!implicitlyTagged && !isDerStringTag(tlv.tag))
        malformed("not a string type");
    if (tlv.tag == dertag::BmpString)
        return bmpToUtf8(tlv.value);
    if (tlv.tag == dertag::UniversalString)
        return ucs4ToUtf8(tlv.value);
    // The 8-bit types (and implicitly tagged UTF8String labels) are kept as written.
    return std::string(tlv.value.begin(), tlv.value.end());
}

std::uint32_t derBitString(const Tlv& tlv)
{
    requirePrimitive(tlv, "BIT STRING");
    if (tlv.value.empty())
        malformed("empty BIT STRING");
    const unsigned unused = tlv.value[0];
    if (unused > 7 || (tlv.value.size() == 1 && unused != 0))
        malformed("bad unused-bit count in BIT STRING");
    const std::size_t bitCount = (tlv.value.size() - 1) * 8 - unused;
    std::uint32_t flags = 0;
    for (std::size_t i = 0; i < bitCount && i < 32; ++i) {
        const std::uint8_t byte = tlv.value[1 + i / 8];
        if (byte & (0x80u >> (i % 8)))
            flags |= std::uint32_t { 1 } << i;
    }
    return flags;
}

std::string derOid(const Tlv& tlv)
{
    requirePrimitive(tlv, "OBJECT IDENTIFIER");
    if (tlv.value.empty())
        malformed("empty OBJECT IDENTIFIER");
    std::string out;
    std::uint64_t arc = 0;
    bool startOfArc = true;
    bool firstArc = true;
    for (std::uint8_t byte : tlv.value) {
        if (startOfArc && byte == 0x80)
            malformed("non-minimal OBJECT IDENTIFIER arc");
        if (arc > (std::numeric_limits<std::uint64_t>::max() >> 7))
            malformed("OBJECT IDENTIFIER arc too large");
        arc = arc << 7 | (byte & 0x7Fu);
        startOfArc = (byte & 0x80) == 0;
        if (!startOfArc)
            continue;
        if (firstArc) {
            // The first subidentifier packs the first two arcs as 40 * X + Y.
            const std::uint64_t top = arc < 40 ? 0 : arc < 80 ? 1 : 2;
            out = std::to_string(top) + '.' + std::to_string(arc - top * 40);
            firstArc = false;
        } else {
            out += '.' + std::to_string(arc);
        }
        arc = 0;
    }
    if (!startOfArc)
        malformed("truncated OBJECT IDENTIFIER");
    return out;
}

} // namespace smartcard
