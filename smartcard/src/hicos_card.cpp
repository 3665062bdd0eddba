#include "smartcard/hicos_card.hpp"

#include "smartcard/errors.hpp"
#include "smartcard/file_reader.hpp"

#include <array>

namespace smartcard {

namespace {

// Facts from captures of real cards (shared/reference/hicos-protocol.md §1–4).
constexpr std::uint8_t gen1Class = 0x80; // gen1 rejects CLA 00 with 6E00
constexpr std::size_t maxChunk = 0xC8; // the vendor module never reads more per command
constexpr std::size_t chunkAfter6987 = 16; // what the vendor module retries with on 6987
constexpr std::uint16_t rootFid = 0x3F00;
constexpr std::uint16_t appletFid = 0x7FFF; // how gen2 directory paths name the applet
constexpr std::uint16_t infoDf = 0x0900;
constexpr std::uint16_t cardNumberEf = 0x0903;
constexpr std::uint16_t versionEf = 0x0905;
constexpr std::uint16_t pkiDf = 0x5030;
constexpr std::array<std::uint8_t, 16> gen2AppletAid { 0xA0, 0x00, 0x00, 0x02, 0x83, 0x00, 0x00,
    0x06, 0x22, 0x01, 0x69, 0x64, 0x00, 0x01, 0x01, 0x01 };
constexpr std::size_t cardNumberLength = 16;
constexpr std::size_t versionLength = 0x18;
constexpr std::size_t directoryMaxSize = 0x2000;

std::string printable(const Bytes& raw)
{
    std::string text;
    for (auto b : raw) {
        if (b == 0x00 || b == 0xFF)
            break;
        text += (b >= 0x20 && b < 0x7F) ? static_cast<char>(b) : '?';
    }
    while (!text.empty() && text.back() == ' ')
        text.pop_back();
    return text;
}

// SELECT answers with a 62xx warning on some HiCOS files; the data is still selected.
void checkSelected(const ResponseApdu& answer)
{
    if (!answer.isOk() && answer.sw1 != 0x62)
        throwForStatus(answer.sw());
}

CommandApdu selectApplet()
{
    CommandApdu select = CommandApdu::selectByAid(gen2AppletAid);
    select.le = CommandApdu::maxShortLe; // the captures carry Le 00 on this P2 0C select
    return select;
}

std::uint16_t fidAt(ByteView path, std::size_t i)
{
    return static_cast<std::uint16_t>(path[i] << 8 | path[i + 1]);
}

} // namespace

HicosCard::HicosCard(ApduChannel& channel, Generation generation)
    : channel_(channel)
    , generation_(generation)
    , cla_(generation == Generation::Gen1 ? gen1Class : 0x00)
{ }

std::optional<std::string> HicosCard::probeGen1Version(ApduChannel& channel)
{
    try {
        HicosCard card(channel, Generation::Gen1);
        const std::string version = card.readVersion();
        if (version.starts_with("CHT V"))
            return version;
    } catch (const CardError& e) {
        if (!e.isCardRefusal())
            throw;
    }
    return std::nullopt;
}

bool HicosCard::probeGen2Applet(ApduChannel& channel)
{
    return channel.transmit(selectApplet()).isOk();
}

void HicosCard::selectRoot()
{
    if (generation_ == Generation::Gen2) {
        checkSelected(channel_.transmit(selectApplet()));
        return;
    }
    selectChild(rootFid);
}

void HicosCard::selectChild(std::uint16_t fid)
{
    CommandApdu select = CommandApdu::selectFile(fid, cla_);
    if (generation_ == Generation::Gen2) {
        select.p2 = 0x04; // the form the vendor module sends under the applet, always with Le
        select.le = CommandApdu::maxShortLe;
    }
    checkSelected(channel_.transmit(select));
}

void HicosCard::selectPath(ByteView path)
{
    if (path.empty() || path.size() % 2 != 0)
        throw CardError(CardErrc::MalformedData, "a HiCOS path is a sequence of two-byte FIDs");
    std::size_t next = 0;
    const std::uint16_t first = fidAt(path, 0);
    if (first == rootFid || first == appletFid) {
        if (first == appletFid && generation_ != Generation::Gen2)
            throw CardError(CardErrc::MalformedData, "a gen2 applet path on a gen1 card");
        selectRoot();
        next = 2;
    } else {
        selectRoot();
        selectChild(pkiDf);
    }
    for (; next < path.size(); next += 2)
        selectChild(fidAt(path, next));
}

Bytes HicosCard::readSmallFile(std::uint16_t df, std::uint16_t ef, std::size_t size)
{
    selectRoot();
    selectChild(df);
    selectChild(ef);
    return readBinary(channel_,
        { .cla = cla_,
            .length = std::nullopt,
            .chunk = size,
            .maxSize = size,
            .chunkAfter6987 = chunkAfter6987 });
}

std::string HicosCard::readCardNumber()
{
    return printable(readSmallFile(infoDf, cardNumberEf, cardNumberLength));
}

std::string HicosCard::readVersion()
{
    return printable(readSmallFile(infoDf, versionEf, versionLength));
}

Bytes HicosCard::readDirectory(Directory which)
{
    selectRoot();
    selectChild(pkiDf);
    selectChild(static_cast<std::uint16_t>(which));
    return readBinary(channel_,
        { .cla = cla_,
            .length = std::nullopt,
            .chunk = maxChunk,
            .maxSize = directoryMaxSize,
            .stopAtPadding = true,
            .chunkAfter6987 = chunkAfter6987 });
}

Bytes HicosCard::readCertificate(const CertificateEntry& entry)
{
    if (!entry.directValue.empty())
        return entry.directValue;
    if (!entry.path || entry.path->path.size() < 2)
        throw CardError(CardErrc::MalformedData, "certificate entry without a usable path");
    const Pkcs15Path& where = *entry.path;
    selectPath(where.path);

    const std::size_t offset = where.index.value_or(0);
    std::optional<std::size_t> length = where.length;
    if (!length) {
        // No length in the entry: the DER header says how long the certificate is.
        const Bytes head = readBinary(channel_, { .cla = cla_, .offset = offset, .length = 4 });
        length = derSequenceLength(head);
        if (!length)
            throw CardError(CardErrc::MalformedData, "no certificate at the entry's offset");
    }
    return readBinary(
        channel_, { .cla = cla_, .offset = offset, .length = *length, .chunk = maxChunk });
}

} // namespace smartcard
