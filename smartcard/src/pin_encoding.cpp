#include "smartcard/pin_encoding.hpp"

#include "smartcard/errors.hpp"

#include <algorithm>

namespace smartcard {

namespace {

// ISO 9564-1 format 2: 8 bytes, one length nibble for 4..12 digits.
constexpr std::size_t format2Size = 8;
constexpr std::size_t format2MinDigits = 4;
constexpr std::size_t format2MaxDigits = 12;

bool isDigitType(PinType type)
{
    return type != PinType::Utf8;
}

std::uint8_t digit(std::uint8_t character)
{
    return static_cast<std::uint8_t>(character - '0');
}

std::uint8_t nibbles(std::uint8_t high, std::uint8_t low)
{
    return static_cast<std::uint8_t>((high << 4) | (low & 0x0F));
}

// Bytes the PIN itself takes in the block, before any padding.
std::size_t bodySize(std::size_t characters, PinType type)
{
    switch (type) {
    case PinType::Bcd:
        return (characters + 1) / 2;
    case PinType::Iso9564_1:
        return format2Size;
    case PinType::AsciiNumeric:
    case PinType::Utf8:
    case PinType::HalfNibbleBcd:
        break;
    }
    return characters;
}

// All checks come first, so nothing is built for a PIN the card would not take.
void check(ByteView pin, const PinEntry& format)
{
    if (pin.empty())
        throw CardError(CardErrc::PinLengthInvalid, "an empty PIN; nothing was sent");
    if (isDigitType(format.type)
        && !std::ranges::all_of(pin, [](std::uint8_t c) { return c >= '0' && c <= '9'; }))
        throw CardError(
            CardErrc::InvalidArgument, "this card's PIN is digits only; nothing was sent");
    if (format.type == PinType::Iso9564_1) {
        if (pin.size() < format2MinDigits || pin.size() > format2MaxDigits)
            throw CardError(CardErrc::PinLengthInvalid,
                "a format 2 PIN block holds 4 to 12 digits; nothing was sent");
        return;
    }
    if (!format.needsPadding())
        return;
    if (!format.padChar || format.storedLength <= 0)
        throw CardError(CardErrc::MalformedData,
            "the AODF asks for PIN padding but gives no pad character or stored length");
    if (bodySize(pin.size(), format.type) > static_cast<std::size_t>(format.storedLength))
        throw CardError(
            CardErrc::PinLengthInvalid, "the PIN is longer than the card stores; nothing was sent");
}

void appendBody(ByteView pin, const PinEntry& format, Bytes& out)
{
    switch (format.type) {
    case PinType::Bcd: {
        const std::uint8_t filler = format.padChar.value_or(0xFF);
        for (std::size_t i = 0; i < pin.size(); i += 2)
            out.push_back(nibbles(digit(pin[i]), i + 1 < pin.size() ? digit(pin[i + 1]) : filler));
        return;
    }
    case PinType::AsciiNumeric:
        out.insert(out.end(), pin.begin(), pin.end());
        return;
    case PinType::Utf8: {
        // Not case-sensitive: PKCS#15 has the PIN upper-cased before it is presented.
        const bool keepCase = (format.pinFlags & PinEntry::CaseSensitive) != 0;
        for (const std::uint8_t c : pin)
            out.push_back(
                keepCase || c < 'a' || c > 'z' ? c : static_cast<std::uint8_t>(c - 'a' + 'A'));
        return;
    }
    case PinType::HalfNibbleBcd:
        for (const std::uint8_t c : pin)
            out.push_back(nibbles(0x0F, digit(c)));
        return;
    case PinType::Iso9564_1: {
        out.push_back(nibbles(0x02, static_cast<std::uint8_t>(pin.size())));
        for (std::size_t i = 0; i < format2Size * 2 - 2; i += 2) {
            const std::uint8_t high = i < pin.size() ? digit(pin[i]) : 0x0F;
            const std::uint8_t low = i + 1 < pin.size() ? digit(pin[i + 1]) : 0x0F;
            out.push_back(nibbles(high, low));
        }
        return;
    }
    }
}

} // namespace

Bytes encodePin(ByteView pin, const PinEntry& format)
{
    check(pin, format);
    const std::size_t body = bodySize(pin.size(), format.type);
    const bool padded = format.needsPadding() && format.type != PinType::Iso9564_1;
    const std::size_t total = padded ? static_cast<std::size_t>(format.storedLength) : body;

    Bytes out;
    out.reserve(total); // exact: the pushes below never reallocate
    appendBody(pin, format, out);
    out.resize(total, format.padChar.value_or(0x00));
    return out;
}

int maxPinCharacters(const PinEntry& format)
{
    if (format.maxLength)
        return *format.maxLength;
    switch (format.type) {
    case PinType::Iso9564_1:
        return static_cast<int>(format2MaxDigits);
    case PinType::Bcd:
        return format.storedLength * 2;
    case PinType::AsciiNumeric:
    case PinType::Utf8:
    case PinType::HalfNibbleBcd:
        break;
    }
    return format.storedLength;
}

} // namespace smartcard
