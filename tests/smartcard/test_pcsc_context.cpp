// PcscContext and CardConnection against the fake: readers, statuses, connect, transmit, RAII.

#include "card_error_checks.hpp"
#include "smartcard/pcsc.hpp"
#include "test_pcsc_support.hpp"

using namespace pcsctest;
using smartcard::CardConnection;
using smartcard::CardErrc;
using smartcard::CardError;
using smartcard::PcscContext;

using namespace cardchecks;

TEST_CASE_METHOD(FakePcsc, "no readers is an empty list, not an error", "[pcsc]")
{
    PcscContext context;
    CHECK(context.listReaders().empty());
    CHECK(context.readerStatuses().empty());
    smartcard::Pcsc pcsc;
    CHECK(pcsc.listReaders().empty());
    requireFakeClean();
}

TEST_CASE_METHOD(FakePcsc, "reader names come back in pcscd's order", "[pcsc]")
{
    pcscfake::addReader(reader0);
    pcscfake::addReader(reader1);
    PcscContext context;
    CHECK(context.listReaders() == std::vector<std::string> { reader0, reader1 });
    requireFakeClean();
}

TEST_CASE_METHOD(FakePcsc, "reader statuses show presence, ATR and exclusive use", "[pcsc]")
{
    pcscfake::addReader(reader0);
    pcscfake::addReader(reader1);
    pcscfake::insertCard(reader1, atrMoica);
    pcscfake::holdExclusive(reader1, true);

    const auto statuses = smartcard::Pcsc().readerStatuses();
    REQUIRE(statuses.size() == 2);
    CHECK(statuses[0].name == reader0);
    CHECK_FALSE(statuses[0].cardPresent);
    CHECK(statuses[0].atr.empty());
    CHECK(statuses[1].name == reader1);
    CHECK(statuses[1].cardPresent);
    CHECK(statuses[1].exclusive);
    CHECK_FALSE(statuses[1].mute);
    CHECK(statuses[1].atr == atrMoica);
    requireFakeClean();
}

TEST_CASE_METHOD(FakePcsc, "connect failures are typed", "[pcsc]")
{
    pcscfake::addReader(reader0);
    PcscContext context;

    SECTION("empty reader")
    {
        CHECK(errcOf([&] { context.connect(reader0); }) == CardErrc::NoCard);
    }
    SECTION("unknown reader")
    {
        CHECK(errcOf([&] { context.connect("No Such Reader"); }) == CardErrc::ReaderNotFound);
    }
    SECTION("another program holds the card exclusively")
    {
        pcscfake::insertCard(reader0, atrT1);
        pcscfake::holdExclusive(reader0, true);
        CHECK(errcOf([&] { context.connect(reader0); }) == CardErrc::SharingViolation);
    }
    SECTION("SCardStatus failing after connect still disconnects")
    {
        pcscfake::insertCard(reader0, atrT1);
        pcscfake::failNext("SCardStatus", SCARD_W_UNRESPONSIVE_CARD);
        CHECK(errcOf([&] { context.connect(reader0); }) == CardErrc::CardUnresponsive);
        CHECK(pcscfake::counts().cardsOpen == 0);
    }
    requireFakeClean();
}

TEST_CASE_METHOD(FakePcsc, "connect reads the ATR and the protocol", "[pcsc]")
{
    pcscfake::addReader(reader0);
    const unsigned long protocol = GENERATE(SCARD_PROTOCOL_T0, SCARD_PROTOCOL_T1);
    pcscfake::insertCard(reader0, atrMoica, protocol);
    // The fake rejects a PCI that does not match the negotiated protocol.
    pcscfake::setScript(reader0, { { hex("00A4040C02DF01"), hex("9000") } });

    PcscContext context;
    {
        const auto card = context.connect(reader0);
        CHECK(card->reader() == reader0);
        CHECK(card->atr() == atrMoica);
        CHECK(card->protocol()
            == (protocol == SCARD_PROTOCOL_T0 ? smartcard::Protocol::T0 : smartcard::Protocol::T1));
        CHECK(card->transmitRaw(hex("00A4040C02DF01")) == hex("9000"));
        CHECK(pcscfake::counts().cardsOpen == 1);
    }
    CHECK(pcscfake::counts().cardsOpen == 0);
    CHECK(pcscfake::scriptDone(reader0));
    requireFakeClean();
}

TEST_CASE_METHOD(FakePcsc, "an extended response of 65536 data bytes fits", "[pcsc]")
{
    pcscfake::addReader(reader0);
    pcscfake::insertCard(reader0, atrT1);
    smartcard::Bytes response(65536, 0x5A);
    response.push_back(0x90);
    response.push_back(0x00);
    pcscfake::setScript(reader0, { { hex("00B0000000000000"), response } });

    PcscContext context;
    const auto card = context.connect(reader0);
    CHECK(card->transmitRaw(hex("00B0000000000000")) == response);
    requireFakeClean();
}

TEST_CASE_METHOD(FakePcsc, "transmit failures are typed", "[pcsc]")
{
    pcscfake::addReader(reader0);
    pcscfake::insertCard(reader0, atrT1);
    PcscContext context;
    const auto card = context.connect(reader0);

    SECTION("removed card")
    {
        pcscfake::removeCard(reader0);
        CHECK(errcOf([&] { card->transmitRaw(hex("00B0000000")); }) == CardErrc::CardRemoved);
    }
    SECTION("swapped card: the old handle is dead")
    {
        pcscfake::reinsertCard(reader0, atrMoica);
        CHECK(errcOf([&] { card->transmitRaw(hex("00B0000000")); }) == CardErrc::CardRemoved);
    }
    SECTION("reset by another program")
    {
        pcscfake::failNext("SCardTransmit", SCARD_W_RESET_CARD);
        CHECK(errcOf([&] { card->transmitRaw(hex("00B0000000")); }) == CardErrc::CardReset);
    }
    SECTION("NOT_TRANSACTED with the card still there")
    {
        pcscfake::setScript(reader0, { { hex("00B0000000"), {}, SCARD_E_NOT_TRANSACTED } });
        CHECK(errcOf([&] { card->transmitRaw(hex("00B0000000")); }) == CardErrc::TransactionFailed);
    }
    SECTION("NOT_TRANSACTED because the card died")
    {
        pcscfake::setScript(reader0,
            { { hex("00B0000000"), {}, SCARD_E_NOT_TRANSACTED, /*removeCardAfter=*/true } });
        CHECK(errcOf([&] { card->transmitRaw(hex("00B0000000")); }) == CardErrc::CardRemoved);
    }
    SECTION("unplugged reader")
    {
        pcscfake::removeReader(reader0);
        CHECK(errcOf([&] { card->transmitRaw(hex("00B0000000")); }) == CardErrc::ReaderNotFound);
    }
    requireFakeClean();
}

TEST_CASE_METHOD(FakePcsc, "a transaction begins and ends with its scope", "[pcsc]")
{
    pcscfake::addReader(reader0);
    pcscfake::insertCard(reader0, atrT1);
    PcscContext context;
    const auto card = context.connect(reader0);
    {
        CardConnection::Transaction transaction(*card);
        CHECK(pcscfake::counts().transactionsBegun == 1);
        CHECK(pcscfake::counts().transactionsEnded == 0);
    }
    CHECK(pcscfake::counts().transactionsEnded == 1);

    SECTION("a failed begin is typed and needs no end")
    {
        pcscfake::failNext("SCardBeginTransaction", SCARD_E_SHARING_VIOLATION);
        CHECK(errcOf([&] { CardConnection::Transaction failed(*card); })
            == CardErrc::SharingViolation);
        CHECK(pcscfake::counts().transactionsBegun == 1);
        CHECK(pcscfake::counts().transactionsEnded == 1);
    }
    SECTION("ending after the card left does not throw")
    {
        CardConnection::Transaction transaction(*card);
        pcscfake::removeCard(reader0);
    }
    requireFakeClean();
}

TEST_CASE_METHOD(FakePcsc, "contexts are released and pcscd's absence is typed", "[pcsc]")
{
    {
        PcscContext context;
        CHECK(pcscfake::counts().contextsOpen == 1);
    }
    CHECK(pcscfake::counts().contextsOpen == 0);

    pcscfake::stopService();
    CHECK(errcOf([] { PcscContext context; }) == CardErrc::ServiceUnavailable);
    requireFakeClean();
}

TEST_CASE_METHOD(FakePcsc, "reader statuses survive a reader leaving and many readers", "[pcsc]")
{
    SECTION("a reader left between the list and the query")
    {
        pcscfake::addReader(reader0);
        pcscfake::failNext("SCardGetStatusChange", SCARD_E_UNKNOWN_READER);
        CHECK(PcscContext().readerStatuses().size() == 1);
    }
    SECTION("more readers than pcsc-lite takes in one query")
    {
        for (int i = 0; i < 20; ++i)
            pcscfake::addReader("Reader " + std::to_string(i));
        pcscfake::insertCard("Reader 19", atrT1);
        const auto statuses = PcscContext().readerStatuses();
        REQUIRE(statuses.size() == 20);
        CHECK(statuses.back().cardPresent);
        CHECK(statuses.back().atr == atrT1);
    }
    requireFakeClean();
}
