// The context-level SCard* functions of the fake: contexts, reader list, status change, cancel.

#include "world.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string_view>

using pcscfake::detail::Reader;
using pcscfake::detail::World;
using pcscfake::detail::world;

namespace {

constexpr DWORD counterShift = 16;
// The bits whose difference between dwCurrentState and the real state wakes a waiter.
constexpr DWORD watchedBits = SCARD_STATE_UNKNOWN | SCARD_STATE_UNAVAILABLE | SCARD_STATE_EMPTY
    | SCARD_STATE_PRESENT | SCARD_STATE_EXCLUSIVE | SCARD_STATE_INUSE | SCARD_STATE_MUTE;

#if defined(_WIN32)
constexpr std::size_t statesPerCall = MAXIMUM_SMARTCARD_READERS;
#else
constexpr std::size_t statesPerCall = PCSCLITE_MAX_READERS_CONTEXTS;
#endif

bool isPnp(const char* name)
{
    const std::string_view pnp = "\\\\?PnP?\\Notification";
    const std::string_view given = name;
    return std::equal(given.begin(), given.end(), pnp.begin(), pnp.end(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a))
            == std::tolower(static_cast<unsigned char>(b));
    });
}

DWORD readerState(const World& w, const Reader& reader)
{
    DWORD state = (reader.eventCounter & 0xFFFF) << counterShift;
    state |= reader.present ? SCARD_STATE_PRESENT : SCARD_STATE_EMPTY;
    bool inUse = false;
    for (const auto& [handle, card] : w.cards)
        inUse = inUse || (card.reader == reader.name && w.checkCard(handle) == SCARD_S_SUCCESS);
    if (reader.present && reader.heldExclusive)
        state |= SCARD_STATE_EXCLUSIVE;
    else if (reader.present && inUse)
        state |= SCARD_STATE_INUSE;
    return state;
}

// Fills dwEventState/ATR of every entry as pcsc-lite does; true when any entry changed.
bool evaluate(
    World& w, SCARD_READERSTATE* states, DWORD count, [[maybe_unused]] DWORD pnpEventsAtStart)
{
    bool anyChanged = false;
    for (DWORD i = 0; i < count; ++i) {
        SCARD_READERSTATE& entry = states[i];
        const DWORD current = entry.dwCurrentState;
        if (current & SCARD_STATE_IGNORE)
            continue;
        bool changed = false;
        if (isPnp(entry.szReader)) {
#if defined(_WIN32)
            // Windows: the number of readers in the high word, and any other number than the
            // caller's is a change (UNAWARE included: with no readers, a wait waits).
            const DWORD readers = static_cast<DWORD>(w.readers.size());
            entry.dwEventState = (readers & 0xFFFF) << counterShift;
            changed = (current >> counterShift) != (readers & 0xFFFF);
#else
            // Newer pcsc-lite: reader events in the high word; 1.9.9: a change during the wait.
            entry.dwEventState = (w.readerEvents & 0xFFFF) << counterShift;
            const DWORD previous = current >> counterShift;
            changed = (previous != 0 && previous != (w.readerEvents & 0xFFFF))
                || w.readerEvents != pnpEventsAtStart;
#endif
        } else if (const Reader* reader = w.findReader(entry.szReader)) {
            const DWORD now = readerState(w, *reader);
            entry.dwEventState = now;
            entry.cbAtr = static_cast<DWORD>(reader->atr.size());
            std::copy(reader->atr.begin(), reader->atr.end(), entry.rgbAtr);
            const bool counterMoved = (current >> counterShift) != 0
                && (current >> counterShift) != (now >> counterShift);
            changed = current == SCARD_STATE_UNAWARE || counterMoved
                || ((current ^ now) & watchedBits) != 0;
        } else {
#if defined(_WIN32)
            // An unknown name: "SCARD_STATE_CHANGED and SCARD_STATE_IGNORE will also be set".
            entry.dwEventState = SCARD_STATE_UNKNOWN | SCARD_STATE_IGNORE;
            changed = true;
#else
            entry.dwEventState = SCARD_STATE_UNKNOWN | SCARD_STATE_UNAVAILABLE;
            changed = !(current & SCARD_STATE_UNKNOWN);
#endif
            entry.cbAtr = 0;
        }
        if (changed)
            entry.dwEventState |= SCARD_STATE_CHANGED;
        anyChanged = anyChanged || changed;
    }
    return anyChanged;
}

} // namespace

extern "C" {

LONG SCardEstablishContext(DWORD dwScope, LPCVOID, LPCVOID, LPSCARDCONTEXT phContext)
{
    auto& w = world();
    std::lock_guard lock(w.mutex);
    if (const LONG rv = w.takeInjected("SCardEstablishContext"); rv != SCARD_S_SUCCESS)
        return rv;
    if (!phContext)
        return SCARD_E_INVALID_PARAMETER;
    if (dwScope != SCARD_SCOPE_SYSTEM && dwScope != SCARD_SCOPE_USER)
        w.fail("SCardEstablishContext: unexpected scope " + std::to_string(dwScope));
    if (!w.serviceUp)
        return SCARD_E_NO_SERVICE;
    const SCARDCONTEXT context = w.nextContext++;
    w.contexts[context].serviceEpoch = w.serviceEpoch;
    ++w.counts.contextsEstablished;
    *phContext = context;
    return SCARD_S_SUCCESS;
}

LONG SCardReleaseContext(SCARDCONTEXT hContext)
{
    auto& w = world();
    LONG rv = SCARD_S_SUCCESS;
    {
        std::lock_guard lock(w.mutex);
        if (const LONG injected = w.takeInjected("SCardReleaseContext");
            injected != SCARD_S_SUCCESS)
            return injected;
        rv = w.checkContext(hContext);
        if (rv == SCARD_E_INVALID_HANDLE)
            return rv;
        if (w.contexts[hContext].waiters > 0)
            w.fail("SCardReleaseContext while a thread waits on the context");
        std::erase_if(w.cards, [&](const auto& item) { return item.second.context == hContext; });
        w.contexts.erase(hContext); // also when dead: the client side forgets it either way
    }
    w.changed.notify_all();
    return rv;
}

LONG SCardIsValidContext(SCARDCONTEXT hContext)
{
    auto& w = world();
    std::lock_guard lock(w.mutex);
    if (const LONG rv = w.takeInjected("SCardIsValidContext"); rv != SCARD_S_SUCCESS)
        return rv;
    // Like pcsc-lite, only the client side is checked: a dead context is still "valid".
    return w.contexts.count(hContext) ? SCARD_S_SUCCESS : SCARD_E_INVALID_HANDLE;
}

LONG SCardListReaders(SCARDCONTEXT hContext, LPCSTR, LPSTR mszReaders, LPDWORD pcchReaders)
{
    auto& w = world();
    std::lock_guard lock(w.mutex);
    if (const LONG rv = w.takeInjected("SCardListReaders"); rv != SCARD_S_SUCCESS)
        return rv;
    if (const LONG rv = w.checkContext(hContext); rv != SCARD_S_SUCCESS)
        return rv;
    if (!pcchReaders)
        return SCARD_E_INVALID_PARAMETER;
    if (*pcchReaders == SCARD_AUTOALLOCATE && mszReaders) {
        w.fail("SCardListReaders: SCARD_AUTOALLOCATE is not supported by the fake");
        return SCARD_E_INVALID_PARAMETER;
    }
    if (w.readers.empty())
        return SCARD_E_NO_READERS_AVAILABLE;
    std::string multi;
    for (const Reader& reader : w.readers)
        multi += reader.name + '\0';
    multi += '\0';
    const DWORD needed = static_cast<DWORD>(multi.size());
    if (!mszReaders) {
        *pcchReaders = needed;
        return SCARD_S_SUCCESS;
    }
    if (*pcchReaders < needed) {
        *pcchReaders = needed;
        return SCARD_E_INSUFFICIENT_BUFFER;
    }
    std::memcpy(mszReaders, multi.data(), multi.size());
    *pcchReaders = needed;
    return SCARD_S_SUCCESS;
}

LONG SCardGetStatusChange(
    SCARDCONTEXT hContext, DWORD dwTimeout, SCARD_READERSTATE* rgReaderStates, DWORD cReaders)
{
    auto& w = world();
    std::unique_lock lock(w.mutex);
    if (const LONG rv = w.takeInjected("SCardGetStatusChange"); rv != SCARD_S_SUCCESS)
        return rv;
    if ((!rgReaderStates && cReaders > 0) || cReaders > statesPerCall)
        return SCARD_E_INVALID_PARAMETER;
    if (cReaders == 0)
        return SCARD_S_SUCCESS; // pcsc-lite returns at once for an empty list
    if (const LONG rv = w.checkContext(hContext); rv != SCARD_S_SUCCESS)
        return rv;
    for (DWORD i = 0; i < cReaders; ++i) {
        if (!rgReaderStates[i].szReader)
            return SCARD_E_INVALID_VALUE;
#if !defined(_WIN32)
        // pcsc-lite refuses the whole call when a named reader is unknown up front (Windows
        // marks the entry instead, in evaluate()).
        if (!isPnp(rgReaderStates[i].szReader) && !w.findReader(rgReaderStates[i].szReader))
            return SCARD_E_UNKNOWN_READER;
#endif
    }
    for (DWORD i = 0; i < cReaders; ++i)
        rgReaderStates[i].dwEventState = 0;
    if (dwTimeout != 0) {
        const bool withPnp = std::any_of(rgReaderStates, rgReaderStates + cReaders,
            [](const SCARD_READERSTATE& entry) { return isPnp(entry.szReader); });
        ++(withPnp ? w.counts.pnpWaits : w.counts.plainWaits);
    }

    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(dwTimeout);
    const std::uint64_t epoch = w.serviceEpoch;
    const std::uint64_t cancelAtStart = w.contexts[hContext].cancelGeneration;
    const DWORD pnpEventsAtStart = w.readerEvents;
    ++w.contexts[hContext].waiters;
    LONG rv = SCARD_S_SUCCESS;
    for (;;) {
        if (evaluate(w, rgReaderStates, cReaders, pnpEventsAtStart)) {
            rv = SCARD_S_SUCCESS;
            break;
        }
        if (dwTimeout == 0) {
            rv = SCARD_E_TIMEOUT;
            break;
        }
        ++w.blockedWaiters;
        w.blocked.notify_all();
        bool timedOut = false;
        if (dwTimeout == INFINITE)
            w.changed.wait(lock);
        else
            timedOut = w.changed.wait_until(lock, deadline) == std::cv_status::timeout;
        --w.blockedWaiters;

        const auto context = w.contexts.find(hContext);
        if (context == w.contexts.end())
            return SCARD_E_INVALID_HANDLE; // reset() under the waiter
        if (!w.serviceUp || w.serviceEpoch != epoch) {
            rv = SCARD_F_COMM_ERROR; // what a pending wait gets when pcscd goes away
            break;
        }
        if (context->second.cancelGeneration != cancelAtStart) {
            rv = SCARD_E_CANCELLED;
            break;
        }
        if (timedOut && !evaluate(w, rgReaderStates, cReaders, pnpEventsAtStart)) {
            rv = SCARD_E_TIMEOUT;
            break;
        }
    }
    if (const auto context = w.contexts.find(hContext); context != w.contexts.end())
        --context->second.waiters;
    return rv;
}

LONG SCardCancel(SCARDCONTEXT hContext)
{
    auto& w = world();
    {
        std::lock_guard lock(w.mutex);
        ++w.counts.cancels;
        if (const LONG rv = w.takeInjected("SCardCancel"); rv != SCARD_S_SUCCESS)
            return rv;
        const auto context = w.contexts.find(hContext);
        if (context == w.contexts.end())
            return SCARD_E_INVALID_HANDLE;
        // pcsc-lite only cancels a wait in progress; a cancel before the wait is lost.
        if (context->second.waiters == 0)
            return SCARD_S_SUCCESS;
        ++context->second.cancelGeneration;
    }
    w.changed.notify_all();
    return SCARD_S_SUCCESS;
}

} // extern "C"
