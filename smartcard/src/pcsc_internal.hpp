#pragma once

// PC/SC helpers shared by pcsc.cpp, pcsc_errors.cpp and monitor.cpp; never installed.

#include <string>
#include <winscard.h>

namespace smartcard::detail {

/// "SCARD_E_NO_SMARTCARD (0x8010000C)": our own names, so nothing needs pcsc_stringify_error.
std::string pcscCodeText(LONG rv);

/// True for the codes after which a context never works again (pcscd stopped or restarted).
bool isServiceLoss(LONG rv) noexcept;

/// For calls on our own SCARDCONTEXT: the handle is owned by RAII and cannot be wrong on our side,
/// so SCARD_E_INVALID_HANDLE there means pcscd forgot it (restart) and maps to ServiceLost.
[[noreturn]] void throwContextError(LONG rv, const std::string& what);

} // namespace smartcard::detail
