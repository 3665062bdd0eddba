#pragma once

// The fake's model of pcscd: one global World under one mutex, shared by the control API
// (control.cpp) and the SCard* entry points (context.cpp, card.cpp).

#include "pcsc-fake/pcsc-fake.hpp"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <vector>
#include <winscard.h>

namespace pcscfake::detail {

struct Reader {
    std::string name;
    bool present = false;
    Bytes atr;
    DWORD protocol = SCARD_PROTOCOL_T1;
    DWORD eventCounter = 0; // +1 per insertion and per removal, as in pcscd
    bool heldExclusive = false; // by "another program"
    std::vector<Exchange> script;
    std::size_t scriptPosition = 0;
};

struct Context {
    std::uint64_t serviceEpoch = 0; // dead once the service stopped after it was made
    std::uint64_t cancelGeneration = 0;
    int waiters = 0; // threads inside SCardGetStatusChange on it (SCardCancel needs one)
};

struct Card {
    SCARDCONTEXT context = 0;
    std::string reader;
    DWORD protocol = 0;
    DWORD eventCounter = 0; // the reader's counter at connect: a change means the card left
    bool exclusive = false;
    bool inTransaction = false;
};

struct World {
    std::mutex mutex;
    std::condition_variable changed; // wakes SCardGetStatusChange: state change, cancel, stop
    std::condition_variable blocked; // wakes waitForBlockedWaiters

    bool serviceUp = true;
    std::uint64_t serviceEpoch = 1;
    DWORD readerEvents = 1; // PnP: +1 per reader added or removed (never 0, as in pcsc-lite)
    std::vector<Reader> readers; // in plug order, like pcscd's slots
    std::map<SCARDCONTEXT, Context> contexts;
    std::map<SCARDHANDLE, Card> cards;
    SCARDCONTEXT nextContext = 0x10001;
    SCARDHANDLE nextCard = 0x20001;

    std::map<std::string, std::deque<LONG>> injected;
    std::vector<std::string> failures;
    std::size_t blockedWaiters = 0;
    std::size_t transmits = 0;
    Counts counts;

    Reader* findReader(const std::string& name);
    /// SCARD_S_SUCCESS, or why calls on this context fail (unknown, or the service died).
    LONG checkContext(SCARDCONTEXT context) const;
    /// As checkContext, for a card handle, plus removal and unplugging of its card.
    LONG checkCard(SCARDHANDLE card) const;
    /// The injected failure for this call of `function`, or SCARD_S_SUCCESS.
    LONG takeInjected(const char* function);
    void fail(std::string what) { failures.push_back(std::move(what)); }
};

/// The one World; lock world().mutex around every use.
World& world();

std::string hex(const Bytes& bytes);

} // namespace pcscfake::detail
