#include "smartcard/hicos_card.hpp"

#include "smartcard/errors.hpp"
#include "smartcard/file_reader.hpp"

#include <array>

namespace smartcard {

namespace {

// Facts from the public reverse engineering summarised in shared/reference/smartcards.md §1–2.
constexpr std::uint8_t gen1Class = 0x80; // gen1 rejects CLA 00 with 6E00
constexpr std::size_t maxChunk = 0xC8; // the card's largest READ BINARY
constexpr std::array<std::uint8_t, 6> versionPath { 0x3F, 0x00, 0x09, 0x00, 0x09, 0x05 };
constexpr std::array<std::uint8_t, 6> cardNumberPath { 0x3F, 0x00, 0x09, 0x00, 0x09, 0x03 };
constexpr std::array<std::uint8_t, 6> cdfPath { 0x3F, 0x00, 0x50, 0x30, 0x41, 0x04 };
constexpr std::array<std::uint8_t, 16> gen2AppletAid { 0xA0, 0x00, 0x00, 0x02, 0x83, 0x00, 0x00,
    0x06, 0x22, 0x01, 0x69, 0x64, 0x00, 0x01, 0x01, 0x01 };
constexpr std::size_t cardNumberLength = 16;
constexpr std::size_t versionLength = 0x14;

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

} // namespace

HicosCard::HicosCard(ApduChannel& channel, Generation generation)
    : channel_(channel)
    , generation_(generation)
    , cla_(generation == Generation::Gen1 ? gen1Class : 0x00)
{ }

std::optional<std::string> HicosCard::probeGen1Version(ApduChannel& channel)
{
    try {
        selectFidPath(channel, versionPath, gen1Class);
        const Bytes raw = readBinary(channel,
            { .cla = gen1Class,
                .length = std::nullopt,
                .chunk = versionLength,
                .maxSize = versionLength });
        const std::string version = printable(raw);
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
    const ResponseApdu answer = channel.transmit(CommandApdu::selectByAid(gen2AppletAid));
    return answer.isOk();
}

void HicosCard::selectFromMf(ByteView path)
{
    if (generation_ == Generation::Gen2) {
        // Gen2 keeps the same files below its applet, selected with CLA 00 and P2 04.
        channel_.transmitChecked(CommandApdu::selectByAid(gen2AppletAid));
        selectFidPath(channel_, path.subspan(2), cla_, 0x04);
        return;
    }
    selectFidPath(channel_, path, cla_);
}

std::string HicosCard::readCardNumber()
{
    selectFromMf(cardNumberPath);
    const Bytes raw = readBinary(channel_,
        { .cla = cla_,
            .length = std::nullopt,
            .chunk = cardNumberLength,
            .maxSize = cardNumberLength });
    return printable(raw);
}

Bytes HicosCard::readCertificateDirectory()
{
    selectFromMf(cdfPath);
    return readBinary(channel_,
        { .cla = cla_,
            .length = std::nullopt,
            .chunk = maxChunk,
            .maxSize = 0x2000,
            .stopAtPadding = true });
}

Bytes HicosCard::readCertificate(const CertificateEntry& entry)
{
    if (!entry.directValue.empty())
        return entry.directValue;
    if (!entry.path || entry.path->path.size() < 4)
        throw CardError(CardErrc::MalformedData, "certificate entry without a usable path");
    const Pkcs15Path& where = *entry.path;
    Bytes path = where.path;
    if (!where.isAbsolute()) // relative to DF 5030
        path = concat({ ByteView(cdfPath).first(4), ByteView(path) });
    selectFromMf(path);

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
