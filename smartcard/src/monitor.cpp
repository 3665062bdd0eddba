// CardMonitor: one thread, one context of its own, SCardGetStatusChange over every reader plus the
// PnP pseudo-reader; survives pcscd restarts by establishing a fresh context.

#include "smartcard/monitor.hpp"

#include "pcsc_internal.hpp"
#include "smartcard/pcsc.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace smartcard {

namespace {

constexpr const char* pnpReaderName = "\\\\?PnP?\\Notification";
// pcsc-lite 1.9.9 only notices a reader count change *during* a wait, so a reader plugged in
// between our re-list and the next wait would go unseen; a periodic re-list bounds that.
constexpr DWORD pnpResyncMs = 5'000;
constexpr DWORD pollMs = 1'000; // no PnP support: re-list this often
constexpr auto reconnectInterval = std::chrono::milliseconds(200);
// SCardCancel only interrupts a wait in progress; stop() repeats it until the thread is out.
constexpr auto cancelRepeat = std::chrono::milliseconds(50);

struct KnownReader {
    DWORD state = SCARD_STATE_UNAWARE; // last dwEventState without CHANGED (keeps the counter)
    bool seen = false; // its first state arrived (initial Inserted reported)
    bool present = false;
};

DWORD eventCounter(DWORD state)
{
    return (state >> 16) & 0xFFFF;
}

} // namespace

struct CardMonitor::State {
    explicit State(Callback cb)
        : callback(std::move(cb))
    { }

    Callback callback;
    std::thread thread;
    std::mutex mutex;
    std::condition_variable wake; // stop() → a sleeping monitor thread, and thread end → stop()
    bool stopping = false; // guarded by mutex
    bool finished = false; // guarded by mutex
    PcscContext* published = nullptr; // guarded by mutex: the context stop() must cancel

    void run();

private:
    bool isStopping();
    bool sleepUnlessStopped(std::chrono::milliseconds duration);
    bool publish(PcscContext* current);
    std::unique_ptr<PcscContext> establish(bool& serviceDown);
    LONG probePnp(PcscContext& context, bool& supported, DWORD& pnpState);
    bool watch(PcscContext& context);
    void syncReaders(PcscContext& context, std::map<std::string, KnownReader>& readers);
    void onReaderState(const SCARD_READERSTATE& state, KnownReader& reader);
    void loseService(std::map<std::string, KnownReader>& readers);
    void emit(CardEvent::Kind kind, const std::string& reader = {}, Bytes atr = {});
};

bool CardMonitor::State::isStopping()
{
    std::lock_guard lock(mutex);
    return stopping;
}

// True when stop() interrupted the sleep.
bool CardMonitor::State::sleepUnlessStopped(std::chrono::milliseconds duration)
{
    std::unique_lock lock(mutex);
    return wake.wait_for(lock, duration, [this] { return stopping; });
}

// Makes `current` the context stop() cancels; false (and nothing published) when stopping.
bool CardMonitor::State::publish(PcscContext* current)
{
    std::lock_guard lock(mutex);
    if (stopping && current)
        return false;
    published = current;
    return true;
}

void CardMonitor::State::emit(CardEvent::Kind kind, const std::string& reader, Bytes atr)
{
    if (!callback)
        return;
    try {
        callback(CardEvent { kind, reader, std::move(atr) });
    } catch (...) {
        // A throwing callback must not end the thread (std::terminate); the event is dropped.
    }
}

void CardMonitor::State::run()
{
    bool serviceDown = false; // ServiceLost reported, ServiceRestored still owed
    while (!isStopping()) {
        std::unique_ptr<PcscContext> current = establish(serviceDown);
        if (!current)
            break;
        if (serviceDown) {
            emit(CardEvent::Kind::ServiceRestored);
            serviceDown = false;
        }
        if (!publish(current.get()))
            break;
        serviceDown = watch(*current);
        publish(nullptr); // before the context dies, so stop() never cancels a released one
    }
    {
        std::lock_guard lock(mutex);
        published = nullptr;
        finished = true;
    }
    wake.notify_all();
}

// A working context, or null when stopped. pcscd absent at start counts as a lost service.
std::unique_ptr<PcscContext> CardMonitor::State::establish(bool& serviceDown)
{
    for (;;) {
        try {
            return std::make_unique<PcscContext>();
        } catch (const CardError&) {
            if (!serviceDown) {
                emit(CardEvent::Kind::ServiceLost);
                serviceDown = true;
            }
        }
        if (sleepUnlessStopped(reconnectInterval))
            return nullptr;
    }
}

// Whether this pcscd knows the PnP pseudo-reader; the zero-timeout call also fills in the PnP
// state to compare against. Its upper 16 bits count reader events in newer pcsc-lite and hold
// the number of readers on Windows; either way the next wait must pass them back, or Windows
// returns at once, every time.
LONG CardMonitor::State::probePnp(PcscContext& context, bool& supported, DWORD& pnpState)
{
    SCARD_READERSTATE entry {};
    entry.szReader = pnpReaderName;
    entry.dwCurrentState = SCARD_STATE_UNAWARE;
    const LONG rv = SCardGetStatusChange(static_cast<SCARDCONTEXT>(context.handle()), 0, &entry, 1);
    supported = (rv == SCARD_S_SUCCESS || rv == SCARD_E_TIMEOUT)
        && !(entry.dwEventState & SCARD_STATE_UNKNOWN);
    if (supported)
        pnpState = entry.dwEventState & ~DWORD { SCARD_STATE_CHANGED };
    return rv;
}

// Watches until pcscd goes away (returns true) or stop() (returns false).
bool CardMonitor::State::watch(PcscContext& context)
{
    std::map<std::string, KnownReader> readers;
    DWORD pnpState = SCARD_STATE_UNAWARE;
    bool usePnp = false;
    if (const LONG rv = probePnp(context, usePnp, pnpState);
        detail::isServiceLoss(rv) || rv == SCARD_E_INVALID_HANDLE) {
        loseService(readers);
        return true;
    }
    bool lastWasUnknownReader = false;

    while (!isStopping()) {
        // Re-list on every round: cheap, and it catches readers the PnP wait did not report.
        try {
            syncReaders(context, readers);
        } catch (const CardError& error) {
            if (error.isServiceFailure()) {
                loseService(readers);
                return true;
            }
        }

        std::vector<SCARD_READERSTATE> states;
        for (auto& [name, reader] : readers) {
            // pcsc-lite takes 16 entries per call, Windows 10 (one is PnP); more readers are
            // listed, not watched.
            if (states.size() == detail::readerStatesPerCall - 1)
                break;
            SCARD_READERSTATE entry {};
            entry.szReader = name.c_str();
            entry.dwCurrentState = reader.state;
            states.push_back(entry);
        }
        if (usePnp) {
            SCARD_READERSTATE entry {};
            entry.szReader = pnpReaderName;
            entry.dwCurrentState = pnpState;
            states.push_back(entry);
        }
        if (states.empty()) { // no readers and no PnP: nothing to wait on but the clock
            if (sleepUnlessStopped(std::chrono::milliseconds(pollMs)))
                return false;
            continue;
        }

        const LONG rv = SCardGetStatusChange(static_cast<SCARDCONTEXT>(context.handle()),
            usePnp ? pnpResyncMs : pollMs, states.data(), static_cast<DWORD>(states.size()));
        if (isStopping())
            return false;
        if (detail::isServiceLoss(rv) || rv == SCARD_E_INVALID_HANDLE) {
            loseService(readers);
            return true;
        }
        if (usePnp && (rv == SCARD_S_SUCCESS || rv == SCARD_E_TIMEOUT))
            pnpState = states.back().dwEventState & ~DWORD { SCARD_STATE_CHANGED };
        const bool unknownReader = rv == SCARD_E_UNKNOWN_READER; // left between list and wait
        const bool unexpected = rv != SCARD_S_SUCCESS && rv != SCARD_E_TIMEOUT
            && rv != SCARD_E_CANCELLED && !unknownReader;
        if (unexpected || (unknownReader && lastWasUnknownReader)) {
            // Do not spin on an error that re-listing does not cure.
            if (sleepUnlessStopped(std::chrono::milliseconds(pollMs)))
                return false;
        }
        lastWasUnknownReader = unknownReader;
        if (rv != SCARD_S_SUCCESS)
            continue;
        for (const SCARD_READERSTATE& state : states) {
            const auto found = readers.find(state.szReader);
            if (found != readers.end())
                onReaderState(state, found->second);
        }
    }
    return false;
}

void CardMonitor::State::syncReaders(
    PcscContext& context, std::map<std::string, KnownReader>& readers)
{
    const std::vector<std::string> names = context.listReaders();
    for (auto it = readers.begin(); it != readers.end();) {
        if (std::find(names.begin(), names.end(), it->first) != names.end()) {
            ++it;
            continue;
        }
        if (it->second.present)
            emit(CardEvent::Kind::CardRemoved, it->first);
        emit(CardEvent::Kind::ReaderRemoved, it->first);
        it = readers.erase(it);
    }
    for (const std::string& name : names) {
        if (readers.emplace(name, KnownReader {}).second)
            emit(CardEvent::Kind::ReaderAdded, name);
    }
}

void CardMonitor::State::onReaderState(const SCARD_READERSTATE& state, KnownReader& reader)
{
    if (!(state.dwEventState & SCARD_STATE_CHANGED))
        return;
    const DWORD now = state.dwEventState & ~DWORD { SCARD_STATE_CHANGED };
    if (now & (SCARD_STATE_UNKNOWN | SCARD_STATE_IGNORE)) {
        reader.state = now; // unplugged: the next re-list reports it
        return;
    }
    const bool present = (now & SCARD_STATE_PRESENT) != 0;
    Bytes atr;
    if (present)
        atr.assign(
            state.rgbAtr, state.rgbAtr + std::min<std::size_t>(state.cbAtr, detail::atrRoom));

    // Present before and after, but the event counter moved: the card left and came back (or
    // another card came) between two waits. Report both, or the app keeps a stale session.
    const bool swapped = reader.seen && reader.present && present
        && eventCounter(now) != eventCounter(reader.state);
    if (reader.seen && reader.present && (!present || swapped))
        emit(CardEvent::Kind::CardRemoved, state.szReader);
    if (present && (!reader.seen || !reader.present || swapped))
        emit(CardEvent::Kind::CardInserted, state.szReader, std::move(atr));
    reader.seen = true;
    reader.present = present;
    reader.state = now;
}

void CardMonitor::State::loseService(std::map<std::string, KnownReader>& readers)
{
    emit(CardEvent::Kind::ServiceLost);
    for (const auto& [name, reader] : readers) {
        if (reader.present)
            emit(CardEvent::Kind::CardRemoved, name);
        emit(CardEvent::Kind::ReaderRemoved, name);
    }
    readers.clear();
}

// --- CardMonitor ----------------------------------------------------------------------------

CardMonitor::CardMonitor(Callback callback)
    : state_(std::make_unique<State>(std::move(callback)))
{ }

CardMonitor::~CardMonitor()
{
    stop();
}

void CardMonitor::start()
{
    State& s = *state_;
    std::unique_lock lock(s.mutex);
    if (s.thread.joinable()) {
        if (!s.finished)
            return; // running already
        lock.unlock(); // stopped from a callback and ended: collect it, then start afresh
        s.thread.join();
        lock.lock();
    }
    s.stopping = false;
    s.finished = false;
    // Assigned under the mutex, which run() takes first: a callback's stop() sees the thread.
    s.thread = std::thread([state = &s] { state->run(); });
}

void CardMonitor::stop()
{
    State& s = *state_;
    std::unique_lock lock(s.mutex);
    if (!s.thread.joinable())
        return;
    s.stopping = true;
    s.wake.notify_all();
    if (std::this_thread::get_id() == s.thread.get_id())
        return; // from a callback: the thread ends after it returns; a later stop() joins
    while (!s.finished) {
        if (s.published)
            s.published->cancel();
        s.wake.wait_for(lock, cancelRepeat, [&s] { return s.finished; });
    }
    lock.unlock();
    s.thread.join();
}

} // namespace smartcard
