// The VERIFY data built from an AODF entry: every PKCS#15 pinType, padding and refusals.
#include "../card_error_checks.hpp"
#include "smartcard/pin_encoding.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace smartcard;
using cardchecks::errcOf;

namespace {

PinEntry entry(PinType type, bool padded, int storedLength, std::optional<std::uint8_t> padChar,
    std::uint32_t extraFlags = 0)
{
    PinEntry pin;
    pin.type = type;
    pin.pinFlags = (padded ? PinEntry::NeedsPadding : 0u) | extraFlags;
    pin.storedLength = storedLength;
    pin.padChar = padChar;
    return pin;
}

Bytes bytesOf(std::string_view text)
{
    return Bytes(text.begin(), text.end());
}

} // namespace

TEST_CASE("each PKCS#15 pinType encodes and pads as the AODF says", "[iso-token][pin]")
{
    struct Row {
        const char* what;
        PinEntry format;
        const char* pin;
        const char* expected;
    };
    const Row rows[] = {
        { "ascii-numeric, padded FF to 8", entry(PinType::AsciiNumeric, true, 8, 0xFF), "123456",
            "31 32 33 34 35 36 FF FF" },
        { "ascii-numeric, no padding", entry(PinType::AsciiNumeric, false, 8, 0xFF), "1234",
            "31 32 33 34" },
        { "bcd, even, padded FF to 4", entry(PinType::Bcd, true, 4, 0xFF), "123456",
            "12 34 56 FF" },
        { "bcd, odd: last nibble from padChar FF", entry(PinType::Bcd, true, 4, 0xFF), "12345",
            "12 34 5F FF" },
        { "bcd, odd: last nibble from padChar 00", entry(PinType::Bcd, true, 4, 0x00), "12345",
            "12 34 50 00" },
        { "bcd, unpadded", entry(PinType::Bcd, false, 0, std::nullopt), "0987", "09 87" },
        { "utf8, not case-sensitive: upper-cased", entry(PinType::Utf8, true, 6, 0x00), "abC1",
            "41 42 43 31 00 00" },
        { "utf8, case-sensitive: as given",
            entry(PinType::Utf8, true, 6, 0x00, PinEntry::CaseSensitive), "abC1",
            "61 62 43 31 00 00" },
        { "utf8, non-ASCII bytes untouched", entry(PinType::Utf8, false, 0, std::nullopt),
            "\xE5\xAF\x86z", "E5 AF 86 5A" },
        { "half-nibble-bcd, padded FF to 6", entry(PinType::HalfNibbleBcd, true, 6, 0xFF), "1234",
            "F1 F2 F3 F4 FF FF" },
        { "iso9564-1 format 2, 4 digits", entry(PinType::Iso9564_1, true, 8, 0x00), "1234",
            "24 12 34 FF FF FF FF FF" },
        { "iso9564-1 format 2, 12 digits", entry(PinType::Iso9564_1, false, 0, std::nullopt),
            "123456789012", "2C 12 34 56 78 90 12 FF" },
        { "iso9564-1 format 2, odd count", entry(PinType::Iso9564_1, false, 0, std::nullopt),
            "12345", "25 12 34 5F FF FF FF FF" },
    };
    for (const auto& row : rows) {
        INFO(row.what);
        const Bytes block = encodePin(bytesOf(row.pin), row.format);
        CHECK(toHex(block, " ") == row.expected);
        CHECK(block.capacity() == block.size()); // one allocation, nothing left behind
    }
}

TEST_CASE("a PIN the format cannot carry is refused before anything is built", "[iso-token][pin]")
{
    const PinEntry ascii = entry(PinType::AsciiNumeric, true, 8, 0xFF);
    CHECK(errcOf([&] { encodePin(bytesOf(""), ascii); }) == CardErrc::PinLengthInvalid);
    CHECK(errcOf([&] { encodePin(bytesOf("123456789"), ascii); }) == CardErrc::PinLengthInvalid);
    CHECK(errcOf([&] { encodePin(bytesOf("12a456"), ascii); }) == CardErrc::InvalidArgument);
    CHECK_NOTHROW(encodePin(bytesOf("1234"), entry(PinType::Bcd, false, 0, {})));
    CHECK(errcOf([&] { encodePin(bytesOf("12 34"), entry(PinType::Bcd, false, 0, {})); })
        == CardErrc::InvalidArgument);
    CHECK(errcOf([&] { encodePin(bytesOf("123456789"), entry(PinType::Bcd, true, 4, 0xFF)); })
        == CardErrc::PinLengthInvalid);
    CHECK(errcOf([&] { encodePin(bytesOf("123"), entry(PinType::Iso9564_1, false, 0, {})); })
        == CardErrc::PinLengthInvalid);
    CHECK(errcOf([&] {
        encodePin(bytesOf("1234567890123"), entry(PinType::Iso9564_1, false, 0, {}));
    }) == CardErrc::PinLengthInvalid);
    // Padding without a pad character is the card's directory at fault: guessing burns a try.
    CHECK(errcOf([&] { encodePin(bytesOf("1234"), entry(PinType::AsciiNumeric, true, 8, {})); })
        == CardErrc::MalformedData);
}

TEST_CASE("no refusal names the PIN", "[iso-token][pin]")
{
    for (const char* pin : { "12a456", "987654321" }) {
        try {
            encodePin(bytesOf(pin), entry(PinType::AsciiNumeric, true, 8, 0xFF));
            FAIL("refusal expected");
        } catch (const CardError& error) {
            CHECK(std::string(error.what()).find(pin) == std::string::npos);
        }
    }
}

TEST_CASE("the longest PIN comes from maxLength, else from storedLength", "[iso-token][pin]")
{
    PinEntry pin = entry(PinType::AsciiNumeric, true, 8, 0xFF);
    CHECK(maxPinCharacters(pin) == 8);
    pin.maxLength = 6;
    CHECK(maxPinCharacters(pin) == 6);
    CHECK(maxPinCharacters(entry(PinType::Bcd, true, 4, 0xFF)) == 8);
    CHECK(maxPinCharacters(entry(PinType::HalfNibbleBcd, true, 6, 0xFF)) == 6);
    CHECK(maxPinCharacters(entry(PinType::Iso9564_1, false, 0, {})) == 12);
    CHECK(maxPinCharacters(entry(PinType::Utf8, false, 0, {})) == 0); // no limit known
}
