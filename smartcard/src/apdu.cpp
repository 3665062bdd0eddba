#include "smartcard/apdu.hpp"

#include "smartcard/errors.hpp"

#include <algorithm>
#include <cstdio>
#include <iterator>

namespace smartcard {

namespace {

std::uint8_t byteAt(std::size_t value, int shift)
{
    return static_cast<std::uint8_t>((value >> shift) & 0xFF);
}

std::string swText(std::uint16_t sw)
{
    char text[16];
    std::snprintf(text, sizeof text, "SW %04X", sw);
    return text;
}

[[noreturn]] void failWith(CardErrc code, std::uint16_t sw)
{
    throw CardError(code, swText(sw));
}

} // namespace

bool CommandApdu::isExtended() const
{
    return data.size() > maxShortData || (le && *le > maxShortLe);
}

Bytes CommandApdu::encode() const
{
    if (data.size() > maxExtendedData)
        throw CardError(CardErrc::InvalidArgument, "command data longer than 65535 bytes");
    if (le && (*le == 0 || *le > maxExtendedLe))
        throw CardError(CardErrc::InvalidArgument, "Le must be 1..65536");

    Bytes out { cla, ins, p1, p2 };
    if (!isExtended()) {
        if (!data.empty()) {
            out.push_back(static_cast<std::uint8_t>(data.size()));
            out.insert(out.end(), data.begin(), data.end());
        }
        if (le)
            out.push_back(*le == maxShortLe ? 0 : static_cast<std::uint8_t>(*le));
        return out;
    }
    // Extended: one 00 marker, then two-byte Lc and/or Le (Le without Lc keeps the marker).
    out.push_back(0x00);
    if (!data.empty()) {
        out.push_back(byteAt(data.size(), 8));
        out.push_back(byteAt(data.size(), 0));
        out.insert(out.end(), data.begin(), data.end());
    }
    if (le) {
        const std::size_t encoded = *le == maxExtendedLe ? 0 : *le;
        out.push_back(byteAt(encoded, 8));
        out.push_back(byteAt(encoded, 0));
    }
    return out;
}

CommandApdu CommandApdu::parse(ByteView raw)
{
    if (raw.size() < 4)
        throw CardError(CardErrc::MalformedData, "command shorter than a header");
    CommandApdu c;
    c.cla = raw[0];
    c.ins = raw[1];
    c.p1 = raw[2];
    c.p2 = raw[3];
    const auto body = raw.subspan(4);
    if (body.empty())
        return c; // case 1
    if (body.size() == 1) { // case 2S
        c.le = body[0] == 0 ? maxShortLe : body[0];
        return c;
    }
    if (body[0] != 0x00) { // short Lc
        const std::size_t lc = body[0];
        if (body.size() == 1 + lc) { // case 3S
            c.data.assign(body.begin() + 1, body.end());
            return c;
        }
        if (body.size() == 2 + lc) { // case 4S
            c.data.assign(body.begin() + 1, body.begin() + 1 + static_cast<long>(lc));
            c.le = body.back() == 0 ? maxShortLe : body.back();
            return c;
        }
        throw CardError(CardErrc::MalformedData, "short Lc does not match the command length");
    }
    if (body.size() == 3) { // case 2E
        const std::size_t le = static_cast<std::size_t>(body[1] << 8 | body[2]);
        c.le = le == 0 ? maxExtendedLe : le;
        return c;
    }
    if (body.size() < 3)
        throw CardError(CardErrc::MalformedData, "truncated extended length");
    const std::size_t lc = static_cast<std::size_t>(body[1] << 8 | body[2]);
    if (lc == 0)
        throw CardError(CardErrc::MalformedData, "extended Lc of zero");
    if (body.size() == 3 + lc) { // case 3E
        c.data.assign(body.begin() + 3, body.end());
        return c;
    }
    if (body.size() == 5 + lc) { // case 4E
        c.data.assign(body.begin() + 3, body.begin() + 3 + static_cast<long>(lc));
        const std::size_t le = static_cast<std::size_t>(body[3 + lc] << 8 | body[4 + lc]);
        c.le = le == 0 ? maxExtendedLe : le;
        return c;
    }
    throw CardError(CardErrc::MalformedData, "extended Lc does not match the command length");
}

CommandApdu CommandApdu::selectByAid(ByteView aid, std::uint8_t cla)
{
    // P2 0C: no FCI wanted; the HiCOS and NHI cards answer that form.
    return { cla, 0xA4, 0x04, 0x0C, Bytes(aid.begin(), aid.end()), std::nullopt };
}

CommandApdu CommandApdu::selectFile(std::uint16_t fid, std::uint8_t cla)
{
    return { cla, 0xA4, 0x00, 0x00, { byteAt(fid, 8), byteAt(fid, 0) }, std::nullopt };
}

CommandApdu CommandApdu::selectPath(ByteView pathFromMf, std::uint8_t cla)
{
    return { cla, 0xA4, 0x08, 0x0C, Bytes(pathFromMf.begin(), pathFromMf.end()), std::nullopt };
}

CommandApdu CommandApdu::readBinary(std::uint16_t offset, std::size_t le, std::uint8_t cla)
{
    if (offset > 0x7FFF)
        throw CardError(CardErrc::InvalidArgument, "READ BINARY offset beyond 15 bits");
    return { cla, 0xB0, byteAt(offset, 8), byteAt(offset, 0), {}, le };
}

CommandApdu CommandApdu::getResponse(std::size_t le, std::uint8_t cla)
{
    return { cla, 0xC0, 0x00, 0x00, {}, le };
}

Bytes ResponseApdu::encode() const
{
    Bytes out = data;
    out.push_back(sw1);
    out.push_back(sw2);
    return out;
}

ResponseApdu ResponseApdu::parse(ByteView raw)
{
    if (raw.size() < 2)
        throw CardError(CardErrc::MalformedResponse,
            "response of " + std::to_string(raw.size()) + " bytes has no status word");
    ResponseApdu r;
    r.data.assign(raw.begin(), raw.end() - 2);
    r.sw1 = raw[raw.size() - 2];
    r.sw2 = raw[raw.size() - 1];
    return r;
}

void throwForStatus(std::uint16_t sw)
{
    const std::uint8_t sw1 = static_cast<std::uint8_t>(sw >> 8);
    const std::uint8_t sw2 = static_cast<std::uint8_t>(sw & 0xFF);
    if (sw1 == 0x63 && (sw2 & 0xF0) == 0xC0) {
        const int tries = sw2 & 0x0F;
        if (tries == 0)
            throw CardError(CardErrc::AuthenticationBlocked, swText(sw), 0);
        throw CardError(CardErrc::PinIncorrect, swText(sw), tries);
    }
    switch (sw) {
    case 0x6700:
        failWith(CardErrc::WrongLength, sw);
    case 0x6982:
        failWith(CardErrc::SecurityStatusNotSatisfied, sw);
    case 0x6983:
        throw CardError(CardErrc::AuthenticationBlocked, swText(sw), 0);
    case 0x6985:
        failWith(CardErrc::ConditionsNotSatisfied, sw);
    case 0x6900:
    case 0x6981:
    case 0x6986:
        failWith(CardErrc::CommandNotAllowed, sw);
    case 0x6A80:
        failWith(CardErrc::IncorrectData, sw);
    case 0x6A81:
        failWith(CardErrc::FunctionNotSupported, sw);
    case 0x6A82:
        failWith(CardErrc::FileNotFound, sw);
    case 0x6A83:
        failWith(CardErrc::RecordNotFound, sw);
    case 0x6A84:
        failWith(CardErrc::NotEnoughMemory, sw);
    case 0x6A00:
    case 0x6A86:
    case 0x6B00:
        failWith(CardErrc::WrongParameters, sw);
    case 0x6A88:
        failWith(CardErrc::ReferencedDataNotFound, sw);
    case 0x6D00:
        failWith(CardErrc::InstructionNotSupported, sw);
    case 0x6E00:
        failWith(CardErrc::ClassNotSupported, sw);
    case 0x6581:
        failWith(CardErrc::MemoryFailure, sw);
    default:
        break;
    }
    if (sw1 == 0x6C || sw1 == 0x61)
        failWith(
            CardErrc::MalformedResponse, sw); // the channel resolves these; here they are a loop
    failWith(CardErrc::UnknownStatus, sw);
}

void checkStatus(const ResponseApdu& response, bool allowWarnings)
{
    if (response.isOk())
        return;
    if (allowWarnings
        && (response.sw1 == 0x62 || (response.sw1 == 0x63 && (response.sw2 & 0xF0) != 0xC0)))
        return;
    throwForStatus(response.sw());
}

bool isPinBearing(std::uint8_t ins) noexcept
{
    constexpr std::uint8_t pinBearing[]
        = { 0x20, 0x21, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2C, 0x2D };
    return std::find(std::begin(pinBearing), std::end(pinBearing), ins) != std::end(pinBearing);
}

bool isSecureMessaging(std::uint8_t cla) noexcept
{
    if (cla <= 0x1F || (cla >= 0x80 && cla <= 0x9F))
        return (cla & 0x0C) != 0;
    if (cla >= 0x40 && cla <= 0x7F)
        return (cla & 0x20) != 0;
    return false; // RFU and the other proprietary classes (FF: the reader's pseudo-APDUs)
}

bool carriesSecrets(const CommandApdu& command) noexcept
{
    return isPinBearing(command.ins) || isSecureMessaging(command.cla);
}

std::string redactedHex(const CommandApdu& command)
{
    if (!carriesSecrets(command) || command.data.empty())
        return toHex(command.encode(), " ");
    char header[32];
    std::snprintf(header, sizeof header, "%02X %02X %02X %02X", command.cla, command.ins,
        command.p1, command.p2);
    return std::string(header) + " <" + std::to_string(command.data.size()) + " bytes redacted>";
}

std::string redactedHex(ByteView rawCommand)
{
    try {
        return redactedHex(CommandApdu::parse(rawCommand));
    } catch (const CardError&) {
        // Unparseable: show the header only, the rest may hold anything.
        const auto head = rawCommand.first(std::min<std::size_t>(4, rawCommand.size()));
        return toHex(head, " ") + " <" + std::to_string(rawCommand.size() - head.size())
            + " bytes unparsed>";
    }
}

} // namespace smartcard
