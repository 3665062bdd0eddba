// Pcsc::withCard against the scripted fake: ISO chaining, removal, dead cards, transactions.

#include "smartcard/pcsc.hpp"
#include "test_pcsc_support.hpp"

#include <stdexcept>

using namespace pcsctest;
using smartcard::ApduChannel;
using smartcard::Bytes;
using smartcard::CardConnection;
using smartcard::CardErrc;
using smartcard::CardError;
using smartcard::CommandApdu;
using smartcard::concat;

namespace {

const Bytes aid = hex("A000000000454944");

CardErrc errcOf(const std::function<void()>& body)
{
    try {
        body();
    } catch (const CardError& error) {
        return error.code();
    }
    FAIL("no CardError thrown");
    return CardErrc::PcscFailure;
}

void requireBalancedAndClosed()
{
    const auto counts = pcscfake::counts();
    CHECK(counts.transactionsBegun == counts.transactionsEnded);
    CHECK(counts.cardsOpen == 0);
}

struct CardInReader : FakePcsc {
    CardInReader()
    {
        pcscfake::addReader(reader0);
        pcscfake::insertCard(reader0, atrT1);
    }
};

} // namespace

TEST_CASE_METHOD(CardInReader, "a multi-command read resolves 6Cxx and 61xx", "[pcsc][withCard]")
{
    Bytes first(32, 0x11);
    Bytes second(16, 0x22);
    Bytes record(16, 0x33);
    pcscfake::setScript(reader0,
        {
            { hex("00A4040C08A000000000454944"), hex("9000") },
            // READ BINARY with Le 256: the card wants 16 and says so; the channel resends.
            { hex("00B0000000"), hex("6C10") },
            { hex("00B0000010"), concat({ record, hex("9000") }) },
            // SELECT with FCI: the answer comes in two GET RESPONSE rounds.
            { hex("00A40000023F00"), hex("6120") },
            { hex("00C0000020"), concat({ first, hex("6110") }) },
            { hex("00C0000010"), concat({ second, hex("9000") }) },
        });

    smartcard::Pcsc pcsc;
    std::vector<std::string> trace;
    Bytes readData;
    Bytes fci;
    std::size_t exchanges = 0;
    pcsc.withCard(
        reader0,
        [&](CardConnection& card, ApduChannel& channel) {
            CHECK(card.atr() == atrT1);
            channel.transmitChecked(CommandApdu::selectByAid(aid));
            readData = channel.transmitChecked(CommandApdu::readBinary(0, 256));
            fci = channel.transmitChecked(CommandApdu::selectFile(0x3F00));
            exchanges = channel.exchangeCount();
        },
        [&](std::string_view line) { trace.emplace_back(line); });

    CHECK(readData == record);
    CHECK(fci == concat({ first, second }));
    CHECK(exchanges == 6);
    CHECK(pcscfake::transmitCount() == 6);
    CHECK(pcscfake::scriptDone(reader0));
    CHECK(trace.size() == 12); // one line out and one back per exchange
    CHECK(pcscfake::counts().transactionsBegun == 1);
    requireBalancedAndClosed();
    requireFakeClean();
}

TEST_CASE_METHOD(CardInReader, "a card removed mid-read is CardRemoved; re-inserted it works",
    "[pcsc][withCard]")
{
    const auto readAll = [](CardConnection&, ApduChannel& channel) {
        channel.transmitChecked(CommandApdu::selectByAid(aid));
        channel.transmitChecked(CommandApdu::readBinary(0, 16));
        channel.transmitChecked(CommandApdu::readBinary(16, 16));
    };
    const std::vector<pcscfake::Exchange> fullRead {
        { hex("00A4040C08A000000000454944"), hex("9000") },
        { hex("00B0000010"), concat({ Bytes(16, 1), hex("9000") }) },
        { hex("00B0001010"), concat({ Bytes(16, 2), hex("9000") }) },
    };
    smartcard::Pcsc pcsc;

    SECTION("pcscd says SCARD_W_REMOVED_CARD")
    {
        pcscfake::setScript(reader0,
            { fullRead[0], fullRead[1],
                { hex("00B0001010"), {}, SCARD_W_REMOVED_CARD, /*removeCardAfter=*/true } });
        CHECK(errcOf([&] { pcsc.withCard(reader0, readAll); }) == CardErrc::CardRemoved);
    }
    SECTION("the card leaves between two commands")
    {
        pcscfake::setScript(reader0, { fullRead[0], fullRead[1] });
        CHECK(errcOf([&] {
            pcsc.withCard(reader0, [&](CardConnection& card, ApduChannel& channel) {
                channel.transmitChecked(CommandApdu::selectByAid(aid));
                channel.transmitChecked(CommandApdu::readBinary(0, 16));
                pcscfake::removeCard(reader0);
                readAll(card, channel);
            });
        }) == CardErrc::CardRemoved);
    }
    CHECK(pcscfake::scriptDone(reader0));
    CHECK(pcscfake::counts().contextsEstablished == 1); // a card error is no service failure
    requireBalancedAndClosed();

    CHECK(errcOf([&] { pcsc.withCard(reader0, readAll); }) == CardErrc::NoCard);
    pcscfake::insertCard(reader0, atrT1);
    pcscfake::setScript(reader0, fullRead);
    pcsc.withCard(reader0, readAll);
    CHECK(pcscfake::scriptDone(reader0));
    requireBalancedAndClosed();
    requireFakeClean();
}

TEST_CASE_METHOD(
    CardInReader, "a 0-byte answer is MalformedResponse, never data", "[pcsc][withCard]")
{
    // virtual-card.md §6.2: the card dies mid-APDU, pcscd says SCARD_S_SUCCESS with 0 bytes.
    pcscfake::setScript(reader0, { { hex("00A4040C08A000000000454944"), {} } });
    smartcard::Pcsc pcsc;
    bool reachedEnd = false;
    CHECK(errcOf([&] {
        pcsc.withCard(reader0, [&](CardConnection&, ApduChannel& channel) {
            channel.transmit(CommandApdu::selectByAid(aid));
            reachedEnd = true;
        });
    }) == CardErrc::MalformedResponse);
    CHECK_FALSE(reachedEnd);

    SECTION("and the next command on the dying card is typed too")
    {
        pcscfake::setScript(reader0,
            { { hex("00A4040C08A000000000454944"), {} },
                { hex("00B0000010"), {}, SCARD_E_NOT_TRANSACTED, /*removeCardAfter=*/true } });
        CHECK(errcOf([&] {
            pcsc.withCard(reader0, [&](CardConnection&, ApduChannel& channel) {
                try {
                    channel.transmit(CommandApdu::selectByAid(aid));
                } catch (const CardError&) { }
                channel.transmit(CommandApdu::readBinary(0, 16));
            });
        }) == CardErrc::CardRemoved);
    }
    requireBalancedAndClosed();
    requireFakeClean();
}

TEST_CASE_METHOD(
    CardInReader, "the transaction ends also when the operation throws", "[pcsc][withCard]")
{
    pcscfake::setScript(reader0, { { hex("00A4040C08A000000000454944"), hex("6A82") } });
    smartcard::Pcsc pcsc;

    SECTION("a card error")
    {
        CHECK(errcOf([&] {
            pcsc.withCard(reader0, [&](CardConnection&, ApduChannel& channel) {
                channel.transmitChecked(CommandApdu::selectByAid(aid));
            });
        }) == CardErrc::FileNotFound);
    }
    SECTION("anything else, passed through unchanged")
    {
        CHECK_THROWS_AS(pcsc.withCard(reader0,
                            [&](CardConnection&, ApduChannel& channel) {
                                channel.transmit(CommandApdu::selectByAid(aid));
                                throw std::logic_error("caller bug");
                            }),
            std::logic_error);
    }
    CHECK(pcscfake::counts().transactionsBegun == 1);
    requireBalancedAndClosed();
    requireFakeClean();
}

TEST_CASE_METHOD(
    CardInReader, "connect-time refusals are typed and run nothing", "[pcsc][withCard]")
{
    smartcard::Pcsc pcsc;
    bool ran = false;
    const auto operation = [&](CardConnection&, ApduChannel&) { ran = true; };

    SECTION("sharing violation")
    {
        pcscfake::holdExclusive(reader0, true);
        CHECK(errcOf([&] { pcsc.withCard(reader0, operation); }) == CardErrc::SharingViolation);
    }
    SECTION("no card")
    {
        pcscfake::removeCard(reader0);
        CHECK(errcOf([&] { pcsc.withCard(reader0, operation); }) == CardErrc::NoCard);
    }
    SECTION("no such reader")
    {
        CHECK(
            errcOf([&] { pcsc.withCard("Other Reader", operation); }) == CardErrc::ReaderNotFound);
    }
    SECTION("the transaction is refused")
    {
        pcscfake::failNext("SCardBeginTransaction", SCARD_E_SHARING_VIOLATION);
        CHECK(errcOf([&] { pcsc.withCard(reader0, operation); }) == CardErrc::SharingViolation);
        CHECK(pcscfake::counts().transactionsBegun == 0);
    }
    CHECK_FALSE(ran);
    CHECK(pcscfake::transmitCount() == 0);
    requireBalancedAndClosed();
    requireFakeClean();
}

TEST_CASE_METHOD(CardInReader, "a VERIFY never reaches the trace in clear", "[pcsc][withCard]")
{
    pcscfake::setScript(reader0, { { hex("0020008106313233343536"), hex("63C2") } });
    smartcard::Pcsc pcsc;
    std::string trace;
    try {
        pcsc.withCard(
            reader0,
            [&](CardConnection&, ApduChannel& channel) {
                channel.transmitChecked(
                    CommandApdu { 0x00, 0x20, 0x00, 0x81, hex("313233343536"), std::nullopt });
            },
            [&](std::string_view line) { trace += std::string(line) + "\n"; });
        FAIL("no exception");
    } catch (const CardError& error) {
        CHECK(error.code() == CardErrc::PinIncorrect);
        CHECK(error.triesLeft() == 2);
    }
    CHECK(trace.find("31 32 33") == std::string::npos);
    CHECK(trace.find("redacted") != std::string::npos);
    requireFakeClean();
}
