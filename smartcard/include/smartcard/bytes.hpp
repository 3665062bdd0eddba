#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace smartcard {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

/// "3B 80 80 01 01" or "3b80800101" → bytes; throws std::invalid_argument on odd or non-hex input.
Bytes fromHex(std::string_view hex);
/// Upper-case hex; `separator` goes between bytes ("" or " ").
std::string toHex(ByteView bytes, std::string_view separator = "");

inline Bytes concat(std::initializer_list<ByteView> parts)
{
    Bytes out;
    for (auto part : parts)
        out.insert(out.end(), part.begin(), part.end());
    return out;
}

} // namespace smartcard
