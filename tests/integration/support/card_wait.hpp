#pragma once

#include "event_recorder.hpp"
#include "smartcard/pcsc.hpp"

#include <string>

namespace testsupport {

/// Waits (on monitor events) until `reader` holds a card (or is empty); false on timeout.
inline bool waitForCard(const std::string& reader, bool present,
    std::chrono::milliseconds timeout = std::chrono::seconds(10))
{
    EventRecorder events;
    smartcard::CardMonitor monitor(events.callback());
    monitor.start(); // reports the current state first, so nothing is missed in between
    const auto kind = present ? smartcard::CardEvent::Kind::CardInserted
                              : smartcard::CardEvent::Kind::CardRemoved;
    if (!present) {
        smartcard::PcscContext context;
        for (const auto& status : context.readerStatuses())
            if (status.name == reader && !status.cardPresent)
                return true;
    }
    return events.waitFor(EventRecorder::is(kind, reader), 0, timeout) >= 0;
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
