// pcscd restarted under a running monitor and an open context: both recover on a fresh context.
#include "card_wait.hpp"
#include "event_recorder.hpp"
#include "read_card.hpp"
#include "virtual_card.hpp"

#include <catch2/catch.hpp>

using namespace testsupport;
using Kind = smartcard::CardEvent::Kind;

namespace {
/// Puts the normal stack back whatever the test did to it.
struct StackRestorer {
    ~StackRestorer()
    {
        try {
            stack(QStringLiteral("start"));
        } catch (...) { }
    }
};
} // namespace

TEST_CASE("a running monitor survives a pcscd restart", "[pcsc][recovery]")
{
    StackRestorer restore;
    const std::string reader = virtualReaderName().toStdString();
    const auto card = insertCard(QStringLiteral("moica-gen1"));

    smartcard::Pcsc pcsc; // an entry point whose context predates the restart
    REQUIRE(pcsc.listReaders().size() == 2);

    EventRecorder events;
    smartcard::CardMonitor monitor(events.callback());
    monitor.start();
    REQUIRE(events.waitFor(EventRecorder::is(Kind::CardInserted, reader)) >= 0);

    stack(QStringLiteral("restart"));

    const long lost = events.waitFor(EventRecorder::is(Kind::ServiceLost));
    REQUIRE(lost >= 0);
    const long restored = events.waitFor(
        EventRecorder::is(Kind::ServiceRestored), lost + 1, std::chrono::seconds(15));
    REQUIRE(restored > lost);
    // The emulator reconnects to the new pcscd like a card left in the reader.
    REQUIRE(events.waitFor(EventRecorder::is(Kind::CardInserted, reader), restored + 1,
                std::chrono::seconds(15))
        > restored);

    // The old entry point makes a fresh context instead of failing forever.
    CHECK(pcsc.listReaders().size() == 2);
    smartcard::CardInfo info;
    pcsc.withCard(
        reader, [&](smartcard::CardConnection& connection, smartcard::ApduChannel& channel) {
            info = smartcard::readCardInfo(channel, reader, connection.atr());
        });
    CHECK(info.kind == smartcard::CardKind::MoicaGen1);
}

TEST_CASE(
    "with pcscd stopped, every entry point reports the service as unavailable", "[pcsc][recovery]")
{
    StackRestorer restore;
    stack(QStringLiteral("stop"));
    try {
        smartcard::Pcsc pcsc;
        pcsc.listReaders();
        FAIL("listing readers without pcscd should fail");
    } catch (const smartcard::CardError& e) {
        CHECK(e.code() == smartcard::CardErrc::ServiceUnavailable);
    }
}
