// Edge cases of ApduChannel and the APDU codec that the PC/SC path relies on, over a plain
// in-memory transport (no PC/SC involved).

#include "card_error_checks.hpp"
#include "smartcard/channel.hpp"
#include "smartcard/errors.hpp"

#include <catch2/catch.hpp>
#include <deque>
#include <utility>

using smartcard::ApduChannel;
using smartcard::ApduTransport;
using smartcard::Bytes;
using smartcard::CardErrc;
using smartcard::CardError;
using smartcard::CommandApdu;
using smartcard::concat;
using smartcard::fromHex;
using smartcard::ResponseApdu;

using namespace cardchecks;

namespace {

// Answers from a fixed list and checks each command exactly.
class ListTransport : public ApduTransport {
public:
    explicit ListTransport(std::deque<std::pair<Bytes, Bytes>> exchanges)
        : exchanges_(std::move(exchanges))
    { }
    Bytes transmitRaw(smartcard::ByteView command) override
    {
        REQUIRE_FALSE(exchanges_.empty());
        auto [expected, answer] = exchanges_.front();
        exchanges_.pop_front();
        CHECK(smartcard::toHex(command) == smartcard::toHex(expected));
        return answer;
    }
    bool done() const { return exchanges_.empty(); }

private:
    std::deque<std::pair<Bytes, Bytes>> exchanges_;
};

// A card stuck in "61 01" forever.
class EndlessChain : public ApduTransport {
public:
    Bytes transmitRaw(smartcard::ByteView) override { return fromHex("AA6101"); }
};

} // namespace

TEST_CASE("6Cxx then 61xx: resend with the right Le, then GET RESPONSE", "[apdu][channel]")
{
    ListTransport transport({
        { fromHex("00CA010000"), fromHex("6C20") },
        { fromHex("00CA010020"), fromHex("01026110") },
        { fromHex("00C0000010"), concat({ Bytes(16, 3), fromHex("9000") }) },
    });
    ApduChannel channel(transport);
    const ResponseApdu response = channel.transmit({ 0x00, 0xCA, 0x01, 0x00, {}, 256 });
    CHECK(response.isOk());
    CHECK(response.data == concat({ fromHex("0102"), Bytes(16, 3) }));
    CHECK(channel.exchangeCount() == 3);
    CHECK(transport.done());
}

TEST_CASE("6C00 and 6100 mean 256 bytes", "[apdu][channel]")
{
    ListTransport transport({
        { fromHex("00B0000010"), fromHex("6C00") },
        { fromHex("00B0000000"), fromHex("6100") },
        { fromHex("00C0000000"), concat({ Bytes(256, 7), fromHex("9000") }) },
    });
    ApduChannel channel(transport);
    CHECK(channel.transmitChecked(CommandApdu::readBinary(0, 16)) == Bytes(256, 7));
    CHECK(transport.done());
}

TEST_CASE("a card that repeats 6Cxx or never ends 61xx is malformed, not a hang", "[apdu][channel]")
{
    SECTION("6Cxx twice")
    {
        ListTransport transport({
            { fromHex("00B0000010"), fromHex("6C08") },
            { fromHex("00B0000008"), fromHex("6C04") },
        });
        ApduChannel channel(transport);
        CHECK(errcOf([&] { channel.transmit(CommandApdu::readBinary(0, 16)); })
            == CardErrc::MalformedResponse);
    }
    SECTION("endless 61xx")
    {
        EndlessChain transport;
        ApduChannel channel(transport);
        CHECK(errcOf([&] { channel.transmit(CommandApdu::readBinary(0, 1)); })
            == CardErrc::MalformedResponse);
        CHECK(channel.exchangeCount() == 301);
    }
}

TEST_CASE("answers shorter than a status word are errors", "[apdu][channel]")
{
    const Bytes answer = GENERATE(Bytes {}, Bytes { 0x90 });
    ListTransport transport({ { fromHex("00A4000C023F00"), answer } });
    ApduChannel channel(transport);
    CHECK(errcOf([&] {
        channel.transmit({ 0x00, 0xA4, 0x00, 0x0C, fromHex("3F00"), {} });
    }) == CardErrc::MalformedResponse);
}

TEST_CASE("extended commands encode and parse back", "[apdu]")
{
    CommandApdu update { 0x00, 0xD6, 0x00, 0x00, Bytes(300, 0xEE), {} };
    const Bytes raw = update.encode();
    CHECK(update.isExtended());
    CHECK(raw.size() == 4 + 3 + 300);
    CHECK(smartcard::toHex(Bytes(raw.begin(), raw.begin() + 7)) == "00D6000000012C");

    const auto [apdu, hex] = GENERATE(table<CommandApdu, std::string>({
        { CommandApdu { 0x00, 0xB0, 0x00, 0x00, {}, 65536 }, "00B00000000000" },
        { CommandApdu { 0x00, 0xB0, 0x00, 0x00, {}, 257 }, "00B00000000101" },
        { CommandApdu { 0x00, 0xB0, 0x00, 0x00, {}, 256 }, "00B0000000" },
        { CommandApdu { 0x00, 0x2A, 0x9E, 0x9A, fromHex("0102"), 256 }, "002A9E9A02010200" },
        { CommandApdu { 0x00, 0x2A, 0x9E, 0x9A, fromHex("0102"), 65536 },
            "002A9E9A00000201020000" },
        { CommandApdu { 0x00, 0xA4, 0x04, 0x0C, {}, {} }, "00A4040C" },
    }));
    CAPTURE(hex);
    CHECK(smartcard::toHex(apdu.encode()) == hex);
    const CommandApdu back = CommandApdu::parse(fromHex(hex));
    CHECK(back.data == apdu.data);
    CHECK(back.le == apdu.le);
}

TEST_CASE("impossible lengths are refused", "[apdu]")
{
    CHECK(errcOf([] {
        CommandApdu { 0, 0xB0, 0, 0, {}, 0 }.encode();
    }) == CardErrc::InvalidArgument);
    CHECK(errcOf([] {
        CommandApdu { 0, 0xB0, 0, 0, {}, 65537 }.encode();
    }) == CardErrc::InvalidArgument);
    CHECK(errcOf([] {
        CommandApdu { 0, 0xD6, 0, 0, Bytes(65536, 1), {} }.encode();
    }) == CardErrc::InvalidArgument);
    CHECK(errcOf([] { CommandApdu::readBinary(0x8000, 16); }) == CardErrc::InvalidArgument);
    CHECK(errcOf([] { CommandApdu::parse(fromHex("00B000")); }) == CardErrc::MalformedData);
    CHECK(
        errcOf([] { CommandApdu::parse(fromHex("00D60000000000AA")); }) == CardErrc::MalformedData);
    CHECK(errcOf([] { CommandApdu::parse(fromHex("00D6000003AABB")); }) == CardErrc::MalformedData);
}

TEST_CASE("PIN status words carry the tries left", "[apdu]")
{
    try {
        smartcard::throwForStatus(0x63C0);
    } catch (const CardError& error) {
        CHECK(error.code() == CardErrc::AuthenticationBlocked);
        CHECK(error.triesLeft() == 0);
    }
    try {
        smartcard::throwForStatus(0x63C2);
    } catch (const CardError& error) {
        CHECK(error.code() == CardErrc::PinIncorrect);
        CHECK(error.triesLeft() == 2);
    }
    CHECK(errcOf([] { smartcard::throwForStatus(0x6983); }) == CardErrc::AuthenticationBlocked);
    CHECK(errcOf([] { smartcard::throwForStatus(0x6C10); }) == CardErrc::MalformedResponse);
    CHECK(errcOf([] { smartcard::throwForStatus(0x6F00); }) == CardErrc::UnknownStatus);

    ResponseApdu warning { {}, 0x62, 0x82 };
    CHECK_NOTHROW(smartcard::checkStatus(warning, true));
    CHECK(errcOf([&] { smartcard::checkStatus(warning); }) == CardErrc::UnknownStatus);
    ResponseApdu wrongPin { {}, 0x63, 0xC1 };
    CHECK(errcOf([&] { smartcard::checkStatus(wrongPin, true); }) == CardErrc::PinIncorrect);
}

TEST_CASE("traces redact PIN-bearing commands", "[apdu]")
{
    // VERIFY, CHANGE REFERENCE DATA, RESET RETRY COUNTER.
    const std::string ins = GENERATE("20", "24", "2C");
    const Bytes raw = fromHex("00" + ins + "008106313233343536");
    const std::string text = smartcard::redactedHex(raw);
    CAPTURE(text);
    CHECK(text.find("31") == std::string::npos);
    CHECK(text.find("6 bytes redacted") != std::string::npos);

    // A VERIFY without data is a status query and has nothing to hide.
    CHECK(smartcard::redactedHex(fromHex("00200081")) == "00 20 00 81");
    // Garbage shows its header only.
    CHECK(smartcard::redactedHex(fromHex("00200081FF3132")) == "00 20 00 81 <3 bytes unparsed>");
}

TEST_CASE(
    "GET RESPONSE keeps the logical channel; a proprietary class gets CLA 00", "[apdu][channel]")
{
    // Channel 2 (CLA 02): GET RESPONSE goes out on channel 2 too.
    ListTransport channel2({ { fromHex("02CA0100"), fromHex("6102") },
        { fromHex("02C0000002"), fromHex("AABB9000") } });
    ApduChannel onChannel2(channel2);
    CHECK(onChannel2.transmitChecked({ 0x02, 0xCA, 0x01, 0x00, {}, std::nullopt })
        == fromHex("AABB"));
    CHECK(channel2.done());

    // HiCOS (CLA 80): GET RESPONSE as 00 C0, as the vendor's middleware sends it.
    ListTransport hicos({ { fromHex("80B0000010"), fromHex("6103") },
        { fromHex("00C0000003"), fromHex("0102039000") } });
    ApduChannel onHicos(hicos);
    CHECK(onHicos.transmitChecked(CommandApdu::readBinary(0, 16, 0x80)) == fromHex("010203"));
    CHECK(hicos.done());
}

TEST_CASE("a 6Cxx answer to GET RESPONSE is resent with the card's Le", "[apdu][channel]")
{
    ListTransport transport(
        { { fromHex("00CA010000"), fromHex("6110") }, { fromHex("00C0000010"), fromHex("6C04") },
            { fromHex("00C0000004"), fromHex("DEADBEEF9000") } });
    ApduChannel channel(transport);
    CHECK(channel.transmitChecked({ 0x00, 0xCA, 0x01, 0x00, {}, 256 }) == fromHex("DEADBEEF"));
    CHECK(transport.done());
}

TEST_CASE("short commands encode in every ISO case and parse back", "[apdu]")
{
    const struct {
        CommandApdu command;
        const char* hex;
    } cases[] = {
        { { 0x00, 0xA4, 0x00, 0x0C, {}, std::nullopt }, "00A4000C" }, // case 1
        { { 0x80, 0xB0, 0x07, 0x00, {}, 0xC8 }, "80B00700C8" }, // case 2S
        { { 0x00, 0xB0, 0x00, 0x00, {}, 256 }, "00B0000000" }, // case 2S, Le 256 = 00
        { { 0x00, 0xA4, 0x04, 0x0C, fromHex("A000000063504B43532D3135"), std::nullopt },
            "00A4040C0CA000000063504B43532D3135" }, // case 3S
        { { 0x00, 0x2A, 0x9E, 0x9A, fromHex("3031"), 256 }, "002A9E9A02303100" }, // case 4S
    };
    for (const auto& row : cases) {
        INFO(row.hex);
        CHECK(smartcard::toHex(row.command.encode()) == row.hex);
        const CommandApdu back = CommandApdu::parse(fromHex(row.hex));
        CHECK(back.encode() == row.command.encode());
        CHECK_FALSE(back.isExtended());
    }
    CHECK(smartcard::toHex(CommandApdu::selectFile(0x5030, 0x80).encode()) == "80A40000025030");
    CHECK(smartcard::toHex(CommandApdu::selectPath(fromHex("50154401")).encode())
        == "00A4080C0450154401");
}

TEST_CASE("every PIN-bearing instruction is redacted in traces", "[apdu]")
{
    for (const int ins : { 0x20, 0x21, 0x24, 0x26, 0x28, 0x2C }) {
        INFO(ins);
        const std::string line
            = smartcard::redactedHex(CommandApdu { 0x00, static_cast<std::uint8_t>(ins), 0x00, 0x81,
                fromHex("3132333435360000"), std::nullopt });
        CHECK(line.find("31 32 33") == std::string::npos);
        CHECK(line.find("<8 bytes redacted>") != std::string::npos);
    }
    // Unparseable bytes show the header only.
    CHECK(smartcard::redactedHex(fromHex("0020008108313233")).find("31") == std::string::npos);
}

TEST_CASE("secure-messaging commands are redacted in traces whatever their instruction", "[apdu]")
{
    // GlobalPlatform 84, ISO 04 and 0C, HiCOS 8C (its protected VERIFY).
    const std::string cla = GENERATE("04", "0C", "84", "8C", "08", "64");
    const Bytes raw = fromHex(cla + "A40004083132333435363738");
    CAPTURE(cla);
    CHECK(smartcard::isSecureMessaging(raw[0]));
    const std::string text = smartcard::redactedHex(raw);
    CHECK(text.find("31 32") == std::string::npos);
    CHECK(text.find("<8 bytes redacted>") != std::string::npos);
}

TEST_CASE("plain classes are not secure messaging and keep their data in traces", "[apdu]")
{
    const std::string cla = GENERATE("00", "01", "80", "10", "40", "A4", "FF");
    CAPTURE(cla);
    CHECK_FALSE(smartcard::isSecureMessaging(fromHex(cla)[0]));
    CHECK(smartcard::redactedHex(fromHex(cla + "A40000025030")) == cla + " A4 00 00 02 50 30");
}

TEST_CASE("a secure-messaging command answered 6Cxx is not resent", "[apdu][channel]")
{
    // Its MAC belongs to one position in the chain: a replay could only break the channel.
    ListTransport transport({ { fromHex("84C1008008AABBCCDDEEFF001180"), fromHex("6C40") } });
    ApduChannel channel(transport);
    const CommandApdu fetch { 0x84, 0xC1, 0x00, 0x80, fromHex("AABBCCDDEEFF0011"), 0x80 };
    CHECK(errcOf([&] { channel.transmitChecked(fetch); }) == CardErrc::MalformedResponse);
    CHECK(transport.done());
    CHECK(channel.exchangeCount() == 1);
}
