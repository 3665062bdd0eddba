#pragma once

// A link-time PC/SC fake: the SCard* functions of winscard.h (C linkage) over an in-process
// model of pcscd, readers and cards, plus this control API for tests. Thread-safe.
//
// It models what real pcscd 1.9.9 does where our code depends on it (virtual-card.md §6):
// contexts die for good when the service stops (a pending SCardGetStatusChange gets
// SCARD_F_COMM_ERROR, later calls SCARD_E_NO_SERVICE, also after startService()); SCardCancel
// only interrupts a wait in progress; the event counter in the upper 16 bits of dwEventState;
// the "\\?PnP?\Notification" pseudo-reader. Simplification: a transaction held by another
// handle makes SCardBeginTransaction fail with SCARD_E_SHARING_VIOLATION instead of blocking.
//
// Built for Windows, it models winscard where it differs: the PnP reader's upper 16 bits hold
// the number of readers; an unknown reader in SCardGetStatusChange marks its entry
// (SCARD_STATE_UNKNOWN | SCARD_STATE_IGNORE) instead of failing the call; 10 entries per call;
// SCardStatus's dwState is one value (SCARD_SPECIFIC), not bits.

#include "smartcard/bytes.hpp"

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#if defined(_WIN32)
#include <winscard.h>
#else
#include <pcsclite.h>
#endif

namespace pcscfake {

using smartcard::Bytes;

/// One scripted APDU exchange. SCardTransmit requires `command` byte for byte; on a mismatch or
/// an exhausted script it returns SCARD_F_INTERNAL_ERROR and records a failure (the script is
/// never restarted).
struct Exchange {
    Bytes command;
    Bytes response; // returned as is: empty = the 0-byte answer of a card that died mid-APDU
    long rv = SCARD_S_SUCCESS; // anything else is returned instead of the response
    bool removeCardAfter = false; // the card leaves the reader right after this exchange
};

/// Back to nothing: no readers, no contexts (old handles become invalid), no failures, no
/// injected errors, counters zero, service running.
void reset();

void addReader(const std::string& name);
/// Unplugs the reader (its card goes with it). Handles on it get SCARD_E_READER_UNAVAILABLE.
void removeReader(const std::string& name);
/// `protocol` is what SCardConnect negotiates (SCARD_PROTOCOL_T0 or SCARD_PROTOCOL_T1).
void insertCard(
    const std::string& reader, const Bytes& atr, unsigned long protocol = SCARD_PROTOCOL_T1);
void removeCard(const std::string& reader);
/// Removal and insertion between two looks of a client: the reader stays "present" and only
/// the event counter (+2) tells that the card changed.
void reinsertCard(const std::string& reader, const Bytes& atr);
/// Another program holds the card with SCARD_SHARE_EXCLUSIVE: our SCardConnect gets
/// SCARD_E_SHARING_VIOLATION and the reader state shows SCARD_STATE_EXCLUSIVE.
void holdExclusive(const std::string& reader, bool held);

/// Replaces the reader's script; it survives card removal and re-insertion.
void setScript(const std::string& reader, std::vector<Exchange> script);
/// True when every exchange of the reader's script has been used.
bool scriptDone(const std::string& reader);

/// The next `count` calls of `functionName` ("SCardTransmit", "SCardEstablishContext", ...)
/// return `rv` without doing anything. Throws std::invalid_argument for an unknown name.
void failNext(const std::string& functionName, long rv, int count = 1);

/// pcscd goes away: waiters get SCARD_F_COMM_ERROR, every existing context and card handle is
/// dead for good (SCARD_E_NO_SERVICE), SCardEstablishContext fails with SCARD_E_NO_SERVICE.
void stopService();
/// pcscd is back: new contexts work; old ones stay dead.
void startService();

std::size_t transmitCount();

struct Counts {
    std::size_t contextsEstablished = 0;
    std::size_t contextsOpen = 0; // established and not released
    std::size_t cardsOpen = 0; // connected and not disconnected
    std::size_t transactionsBegun = 0; // successful SCardBeginTransaction
    std::size_t transactionsEnded = 0; // SCardEndTransaction on a handle with a transaction
    std::size_t cancels = 0; // SCardCancel calls
    std::size_t pnpWaits = 0; // SCardGetStatusChange calls with a timeout and the PnP reader
    std::size_t plainWaits = 0; // ... with a timeout and without it (re-list polling)
};
Counts counts();

/// Protocol violations seen (script mismatch, wrong PCI, unsupported arguments). Tests
/// REQUIRE(failures().empty()).
std::vector<std::string> failures();

/// Waits until at least `count` threads are blocked inside SCardGetStatusChange.
bool waitForBlockedWaiters(std::size_t count, std::chrono::milliseconds timeout);

} // namespace pcscfake
