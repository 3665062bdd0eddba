#pragma once

// Text for the Windows API: its W functions take UTF-16, the rest of the program UTF-8.
// Windows only; never installed.

#if defined(_WIN32)

#include <optional>
#include <string>
#include <string_view>

namespace smartcard::detail {

/// UTF-8 → UTF-16; invalid sequences become U+FFFD.
std::wstring toWide(std::string_view utf8);
/// UTF-16 → UTF-8.
std::string toUtf8(std::wstring_view wide);
/// Bytes in a Windows code page (950: Big5) → UTF-8; empty when they are not valid in it.
std::optional<std::string> fromCodePage(unsigned codePage, std::string_view bytes);

} // namespace smartcard::detail

#endif
