#include "model/der.hpp"

#include <algorithm>
#include <stdexcept>

namespace virtualcard::der {

Bytes length(std::size_t n)
{
    if (n < 0x80)
        return { static_cast<std::uint8_t>(n) };
    Bytes digits;
    for (std::size_t rest = n; rest != 0; rest >>= 8)
        digits.insert(digits.begin(), static_cast<std::uint8_t>(rest & 0xFF));
    if (digits.size() > 4)
        throw std::length_error("DER length beyond 4 bytes");
    digits.insert(digits.begin(), static_cast<std::uint8_t>(0x80 | digits.size()));
    return digits;
}

Bytes tlv(std::uint8_t tag, ByteView value)
{
    Bytes out { tag };
    const Bytes len = length(value.size());
    out.insert(out.end(), len.begin(), len.end());
    out.insert(out.end(), value.begin(), value.end());
    return out;
}

Bytes constructed(std::uint8_t tag, std::initializer_list<Bytes> parts)
{
    Bytes value;
    for (const Bytes& part : parts)
        value.insert(value.end(), part.begin(), part.end());
    return tlv(tag, value);
}

Bytes integerContent(std::int64_t value)
{
    // Big-endian two's complement, then drop leading bytes that only repeat the sign.
    Bytes out;
    for (int shift = 56; shift >= 0; shift -= 8)
        out.push_back(
            static_cast<std::uint8_t>((static_cast<std::uint64_t>(value) >> shift) & 0xFF));
    auto redundant = [&](std::size_t i) {
        return (out[i] == 0x00 && (out[i + 1] & 0x80) == 0)
            || (out[i] == 0xFF && (out[i + 1] & 0x80) != 0);
    };
    std::size_t first = 0;
    while (first + 1 < out.size() && redundant(first))
        ++first;
    return Bytes(out.begin() + static_cast<long>(first), out.end());
}

Bytes integer(std::int64_t value, std::uint8_t tag)
{
    return tlv(tag, integerContent(value));
}

Bytes enumerated(std::int64_t value)
{
    return tlv(0x0A, integerContent(value));
}

Bytes boolean(bool value)
{
    const std::uint8_t content = value ? 0xFF : 0x00; // DER: TRUE is FF
    return tlv(0x01, ByteView(&content, 1));
}

Bytes octetString(ByteView value)
{
    return tlv(0x04, value);
}

Bytes utf8String(std::string_view text, std::uint8_t tag)
{
    Bytes value(text.begin(), text.end());
    return tlv(tag, value);
}

Bytes namedBits(std::initializer_list<int> bits)
{
    if (bits.size() == 0)
        return { 0x03, 0x01, 0x00 };
    const int highest = std::max(bits);
    if (highest < 0)
        throw std::invalid_argument("negative bit number");
    Bytes value(static_cast<std::size_t>(highest / 8 + 2), 0x00);
    value[0] = static_cast<std::uint8_t>(7 - highest % 8); // unused bits in the last byte
    for (int bit : bits)
        value[static_cast<std::size_t>(1 + bit / 8)]
            |= static_cast<std::uint8_t>(0x80 >> (bit % 8));
    return tlv(0x03, value);
}

} // namespace virtualcard::der
