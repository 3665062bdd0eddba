#pragma once

#include "event_recorder.hpp"
#include "smartcard/pcsc.hpp"

#include <chrono>
#include <string>
#include <thread>

namespace testsupport {

/// Waits (on monitor events) until `reader` holds a card (or is empty); false on timeout.
inline bool waitForCard(const std::string& reader, bool present,
    std::chrono::milliseconds timeout = std::chrono::seconds(10))
{
    if (!present) {
        // Polled: the monitor reports an empty reader at start without a CardRemoved event, so
        // a card leaving while the monitor starts would be waited for until the timeout.
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        do {
            smartcard::PcscContext context;
            bool empty = true;
            for (const auto& status : context.readerStatuses())
                if (status.name == reader && status.cardPresent)
                    empty = false;
            if (empty)
                return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        } while (std::chrono::steady_clock::now() < deadline);
        return false;
    }
    EventRecorder events;
    smartcard::CardMonitor monitor(events.callback());
    monitor.start(); // reports the current state first, so nothing is missed in between
    return events.waitFor(
               EventRecorder::is(smartcard::CardEvent::Kind::CardInserted, reader), 0, timeout)
        >= 0;
}

} // namespace testsupport

#include "virtual_card.hpp"

#include <memory>
#include <stdexcept>

namespace testsupport {

/// Starts a virtual card in an empty reader and waits until pcscd sees it. Waiting for "empty"
/// first matters: a card that left less than one pcscd poll (400 ms) ago still shows as present.
inline std::unique_ptr<VirtualCard> insertCard(
    const QString& personality, const QStringList& args = {}, int port = VirtualCard::slot0Port)
{
    const std::string reader = virtualReaderName(port).toStdString();
    if (!waitForCard(reader, false))
        throw std::runtime_error("the reader never became empty");
    auto card = std::make_unique<VirtualCard>(personality, args, port);
    if (!waitForCard(reader, true))
        throw std::runtime_error("pcscd never saw the virtual card");
    return card;
}

} // namespace testsupport
