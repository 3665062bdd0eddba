#pragma once

#include "smartcard/bytes.hpp"

namespace virtualcard::testing {

/// A certificate stand-in: a SEQUENCE header of the right length over `fill` bytes. The HiCOS
/// models only store and point at certificates; these are not X.509.
inline smartcard::Bytes fakeCertificate(std::size_t size, std::uint8_t fill)
{
    smartcard::Bytes b(size, fill);
    b[0] = 0x30;
    b[1] = 0x82;
    b[2] = static_cast<std::uint8_t>((size - 4) >> 8);
    b[3] = static_cast<std::uint8_t>(size - 4);
    return b;
}

} // namespace virtualcard::testing
