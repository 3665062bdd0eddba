#include "smartcard/pkcs15_card.hpp"

#include "smartcard/certificate_facts.hpp"
#include "smartcard/der.hpp"
#include "smartcard/errors.hpp"
#include "smartcard/file_reader.hpp"

#include <array>

namespace smartcard {

namespace {

constexpr std::array<std::uint8_t, 12> pkcs15Aid { 0xA0, 0x00, 0x00, 0x00, 0x63, 0x50, 0x4B, 0x43,
    0x53, 0x2D, 0x31, 0x35 };
constexpr std::uint16_t pkcs15Df = 0x5015;
constexpr std::uint16_t odfFid = 0x5031;
constexpr std::uint16_t tokenInfoFid = 0x5032;
constexpr std::uint16_t efDirFid = 0x2F00;
constexpr std::uint32_t applicationTemplateTag = 0x61;
constexpr std::uint32_t applicationLabelTag = 0x50;
const Bytes defaultAppPath { 0x3F, 0x00, 0x50, 0x15 };

bool selectApplication(ApduChannel& channel)
{
    if (channel.transmit(CommandApdu::selectByAid(pkcs15Aid)).isOk())
        return true;
    // Cards without the AID keep the application in DF 5015 under the MF.
    CommandApdu mf = CommandApdu::selectFile(0x3F00);
    mf.p2 = 0x0C;
    if (!channel.transmit(mf).isOk())
        return false;
    CommandApdu df = CommandApdu::selectFile(pkcs15Df);
    df.p2 = 0x0C;
    return channel.transmit(df).isOk();
}

} // namespace

Pkcs15Card::Pkcs15Card(ApduChannel& channel)
    : channel_(channel)
    , appPath_(defaultAppPath)
{ }

bool Pkcs15Card::probe(ApduChannel& channel)
{
    if (!selectApplication(channel))
        return false;
    CommandApdu odf = CommandApdu::selectFile(odfFid);
    odf.p2 = 0x0C;
    return channel.transmit(odf).isOk();
}

void Pkcs15Card::open()
{
    if (!selectApplication(channel_))
        throw CardError(CardErrc::UnsupportedCard, "no PKCS#15 application");
    CommandApdu odf = CommandApdu::selectFile(odfFid);
    odf.p2 = 0x0C;
    channel_.transmitChecked(odf);
    odf_ = parseOdf(readBinary(channel_, { .stopAtPadding = true }));
}

TokenInfo Pkcs15Card::readTokenInfo()
{
    selectAbsolute(concat({ appPath_,
        Bytes { static_cast<std::uint8_t>(tokenInfoFid >> 8),
            static_cast<std::uint8_t>(tokenInfoFid) } }));
    return parseTokenInfo(readBinary(channel_, { .stopAtPadding = true }));
}

std::vector<std::string> Pkcs15Card::readApplicationLabels()
{
    std::vector<std::string> labels;
    try {
        selectAbsolute(Bytes { 0x3F, 0x00, efDirFid >> 8, efDirFid & 0xFF });
    } catch (const CardError& e) {
        if (e.isCardRefusal())
            return labels; // no EF.DIR, or not a transparent one: nothing to list
        throw;
    }
    const Bytes dir = readBinary(channel_, { .stopAtPadding = true });
    DerReader records(dir, DerReader::Padding::EndsContent);
    while (!records.atEnd()) {
        const Tlv record = records.next();
        if (record.tag != applicationTemplateTag)
            continue;
        DerReader fields = record.children();
        while (!fields.atEnd())
            if (const Tlv field = fields.next(); field.tag == applicationLabelTag)
                labels.emplace_back(field.value.begin(), field.value.end());
    }
    return labels;
}

Bytes Pkcs15Card::readDirectory(OdfKind kind)
{
    for (const auto& entry : odf_)
        if (entry.kind == kind)
            return readFile(entry.path, true);
    return {};
}

Bytes Pkcs15Card::readCertificate(const CertificateEntry& entry)
{
    if (!entry.directValue.empty())
        return entry.directValue;
    if (!entry.path)
        throw CardError(CardErrc::MalformedData, "certificate entry without a path");
    Bytes der = readFile(*entry.path, false);
    if (!entry.path->length) {
        // A whole EF may hold padding after the certificate: keep the DER only.
        const auto length = derSequenceLength(der);
        if (!length || *length > der.size())
            throw CardError(CardErrc::MalformedData, "certificate EF does not hold a certificate");
        der.resize(*length);
    }
    return der;
}

Bytes Pkcs15Card::readFile(const Pkcs15Path& path, bool directory)
{
    selectAbsolute(resolvePath(path, appPath_));
    return readBinary(channel_,
        { .offset = path.index.value_or(0), .length = path.length, .stopAtPadding = directory });
}

void Pkcs15Card::selectAbsolute(ByteView path)
{
    if (path.size() < 2 || path.size() % 2 != 0)
        throw CardError(CardErrc::MalformedData, "PKCS#15 path of odd length");
    // SELECT by path from the MF (P1 08) takes the path without the leading 3F00.
    CommandApdu select { 0x00, 0xA4, 0x08, 0x0C, {}, std::nullopt };
    const ByteView rest = (path[0] == 0x3F && path[1] == 0x00) ? path.subspan(2) : path;
    if (rest.empty()) {
        channel_.transmitChecked(CommandApdu::selectFile(0x3F00));
        return;
    }
    select.data.assign(rest.begin(), rest.end());
    channel_.transmitChecked(select);
}

} // namespace smartcard
