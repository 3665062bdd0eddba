// Pcsc across pcscd failures: fresh contexts after NO_SERVICE / COMM_ERROR, one retry only
// before the first APDU, and nothing repeated once a command may have reached the card.

#include "card_error_checks.hpp"
#include "smartcard/pcsc.hpp"
#include "test_pcsc_support.hpp"

using namespace pcsctest;
using smartcard::ApduChannel;
using smartcard::CardConnection;
using smartcard::CardErrc;
using smartcard::CardError;
using smartcard::CommandApdu;

using namespace cardchecks;

namespace {

struct CardInReader : FakePcsc {
    CardInReader()
    {
        pcscfake::addReader(reader0);
        pcscfake::insertCard(reader0, atrT1);
    }
};

void selectOnce(CardConnection&, ApduChannel& channel)
{
    channel.transmitChecked(CommandApdu::selectFile(0x3F00));
}

void scriptSelects(int count)
{
    std::vector<pcscfake::Exchange> script;
    for (int i = 0; i < count; ++i)
        script.push_back({ hex("00A40000023F00"), hex("9000") });
    pcscfake::setScript(reader0, script);
}

} // namespace

TEST_CASE_METHOD(CardInReader, "Pcsc does not need pcscd to be constructed", "[pcsc][service]")
{
    pcscfake::stopService();
    smartcard::Pcsc pcsc;
    CHECK(pcscfake::counts().contextsEstablished == 0);
    CHECK(errcOf([&] { pcsc.listReaders(); }) == CardErrc::ServiceUnavailable);
    pcscfake::startService();
    CHECK(pcsc.listReaders() == std::vector<std::string> { reader0 });
    requireFakeClean();
}

TEST_CASE_METHOD(
    CardInReader, "NO_SERVICE on the first context, success on a fresh one", "[pcsc][service]")
{
    scriptSelects(1);
    pcscfake::failNext("SCardEstablishContext", SCARD_E_NO_SERVICE);
    smartcard::Pcsc pcsc;
    pcsc.withCard(reader0, selectOnce);
    CHECK(pcscfake::scriptDone(reader0));
    CHECK(pcscfake::counts().contextsEstablished == 1); // the failed attempt made none
    requireFakeClean();
}

TEST_CASE_METHOD(
    CardInReader, "the Pcsc object keeps working across a pcscd restart", "[pcsc][service]")
{
    scriptSelects(2);
    smartcard::Pcsc pcsc;
    pcsc.withCard(reader0, selectOnce);

    pcscfake::stopService();
    pcscfake::startService(); // the old context is dead for good now
    pcsc.withCard(reader0, selectOnce);
    CHECK(pcsc.listReaders() == std::vector<std::string> { reader0 });
    CHECK(pcsc.readerStatuses().at(0).cardPresent);

    const auto counts = pcscfake::counts();
    CHECK(counts.contextsEstablished == 2);
    CHECK(counts.contextsOpen == 1); // the dead one was released
    CHECK(pcscfake::scriptDone(reader0));
    requireFakeClean();
}

TEST_CASE_METHOD(
    CardInReader, "service failures before the first APDU are retried once", "[pcsc][service]")
{
    const auto [function, rv] = GENERATE(table<std::string, long>({
        { "SCardConnect", SCARD_F_COMM_ERROR },
        { "SCardConnect", SCARD_E_NO_SERVICE },
        { "SCardConnect", SCARD_E_INVALID_HANDLE }, // our own context: pcscd forgot it
        { "SCardStatus", SCARD_E_NO_SERVICE },
        { "SCardBeginTransaction", SCARD_F_COMM_ERROR },
    }));
    CAPTURE(function, rv);
    scriptSelects(1);
    smartcard::Pcsc pcsc;
    int runs = 0;

    SECTION("once: the retry on a fresh context works")
    {
        pcscfake::failNext(function, rv);
        pcsc.withCard(reader0, [&](CardConnection& card, ApduChannel& channel) {
            ++runs;
            selectOnce(card, channel);
        });
        CHECK(runs == 1);
        CHECK(pcscfake::counts().contextsEstablished == 2);
        CHECK(pcscfake::scriptDone(reader0));
    }
    SECTION("twice: the second failure is reported")
    {
        pcscfake::failNext(function, rv, 2);
        const CardErrc code = errcOf(
            [&] { pcsc.withCard(reader0, [&](CardConnection&, ApduChannel&) { ++runs; }); });
        CHECK((code == CardErrc::ServiceLost || code == CardErrc::ServiceUnavailable));
        CHECK(runs == 0);
        CHECK(pcscfake::counts().contextsEstablished == 2);
        // ...and the next call starts on a fresh context again.
        pcsc.withCard(reader0, selectOnce);
        CHECK(pcscfake::counts().contextsEstablished == 3);
    }
    const auto counts = pcscfake::counts();
    CHECK(counts.transactionsBegun == counts.transactionsEnded);
    CHECK(counts.cardsOpen == 0);
    requireFakeClean();
}

TEST_CASE_METHOD(
    CardInReader, "nothing is retried once a command may have reached the card", "[pcsc][service]")
{
    pcscfake::setScript(reader0, { { hex("00A40000023F00"), hex("9000") } });
    smartcard::Pcsc pcsc;
    int runs = 0;
    const CardErrc code = errcOf([&] {
        pcsc.withCard(reader0, [&](CardConnection&, ApduChannel& channel) {
            ++runs;
            channel.transmitChecked(CommandApdu::selectFile(0x3F00));
            pcscfake::stopService();
            channel.transmitChecked(CommandApdu::readBinary(0, 16));
        });
    });
    CHECK(code == CardErrc::ServiceUnavailable);
    CHECK(runs == 1);
    CHECK(pcscfake::transmitCount() == 2);

    pcscfake::startService();
    scriptSelects(1);
    pcsc.withCard(reader0, selectOnce); // a fresh context, no leftovers
    CHECK(pcscfake::counts().contextsOpen == 1);
    CHECK(pcscfake::counts().cardsOpen == 0);
    requireFakeClean();
}

TEST_CASE_METHOD(CardInReader, "listing readers recovers from a lost context", "[pcsc][service]")
{
    smartcard::Pcsc pcsc;
    CHECK(pcsc.listReaders().size() == 1);
    pcscfake::failNext("SCardListReaders", SCARD_E_INVALID_HANDLE);
    CHECK(pcsc.listReaders().size() == 1);
    pcscfake::failNext("SCardListReaders", SCARD_F_COMM_ERROR);
    CHECK(pcsc.readerStatuses().size() == 1);
    CHECK(pcscfake::counts().contextsEstablished == 3);
    CHECK(pcscfake::counts().contextsOpen == 1);
    requireFakeClean();
}
