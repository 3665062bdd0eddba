#include "smartcard/nhi_card.hpp"

#include "smartcard/errors.hpp"

#include <array>
#include <memory>

#if defined(_WIN32)
#include "windows_text.hpp"
#else
#include <iconv.h>
#endif

namespace smartcard {

namespace {

// shared/reference/smartcards.md §6.
constexpr std::array<std::uint8_t, 16> nhiAid { 0xD1, 0x58, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x11, 0x00 };

CommandApdu selectNhi()
{
    // P2 00 as the NHI's own component sends it; not every NHI card answers P2 0C.
    return { 0x00, 0xA4, 0x04, 0x00, Bytes(nhiAid.begin(), nhiAid.end()), std::nullopt };
}

CommandApdu getBasicData()
{
    return { 0x00, 0xCA, 0x11, 0x00, { 0x00, 0x00 }, std::nullopt };
}

std::string asciiField(ByteView field, const char* what)
{
    std::string text;
    for (auto b : field) {
        if (b == 0x00)
            break;
        if (b < 0x20 || b >= 0x7F)
            throw CardError(CardErrc::MalformedData, std::string("NHI ") + what + " is not ASCII");
        text += static_cast<char>(b);
    }
    while (!text.empty() && text.back() == ' ')
        text.pop_back();
    return text;
}

std::string rocDateField(ByteView field, const char* what)
{
    std::string date = asciiField(field, what);
    if (date.size() != 7)
        throw CardError(CardErrc::MalformedData, std::string("NHI ") + what + " is not yyyMMdd");
    for (char c : date)
        if (c < '0' || c > '9')
            throw CardError(CardErrc::MalformedData, std::string("NHI ") + what + " is not digits");
    const int month = (date[3] - '0') * 10 + (date[4] - '0');
    const int day = (date[5] - '0') * 10 + (date[6] - '0');
    if (month < 1 || month > 12 || day < 1 || day > 31)
        throw CardError(CardErrc::MalformedData, std::string("NHI ") + what + " is not a date");
    return date;
}

#if !defined(_WIN32)
std::string convert(const char* fromCode, ByteView input)
{
    iconv_t cd = iconv_open("UTF-8", fromCode);
    if (cd == reinterpret_cast<iconv_t>(-1))
        return {};
    const std::unique_ptr<void, decltype(&iconv_close)> guard(cd, iconv_close);
    Bytes source(input.begin(), input.end());
    std::string out(input.size() * 4 + 4, '\0');
    char* in = reinterpret_cast<char*>(source.data());
    std::size_t inLeft = source.size();
    char* outPtr = out.data();
    std::size_t outLeft = out.size();
    if (iconv(cd, &in, &inLeft, &outPtr, &outLeft) == static_cast<std::size_t>(-1))
        throw CardError(CardErrc::MalformedData, "NHI name is not valid Big5");
    out.resize(out.size() - outLeft);
    return out;
}
#endif

} // namespace

#if defined(_WIN32)
std::string big5ToUtf8(ByteView big5)
{
    // Windows has no iconv; code page 950 is its Big5. It knows no HKSCS: those characters (and
    // the agency's own 造字) come out as the private-use code points an installed EUDC font draws.
    const std::string_view bytes(reinterpret_cast<const char*>(big5.data()), big5.size());
    auto text = detail::fromCodePage(950, bytes);
    if (!text)
        throw CardError(CardErrc::MalformedData, "NHI name is not valid Big5");
    return std::move(*text);
}
#else
std::string big5ToUtf8(ByteView big5)
{
    // glibc knows BIG5-HKSCS (a superset some NHI cards need); fall back to plain BIG5.
    std::string text = convert("BIG5-HKSCS", big5);
    if (text.empty() && !big5.empty())
        text = convert("BIG5", big5);
    return text;
}
#endif

NhiCard::NhiCard(ApduChannel& channel)
    : channel_(channel)
{ }

bool NhiCard::probe(ApduChannel& channel)
{
    return channel.transmit(selectNhi()).isOk();
}

NhiBasicData NhiCard::readBasicData()
{
    channel_.transmitChecked(selectNhi());
    return parseNhiBasicData(channel_.transmitChecked(getBasicData()));
}

NhiBasicData parseNhiBasicData(ByteView record)
{
    // Some cards answer more than the 57 bytes; what follows them is not ours to read.
    if (record.size() < NhiCard::recordLength)
        throw CardError(CardErrc::MalformedData,
            "NHI basic data is " + std::to_string(record.size()) + " bytes, not 57 or more");
    NhiBasicData data;
    data.cardNumber = asciiField(record.subspan(0, 12), "card number");
    ByteView name = record.subspan(12, 20);
    std::size_t nameLength = 0;
    while (nameLength < name.size() && name[nameLength] != 0x00)
        ++nameLength;
    data.name = big5ToUtf8(name.first(nameLength));
    while (!data.name.empty() && (data.name.back() == ' '))
        data.name.pop_back();
    data.idNumber = asciiField(record.subspan(32, 10), "ID number");
    data.birthDate = rocDateField(record.subspan(42, 7), "birth date");
    const std::uint8_t sex = record[49];
    if (sex != 'M' && sex != 'F')
        throw CardError(CardErrc::MalformedData, "NHI sex is neither M nor F");
    data.sex = std::string(1, static_cast<char>(sex));
    // The issue date is shown, never used: a card with a bad one is still read.
    try {
        data.issueDate = rocDateField(record.subspan(50, 7), "issue date");
    } catch (const CardError&) {
        data.issueDate.clear();
    }
    return data;
}

} // namespace smartcard
