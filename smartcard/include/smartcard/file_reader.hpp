#pragma once

#include "smartcard/channel.hpp"

#include <cstddef>
#include <optional>

namespace smartcard {

/// How to read one transparent EF with READ BINARY.
struct BinaryRead {
    std::uint8_t cla = 0x00;
    std::size_t offset = 0;
    std::optional<std::size_t> length; // exactly this many bytes, else up to the end of the file
    std::size_t chunk = 0xE0; // HiCOS cards take at most 200 (0xC8) per command
    std::size_t maxSize = 0x7FFF; // P1-P2 addressing stops at 15 bits
    bool stopAtPadding = false; // PKCS#15 directory files end in 00/FF padding
    /// HiCOS EFs that refuse a large Le with 6987 are asked again, once, for this many bytes.
    std::optional<std::size_t> chunkAfter6987;
};

/// Reads the currently selected EF. End of file (6282, 6B00 or a short chunk) ends the read;
/// with `stopAtPadding`, so does the padding after the last complete record;
/// with `length` set, an early end is CardError(MalformedData). Any other status is typed.
Bytes readBinary(ApduChannel& channel, const BinaryRead& how);

} // namespace smartcard
