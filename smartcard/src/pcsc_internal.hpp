#pragma once

// PC/SC helpers shared by pcsc.cpp, pcsc_errors.cpp and monitor.cpp; never installed.

#include <cstddef>
#include <string>
#include <type_traits>
#include <winscard.h>

namespace smartcard::detail {

// Where pcsc-lite and Windows' winscard differ in numbers: pcsc-lite names its limits, Windows
// has a 10-reader limit for the whole system and no constants for the rest.
#if defined(_WIN32)
inline constexpr std::size_t readerStatesPerCall = MAXIMUM_SMARTCARD_READERS;
// 65536 data bytes and the status word of an extended response.
inline constexpr std::size_t responseRoom = 65536 + 2;
#else
inline constexpr std::size_t readerStatesPerCall = PCSCLITE_MAX_READERS_CONTEXTS;
inline constexpr std::size_t responseRoom = MAX_BUFFER_SIZE_EXTENDED;
#endif
// SCARD_READERSTATE's ATR room: 33 bytes in pcsc-lite, 36 on Windows.
inline constexpr std::size_t atrRoom = sizeof(SCARD_READERSTATE::rgbAtr);

// Reader names are char strings: a UNICODE build would switch winscard.h to its W functions.
static_assert(std::is_same_v<decltype(SCARD_READERSTATE::szReader), const char*>);

/// "SCARD_E_NO_SMARTCARD (0x8010000C)": our own names, so nothing needs pcsc_stringify_error.
std::string pcscCodeText(LONG rv);

/// True for the codes after which a context never works again (pcscd stopped or restarted).
bool isServiceLoss(LONG rv) noexcept;

/// For calls on our own SCARDCONTEXT: the handle is owned by RAII and cannot be wrong on our side,
/// so SCARD_E_INVALID_HANDLE there means pcscd forgot it (restart) and maps to ServiceLost.
[[noreturn]] void throwContextError(LONG rv, const std::string& what);

} // namespace smartcard::detail
