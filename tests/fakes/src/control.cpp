// The control API tests drive the fake with, and the World's shared helpers.

#include "world.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace pcscfake {

namespace detail {

World& world()
{
    static World instance;
    return instance;
}

std::string hex(const Bytes& bytes)
{
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string out;
    for (const auto byte : bytes) {
        out += digits[byte >> 4];
        out += digits[byte & 0x0F];
    }
    return out.empty() ? "(empty)" : out;
}

Reader* World::findReader(const std::string& name)
{
    for (Reader& reader : readers) {
        if (reader.name == name)
            return &reader;
    }
    return nullptr;
}

LONG World::checkContext(SCARDCONTEXT context) const
{
    const auto found = contexts.find(context);
    if (found == contexts.end())
        return SCARD_E_INVALID_HANDLE;
    if (!serviceUp || found->second.serviceEpoch != serviceEpoch)
        return SCARD_E_NO_SERVICE; // pcscd 1.9.9: an old context never works again
    return SCARD_S_SUCCESS;
}

LONG World::checkCard(SCARDHANDLE card) const
{
    const auto found = cards.find(card);
    if (found == cards.end())
        return SCARD_E_INVALID_HANDLE;
    if (const LONG rv = checkContext(found->second.context); rv != SCARD_S_SUCCESS)
        return rv;
    const Reader* reader = const_cast<World*>(this)->findReader(found->second.reader);
    if (!reader)
        return SCARD_E_READER_UNAVAILABLE;
    if (!reader->present || reader->eventCounter != found->second.eventCounter)
        return SCARD_W_REMOVED_CARD;
    return SCARD_S_SUCCESS;
}

LONG World::takeInjected(const char* function)
{
    const auto found = injected.find(function);
    if (found == injected.end() || found->second.empty())
        return SCARD_S_SUCCESS;
    const LONG rv = found->second.front();
    found->second.pop_front();
    return rv;
}

} // namespace detail

namespace {

using detail::world;

void requireAtrFits(const Bytes& atr)
{
    if (atr.size() > 33) // ISO/IEC 7816-3
        throw std::invalid_argument("pcscfake: an ATR has at most 33 bytes");
}

detail::Reader& requireReader(detail::World& w, const std::string& name)
{
    detail::Reader* reader = w.findReader(name);
    if (!reader)
        throw std::invalid_argument("pcscfake: no reader named \"" + name + "\"");
    return *reader;
}

constexpr std::array knownFunctions { "SCardEstablishContext", "SCardReleaseContext",
    "SCardIsValidContext", "SCardListReaders", "SCardGetStatusChange", "SCardCancel",
    "SCardConnect", "SCardReconnect", "SCardDisconnect", "SCardBeginTransaction",
    "SCardEndTransaction", "SCardStatus", "SCardTransmit" };

} // namespace

void reset()
{
    auto& w = world();
    {
        std::lock_guard lock(w.mutex);
        w.serviceUp = true;
        ++w.serviceEpoch;
        w.readerEvents = 1;
        w.readers.clear();
        w.contexts.clear(); // waiters still blocked see SCARD_E_INVALID_HANDLE
        w.cards.clear();
        w.injected.clear();
        w.failures.clear();
        w.transmits = 0;
        w.counts = {};
    }
    w.changed.notify_all();
}

void addReader(const std::string& name)
{
    auto& w = world();
    {
        std::lock_guard lock(w.mutex);
        if (w.findReader(name))
            throw std::invalid_argument("pcscfake: reader \"" + name + "\" exists already");
        w.readers.push_back(detail::Reader { name });
        ++w.readerEvents;
    }
    w.changed.notify_all();
}

void removeReader(const std::string& name)
{
    auto& w = world();
    {
        std::lock_guard lock(w.mutex);
        requireReader(w, name);
        std::erase_if(w.readers, [&](const detail::Reader& r) { return r.name == name; });
        ++w.readerEvents;
    }
    w.changed.notify_all();
}

void insertCard(const std::string& reader, const Bytes& atr, unsigned long protocol)
{
    requireAtrFits(atr);
    auto& w = world();
    {
        std::lock_guard lock(w.mutex);
        detail::Reader& r = requireReader(w, reader);
        if (r.present)
            throw std::invalid_argument("pcscfake: \"" + reader + "\" holds a card already");
        r.present = true;
        r.atr = atr;
        r.protocol = protocol;
        ++r.eventCounter;
    }
    w.changed.notify_all();
}

void removeCard(const std::string& reader)
{
    auto& w = world();
    {
        std::lock_guard lock(w.mutex);
        detail::Reader& r = requireReader(w, reader);
        if (!r.present)
            throw std::invalid_argument("pcscfake: \"" + reader + "\" is empty already");
        r.present = false;
        r.atr.clear();
        ++r.eventCounter;
    }
    w.changed.notify_all();
}

void reinsertCard(const std::string& reader, const Bytes& atr)
{
    requireAtrFits(atr);
    auto& w = world();
    {
        std::lock_guard lock(w.mutex);
        detail::Reader& r = requireReader(w, reader);
        if (!r.present)
            throw std::invalid_argument("pcscfake: \"" + reader + "\" has no card to swap");
        r.atr = atr;
        r.eventCounter += 2;
    }
    w.changed.notify_all();
}

void holdExclusive(const std::string& reader, bool held)
{
    auto& w = world();
    {
        std::lock_guard lock(w.mutex);
        requireReader(w, reader).heldExclusive = held;
    }
    w.changed.notify_all();
}

void setScript(const std::string& reader, std::vector<Exchange> script)
{
    auto& w = world();
    std::lock_guard lock(w.mutex);
    detail::Reader& r = requireReader(w, reader);
    r.script = std::move(script);
    r.scriptPosition = 0;
}

bool scriptDone(const std::string& reader)
{
    auto& w = world();
    std::lock_guard lock(w.mutex);
    const detail::Reader& r = requireReader(w, reader);
    return r.scriptPosition == r.script.size();
}

void failNext(const std::string& functionName, long rv, int count)
{
    if (std::find(knownFunctions.begin(), knownFunctions.end(), functionName)
        == knownFunctions.end())
        throw std::invalid_argument("pcscfake: failNext for unknown function " + functionName);
    auto& w = world();
    std::lock_guard lock(w.mutex);
    for (int i = 0; i < count; ++i)
        w.injected[functionName].push_back(static_cast<LONG>(rv));
}

void stopService()
{
    auto& w = world();
    {
        std::lock_guard lock(w.mutex);
        w.serviceUp = false;
        ++w.serviceEpoch; // every context made so far is now dead for good
    }
    w.changed.notify_all();
}

void startService()
{
    auto& w = world();
    {
        std::lock_guard lock(w.mutex);
        w.serviceUp = true;
    }
    w.changed.notify_all();
}

std::size_t transmitCount()
{
    auto& w = world();
    std::lock_guard lock(w.mutex);
    return w.transmits;
}

Counts counts()
{
    auto& w = world();
    std::lock_guard lock(w.mutex);
    Counts result = w.counts;
    result.contextsOpen = w.contexts.size();
    result.cardsOpen = w.cards.size();
    return result;
}

std::vector<std::string> failures()
{
    auto& w = world();
    std::lock_guard lock(w.mutex);
    return w.failures;
}

bool waitForBlockedWaiters(std::size_t count, std::chrono::milliseconds timeout)
{
    auto& w = world();
    std::unique_lock lock(w.mutex);
    return w.blocked.wait_for(lock, timeout, [&] { return w.blockedWaiters >= count; });
}

} // namespace pcscfake
