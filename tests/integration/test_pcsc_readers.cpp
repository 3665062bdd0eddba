// The real stack: pcscd with the vpcd driver lists its two virtual readers, and the monitor sees
// a card arrive and leave.
#include "card_wait.hpp"
#include "event_recorder.hpp"
#include "smartcard/pcsc.hpp"
#include "virtual_card.hpp"

#include <catch2/catch.hpp>

using namespace testsupport;
using Kind = smartcard::CardEvent::Kind;

TEST_CASE("pcscd lists both virtual readers", "[pcsc]")
{
    smartcard::Pcsc pcsc;
    const auto readers = pcsc.listReaders();
    REQUIRE(readers.size() == 2);
    CHECK(readers[0] == "Virtual PCD 00 00");
    CHECK(readers[1] == "Virtual PCD 00 01");
}

TEST_CASE("the monitor sees a card inserted, removed and inserted again", "[pcsc]")
{
    const std::string reader = virtualReaderName().toStdString();
    REQUIRE(waitForCard(reader, false));

    EventRecorder events;
    smartcard::CardMonitor monitor(events.callback());
    monitor.start();
    REQUIRE(events.waitFor(EventRecorder::is(Kind::ReaderAdded, reader)) >= 0);

    VirtualCard card(QStringLiteral("moica-gen1"));
    const long inserted = events.waitFor(EventRecorder::is(Kind::CardInserted, reader));
    REQUIRE(inserted >= 0);

    card.control("remove");
    const long removed = events.waitFor(EventRecorder::is(Kind::CardRemoved, reader), inserted + 1);
    REQUIRE(removed > inserted);

    card.control("insert");
    const long again = events.waitFor(EventRecorder::is(Kind::CardInserted, reader), removed + 1);
    REQUIRE(again > removed);

    // The event carries the card's ATR (HiCOS gen1: historical bytes "CHTMOICA").
    smartcard::PcscContext context;
    for (const auto& status : context.readerStatuses())
        if (status.name == reader)
            CHECK(smartcard::toHex(status.atr) == "3BB813008131FA524348544D4F494341A5");
}

TEST_CASE("a card in the second reader is seen there only", "[pcsc]")
{
    const std::string second = virtualReaderName(VirtualCard::slot1Port).toStdString();
    REQUIRE(waitForCard(virtualReaderName().toStdString(), false)); // an earlier test's card left
    VirtualCard card(QStringLiteral("nhi"), {}, VirtualCard::slot1Port);
    REQUIRE(waitForCard(second, true));
    smartcard::PcscContext context;
    for (const auto& status : context.readerStatuses())
        CHECK(status.cardPresent == (status.name == second));
}
