#pragma once

// PC/SC-lite's client library, opened on demand (pcsclite_on_demand.cpp); never installed.

#include <winscard.h>

namespace smartcard::pcsclite {

/// The library's entry points, looked up once; all null when the library or one of them is
/// missing.
struct Entries {
    decltype(&::SCardEstablishContext) establishContext = nullptr;
    decltype(&::SCardReleaseContext) releaseContext = nullptr;
    decltype(&::SCardIsValidContext) isValidContext = nullptr;
    decltype(&::SCardListReaders) listReaders = nullptr;
    decltype(&::SCardGetStatusChange) getStatusChange = nullptr;
    decltype(&::SCardCancel) cancel = nullptr;
    decltype(&::SCardConnect) connect = nullptr;
    decltype(&::SCardReconnect) reconnect = nullptr;
    decltype(&::SCardDisconnect) disconnect = nullptr;
    decltype(&::SCardBeginTransaction) beginTransaction = nullptr;
    decltype(&::SCardEndTransaction) endTransaction = nullptr;
    decltype(&::SCardStatus) status = nullptr;
    decltype(&::SCardTransmit) transmit = nullptr;
};

/// Opens `soname` (never closed) and looks up every entry point, or answers all null.
Entries open(const char* soname);

inline constexpr const char* libraryName = "libpcsclite.so.1";

} // namespace smartcard::pcsclite
