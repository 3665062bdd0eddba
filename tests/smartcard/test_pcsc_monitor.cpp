// CardMonitor against the fake. Every wait is on a condition with a generous timeout; nothing
// sleeps for a fixed time.

#include "smartcard/monitor.hpp"
#include "test_pcsc_support.hpp"

#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <vector>

using namespace pcsctest;
using smartcard::CardEvent;
using smartcard::CardMonitor;
using Kind = CardEvent::Kind;

namespace {

constexpr auto patience = std::chrono::seconds(10);

const char* kindName(Kind kind)
{
    switch (kind) {
    case Kind::ReaderAdded:
        return "ReaderAdded";
    case Kind::ReaderRemoved:
        return "ReaderRemoved";
    case Kind::CardInserted:
        return "CardInserted";
    case Kind::CardRemoved:
        return "CardRemoved";
    case Kind::ServiceLost:
        return "ServiceLost";
    case Kind::ServiceRestored:
        return "ServiceRestored";
    }
    return "?";
}

// What the monitor reported, in order; tests wait on it.
class EventLog {
public:
    void operator()(const CardEvent& event)
    {
        {
            std::lock_guard lock(mutex_);
            events_.push_back(event);
        }
        arrived_.notify_all();
    }

    /// Index of the first event of `kind` (for `reader`) at or after `from`; empty on timeout.
    std::optional<std::size_t> waitFor(
        Kind kind, const std::string& reader = {}, std::size_t from = 0)
    {
        std::unique_lock lock(mutex_);
        std::optional<std::size_t> found;
        arrived_.wait_for(lock, patience, [&] {
            for (std::size_t i = from; i < events_.size(); ++i) {
                if (events_[i].kind == kind && events_[i].reader == reader) {
                    found = i;
                    return true;
                }
            }
            return false;
        });
        return found;
    }

    std::size_t size()
    {
        std::lock_guard lock(mutex_);
        return events_.size();
    }

    /// "ReaderAdded Virtual PCD 00 00" lines from `from` on, for whole-sequence checks.
    std::vector<std::string> lines(std::size_t from = 0)
    {
        std::lock_guard lock(mutex_);
        std::vector<std::string> out;
        for (std::size_t i = from; i < events_.size(); ++i) {
            std::string line = kindName(events_[i].kind);
            if (!events_[i].reader.empty())
                line += " " + events_[i].reader;
            if (!events_[i].atr.empty())
                line += " " + smartcard::toHex(events_[i].atr);
            out.push_back(line);
        }
        return out;
    }

private:
    std::mutex mutex_;
    std::condition_variable arrived_;
    std::vector<CardEvent> events_;
};

using Lines = std::vector<std::string>;

std::string line(Kind kind, const std::string& reader = {}, const smartcard::Bytes& atr = {})
{
    std::string text = kindName(kind);
    if (!reader.empty())
        text += " " + reader;
    if (!atr.empty())
        text += " " + smartcard::toHex(atr);
    return text;
}

// The monitor thread sits in SCardGetStatusChange (so what follows is a live change).
void requireMonitorBlocked()
{
    REQUIRE(pcscfake::waitForBlockedWaiters(1, patience));
}

} // namespace

TEST_CASE_METHOD(FakePcsc, "the monitor reports the initial readers and cards", "[monitor]")
{
    pcscfake::addReader(reader0);
    pcscfake::addReader(reader1);
    pcscfake::insertCard(reader0, atrT1);
    EventLog log;
    CardMonitor monitor(std::ref(log));
    monitor.start();

    REQUIRE(log.waitFor(Kind::CardInserted, reader0));
    requireMonitorBlocked();
    pcscfake::insertCard(reader1, atrMoica); // a later event closes the initial sequence
    REQUIRE(log.waitFor(Kind::CardInserted, reader1));
    CHECK(log.lines()
        == Lines { line(Kind::ReaderAdded, reader0), line(Kind::ReaderAdded, reader1),
            line(Kind::CardInserted, reader0, atrT1),
            line(Kind::CardInserted, reader1, atrMoica) });
    monitor.stop();
    requireFakeClean();
}

TEST_CASE_METHOD(FakePcsc, "the monitor reports insertion and removal", "[monitor]")
{
    pcscfake::addReader(reader0);
    EventLog log;
    CardMonitor monitor(std::ref(log));
    monitor.start();
    REQUIRE(log.waitFor(Kind::ReaderAdded, reader0));

    for (int round = 0; round < 3; ++round) {
        requireMonitorBlocked();
        const std::size_t mark = log.size();
        pcscfake::insertCard(reader0, atrT1);
        REQUIRE(log.waitFor(Kind::CardInserted, reader0, mark));
        requireMonitorBlocked();
        pcscfake::removeCard(reader0);
        REQUIRE(log.waitFor(Kind::CardRemoved, reader0, mark));
        CHECK(log.lines(mark)
            == Lines {
                line(Kind::CardInserted, reader0, atrT1), line(Kind::CardRemoved, reader0) });
    }
    CHECK(pcscfake::counts().plainWaits == 0); // woken by events, not by polling
    monitor.stop();
    requireFakeClean();
}

TEST_CASE_METHOD(
    FakePcsc, "a fast remove and re-insert still yields Removed then Inserted", "[monitor]")
{
    pcscfake::addReader(reader0);
    pcscfake::insertCard(reader0, atrT1);
    EventLog log;
    CardMonitor monitor(std::ref(log));
    monitor.start();
    REQUIRE(log.waitFor(Kind::CardInserted, reader0));
    requireMonitorBlocked();

    const std::size_t mark = log.size();
    pcscfake::reinsertCard(reader0, atrMoica); // PRESENT before and after; only the counter moved
    REQUIRE(log.waitFor(Kind::CardInserted, reader0, mark));
    CHECK(log.lines(mark)
        == Lines { line(Kind::CardRemoved, reader0), line(Kind::CardInserted, reader0, atrMoica) });
    monitor.stop();
    requireFakeClean();
}

TEST_CASE_METHOD(FakePcsc, "readers plugged in later are seen through the PnP reader", "[monitor]")
{
    EventLog log;
    CardMonitor monitor(std::ref(log));
    monitor.start();
    requireMonitorBlocked(); // no readers at all: waiting on PnP alone

    pcscfake::addReader(reader0);
    REQUIRE(log.waitFor(Kind::ReaderAdded, reader0));
    requireMonitorBlocked();
    pcscfake::insertCard(reader0, atrT1);
    REQUIRE(log.waitFor(Kind::CardInserted, reader0));
    requireMonitorBlocked();
    pcscfake::addReader(reader1);
    REQUIRE(log.waitFor(Kind::ReaderAdded, reader1));
    requireMonitorBlocked();
    pcscfake::removeReader(reader0); // with its card
    REQUIRE(log.waitFor(Kind::ReaderRemoved, reader0));

    CHECK(log.lines()
        == Lines { line(Kind::ReaderAdded, reader0), line(Kind::CardInserted, reader0, atrT1),
            line(Kind::ReaderAdded, reader1), line(Kind::CardRemoved, reader0),
            line(Kind::ReaderRemoved, reader0) });
    CHECK(pcscfake::counts().plainWaits == 0);
    monitor.stop();
    requireFakeClean();
}

TEST_CASE_METHOD(FakePcsc, "without PnP support the monitor re-lists readers", "[monitor]")
{
    // The first SCardGetStatusChange is the PnP probe; an old pcscd does not know the name.
    pcscfake::failNext("SCardGetStatusChange", SCARD_E_UNKNOWN_READER);
    EventLog log;
    CardMonitor monitor(std::ref(log));
    monitor.start();

    pcscfake::addReader(reader0);
    REQUIRE(log.waitFor(Kind::ReaderAdded, reader0));
    pcscfake::insertCard(reader0, atrT1);
    REQUIRE(log.waitFor(Kind::CardInserted, reader0));
    CHECK(pcscfake::counts().pnpWaits == 0);
    monitor.stop();
    requireFakeClean();
}

TEST_CASE_METHOD(FakePcsc, "the monitor survives a pcscd restart", "[monitor]")
{
    pcscfake::addReader(reader0);
    pcscfake::insertCard(reader0, atrT1);
    EventLog log;
    CardMonitor monitor(std::ref(log));
    monitor.start();
    REQUIRE(log.waitFor(Kind::CardInserted, reader0));
    requireMonitorBlocked();

    std::size_t mark = log.size();
    pcscfake::stopService(); // the pending wait gets SCARD_F_COMM_ERROR
    REQUIRE(log.waitFor(Kind::ReaderRemoved, reader0, mark));
    CHECK(log.lines(mark)
        == Lines { line(Kind::ServiceLost), line(Kind::CardRemoved, reader0),
            line(Kind::ReaderRemoved, reader0) });

    mark = log.size();
    pcscfake::startService(); // the old context stays dead; the monitor makes a new one
    REQUIRE(log.waitFor(Kind::CardInserted, reader0, mark));
    CHECK(log.lines(mark)
        == Lines { line(Kind::ServiceRestored), line(Kind::ReaderAdded, reader0),
            line(Kind::CardInserted, reader0, atrT1) });

    requireMonitorBlocked();
    mark = log.size();
    pcscfake::removeCard(reader0); // and it keeps watching
    REQUIRE(log.waitFor(Kind::CardRemoved, reader0, mark));
    monitor.stop();
    CHECK(pcscfake::counts().contextsOpen == 0);
    requireFakeClean();
}

TEST_CASE_METHOD(FakePcsc, "a monitor started without pcscd waits for it", "[monitor]")
{
    pcscfake::addReader(reader0);
    pcscfake::stopService();
    EventLog log;
    CardMonitor monitor(std::ref(log));
    monitor.start();
    REQUIRE(log.waitFor(Kind::ServiceLost));

    pcscfake::startService();
    REQUIRE(log.waitFor(Kind::ReaderAdded, reader0));
    CHECK(log.lines()
        == Lines { line(Kind::ServiceLost), line(Kind::ServiceRestored),
            line(Kind::ReaderAdded, reader0) });
    monitor.stop();
    requireFakeClean();
}

TEST_CASE_METHOD(FakePcsc, "stop() returns while the monitor is blocked", "[monitor]")
{
    pcscfake::addReader(reader0);
    EventLog log;
    CardMonitor monitor(std::ref(log));
    monitor.start();

    SECTION("in SCardGetStatusChange")
    {
        REQUIRE(log.waitFor(Kind::ReaderAdded, reader0));
        requireMonitorBlocked();
    }
    SECTION("between reconnect attempts")
    {
        REQUIRE(log.waitFor(Kind::ReaderAdded, reader0));
        pcscfake::stopService();
        REQUIRE(log.waitFor(Kind::ServiceLost));
    }
    SECTION("right after start, racing the first wait")
    {
        // A cancel that lands before the wait begins is lost in pcsc-lite; stop() must cope.
    }
    auto stopped = std::async(std::launch::async, [&] { monitor.stop(); });
    REQUIRE(stopped.wait_for(patience) == std::future_status::ready);
    monitor.stop(); // idempotent
    CHECK(pcscfake::counts().contextsOpen == 0);
    requireFakeClean();
}

TEST_CASE_METHOD(
    FakePcsc, "the monitor can be restarted and is stopped by its destructor", "[monitor]")
{
    pcscfake::addReader(reader0);
    EventLog log;
    {
        CardMonitor monitor(std::ref(log));
        monitor.start();
        monitor.start(); // no second thread
        REQUIRE(log.waitFor(Kind::ReaderAdded, reader0));
        monitor.stop();

        const std::size_t mark = log.size();
        monitor.start(); // reports the current state anew
        REQUIRE(log.waitFor(Kind::ReaderAdded, reader0, mark));
        requireMonitorBlocked();
    }
    CHECK(pcscfake::counts().contextsOpen == 0);
    requireFakeClean();
}

TEST_CASE_METHOD(FakePcsc, "a throwing callback does not end the monitor", "[monitor]")
{
    pcscfake::addReader(reader0);
    EventLog log;
    CardMonitor monitor([&](const CardEvent& event) {
        log(event);
        throw std::runtime_error("callback bug");
    });
    monitor.start();
    REQUIRE(log.waitFor(Kind::ReaderAdded, reader0));
    requireMonitorBlocked();
    pcscfake::insertCard(reader0, atrT1);
    REQUIRE(log.waitFor(Kind::CardInserted, reader0));
    monitor.stop();
    requireFakeClean();
}

TEST_CASE_METHOD(FakePcsc, "stop() from a callback does not deadlock", "[monitor]")
{
    pcscfake::addReader(reader0);
    EventLog log;
    std::promise<void> called;
    CardMonitor* self = nullptr;
    CardMonitor monitor([&](const CardEvent& event) {
        log(event);
        if (event.kind == Kind::ReaderAdded) {
            self->stop();
            called.set_value();
        }
    });
    self = &monitor;
    monitor.start();
    REQUIRE(called.get_future().wait_for(patience) == std::future_status::ready);
    auto stopped = std::async(std::launch::async, [&] { monitor.stop(); });
    REQUIRE(stopped.wait_for(patience) == std::future_status::ready);
    requireFakeClean();
}
