#pragma once

// Hand-built PKCS#15 directory files shaped like a MOICA card's (smartcards.md §2), written
// with a tiny DER writer, so the parser suites can state exactly which bytes they feed in.

#include "smartcard/apdu.hpp"

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace pkcs15test {

using smartcard::Bytes;

// ---- A tiny DER writer ----
Bytes tlv(std::uint32_t tag, const Bytes& content);
Bytes cat(std::initializer_list<Bytes> parts);
Bytes seq(std::initializer_list<Bytes> parts);
Bytes utf8(const std::string& text);
Bytes octets(const char* hex);

// ---- File padding as cards store it ----
/// HiCOS layout: content, 00 fill up to `size - 2`, then the content length little-endian.
Bytes hicosFile(const Bytes& content, std::size_t size);
/// The standard layout: content, then FF fill up to `size`.
Bytes ffPadded(const Bytes& content, std::size_t size);

// ---- Directory contents ----
/// The Path a real HiCOS card's CDF carries for its first certificate (smartcards.md §2.1).
extern const char* const realCardPath;
Bytes hicosCertPath(const char* indexHex, const char* lengthHex);
Bytes certificateObject(
    const std::string& label, const char* idHex, bool authority, const Bytes& value);
/// The four certificates of a MOICA card, all in 3F00/5030/08F2.
Bytes hicosCdfContent();
Bytes prkdfContent();
Bytes aodfContent();
Bytes odfContent();
Bytes tokenInfoContent();

/// One valid file of every kind, padded the way cards pad them.
std::vector<Bytes> validFiles();

} // namespace pkcs15test
