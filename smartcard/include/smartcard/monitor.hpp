#pragma once

#include "smartcard/bytes.hpp"

#include <functional>
#include <memory>
#include <string>

namespace smartcard {

struct CardEvent {
    enum class Kind {
        ReaderAdded,
        ReaderRemoved,
        CardInserted,
        CardRemoved,
        ServiceLost, // pcscd went away; the monitor keeps trying to reconnect
        ServiceRestored, // a fresh context works again; readers and cards are reported anew
    };
    Kind kind;
    std::string reader; // empty for the service events
    Bytes atr; // CardInserted only
};

/// A thread on SCardGetStatusChange that reports reader and card arrival/removal, including
/// readers plugged in later (the "\\?PnP?\Notification" pseudo-reader where pcscd supports it,
/// else a periodic re-list). Survives a pcscd restart: pcscd missing or gone is ServiceLost, back
/// again is ServiceRestored. Callbacks run on the monitor thread; an exception from one is
/// dropped. start()/stop()/the destructor belong to the owning thread; a callback may call
/// stop() (the thread then ends after the callback, and the owner's stop() joins it).
class CardMonitor {
public:
    using Callback = std::function<void(const CardEvent&)>;

    explicit CardMonitor(Callback callback);
    ~CardMonitor(); // stops and joins
    CardMonitor(const CardMonitor&) = delete;
    CardMonitor& operator=(const CardMonitor&) = delete;

    /// Starts the thread; the current readers and cards are reported first as Added/Inserted.
    void start();
    /// Cancels the blocking wait (SCardCancel) and joins. Idempotent.
    void stop();

private:
    struct State;
    std::unique_ptr<State> state_;
};

} // namespace smartcard
