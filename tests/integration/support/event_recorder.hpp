#pragma once

#include "smartcard/monitor.hpp"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <vector>

namespace testsupport {

/// Collects a CardMonitor's events and lets a test wait for one — on a condition variable,
/// never a fixed sleep.
class EventRecorder {
public:
    using Predicate = std::function<bool(const smartcard::CardEvent&)>;

    smartcard::CardMonitor::Callback callback()
    {
        return [this](const smartcard::CardEvent& event) {
            {
                const std::lock_guard lock(mutex_);
                events_.push_back(event);
            }
            changed_.notify_all();
        };
    }

    /// Waits until an event after position `from` matches; returns its index or -1 on timeout.
    long waitFor(const Predicate& predicate, std::size_t from = 0,
        std::chrono::milliseconds timeout = std::chrono::seconds(10))
    {
        std::unique_lock lock(mutex_);
        long found = -1;
        changed_.wait_for(lock, timeout, [&] {
            for (std::size_t i = from; i < events_.size(); ++i)
                if (predicate(events_[i])) {
                    found = static_cast<long>(i);
                    return true;
                }
            return false;
        });
        return found;
    }

    std::size_t size()
    {
        const std::lock_guard lock(mutex_);
        return events_.size();
    }

    static Predicate is(smartcard::CardEvent::Kind kind, const std::string& reader = {})
    {
        return [kind, reader](const smartcard::CardEvent& event) {
            return event.kind == kind && (reader.empty() || event.reader == reader);
        };
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<smartcard::CardEvent> events_;
};

} // namespace testsupport
