#include "model/moica_card.hpp"

#include "model/atr.hpp"
#include "smartcard/apdu.hpp"

#include <cctype>
#include <stdexcept>

namespace virtualcard {

namespace {

constexpr std::uint16_t infoDf = 0x0900;
constexpr std::uint16_t pkiDf = 0x5030;

void checkCardNumber(const std::string& number)
{
    bool ok = number.size() == 16;
    for (std::size_t i = 0; ok && i < number.size(); ++i) {
        const auto c = static_cast<unsigned char>(number[i]);
        ok = i < 2 ? std::isupper(c) != 0 : std::isdigit(c) != 0;
    }
    if (!ok)
        throw std::invalid_argument(
            "a MOICA card number is 2 capital letters + 14 digits, got \"" + number + "\"");
}

Bytes versionFile()
{
    Bytes v(32, 0x00);
    constexpr std::string_view tag = "CHT V32N";
    std::copy(tag.begin(), tag.end(), v.begin());
    return v;
}

std::optional<smartcard::CommandApdu> parse(ByteView command)
{
    try {
        return smartcard::CommandApdu::parse(command);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

} // namespace

HicosCardModel::HicosCardModel(const MoicaConfig& config, Bytes atr)
    : pin_(config.tries)
    , atr_(config.atr.value_or(std::move(atr)))
{
    checkCardNumber(config.cardNumber);
}

void HicosCardModel::addFiles(
    FileNode& parent, const MoicaConfig& config, hicos::Root root, const std::string& tokenSerial)
{
    FileNode& info = fs_.addDf(parent, infoDf);
    fs_.addEf(info, 0x0903, Bytes(config.cardNumber.begin(), config.cardNumber.end()));
    fs_.addEf(info, 0x0905, versionFile());

    const auto slots = hicos::slots(config.layout, config.certificates);
    FileNode& pki = fs_.addDf(parent, pkiDf);
    fs_.addEf(pki, 0x4100, hicos::directoryFile(hicos::prkdf(slots, root, config.bits)));
    fs_.addEf(pki, 0x4104, hicos::directoryFile(hicos::cdf(slots, root)));
    fs_.addEf(pki, 0x4108, hicos::directoryFile(hicos::aodf()));
    if (config.layout == hicos::Layout::Faithful) {
        fs_.addEf(pki, 0x4101, hicos::directoryFile(hicos::pukdf(slots, root, config.bits)));
        fs_.addEf(pki, 0x5032, hicos::directoryFile(hicos::tokenInfo(tokenSerial)));
    }
    fs_.addEf(pki, 0x08F2, hicos::certificateBlob(slots));
    fs_.addEf(pki, 0x0810, Bytes(129 * 4, 0x00), false); // key file: selectable, not readable
}

void HicosCardModel::endSession()
{
    pin_.endSession();
    fs_.resetSelection();
}

Reply HicosCardModel::readBinary(ByteView command, std::uint8_t cla)
{
    const auto c = parse(command);
    if (!c)
        return status(0x6700);
    if (c->cla != cla)
        return status(0x6E00);
    if (!c->le || *c->le > maxReadLength || !c->data.empty())
        return status(0x6700); // the real card is read in chunks of at most 200 bytes
    if (c->p1 & 0x80)
        return status(0x6A86);
    const ReadResult r = fs_.readBinary(static_cast<std::size_t>(c->p1 << 8 | c->p2), *c->le);
    return withData(r.data, r.sw);
}

Reply HicosCardModel::plainVerify()
{
    const std::uint16_t sw = pin_.burn();
    Reply r = status(sw);
    r.events.push_back(std::string("VERIFY refused: not in the HiCOS protected form; tries left ")
        + std::to_string(pin_.left()) + (pin_.blocked() ? " (blocked)" : ""));
    return r;
}

// gen1 ----------------------------------------------------------------------------------------

MoicaGen1Card::MoicaGen1Card(const MoicaConfig& config)
    : HicosCardModel(config, atr::moicaGen1())
{
    addFiles(fs_.mf(), config, hicos::Root::Mf, "M-" + config.cardNumber.substr(2));
    if (config.layout == hicos::Layout::Faithful)
        fs_.addEf(fs_.mf(), 0x2F00, hicos::efDir());
}

Reply MoicaGen1Card::process(ByteView command)
{
    if (command.size() < 4)
        return status(0x6700);
    // VERIFY first, whatever the class: the real card counts even a CLA 00 attempt.
    if (command[1] == 0x20)
        return plainVerify();
    if (isYankHook(command, false))
        return yank();
    if (command[0] != 0x80)
        return status(0x6E00); // gen1 rejects CLA 00, which keeps ISO probes harmless
    switch (command[1]) {
    case 0xA4:
        return select(command);
    case 0xB0:
        return readBinary(command, 0x80);
    default:
        return status(0x6D00);
    }
}

Reply MoicaGen1Card::select(ByteView command)
{
    const auto c = parse(command);
    if (!c)
        return status(0x6700);
    if (c->p1 != 0x00 || c->p2 != 0x00)
        return status(0x6A86);
    if (c->data.size() != 2)
        return status(0x6700);
    const auto fid = static_cast<std::uint16_t>(c->data[0] << 8 | c->data[1]);
    return status(fs_.selectFid(fid) ? 0x9000 : 0x6A82); // no FCP, like the real card
}

// gen2 ----------------------------------------------------------------------------------------

namespace {

constexpr std::uint16_t appletFid = 0x7FFF;
// EFs whose READ BINARY refuses a large Le with 6987, which the vendor module answers by asking
// for 16 bytes (no capture says which EFs; these small ones are the model's choice).
constexpr std::size_t smallReadLimit = 16;

Bytes fcp(const FileNode& node)
{
    Bytes body { 0x82, 0x01, static_cast<std::uint8_t>(node.dedicated ? 0x38 : 0x01), 0x83, 0x02,
        static_cast<std::uint8_t>(node.fid >> 8), static_cast<std::uint8_t>(node.fid) };
    if (!node.dedicated) {
        const std::size_t size = node.content.size();
        body.insert(body.begin(),
            { 0x80, 0x02, static_cast<std::uint8_t>(size >> 8), static_cast<std::uint8_t>(size) });
    }
    body.insert(body.begin(), { 0x62, static_cast<std::uint8_t>(body.size()) });
    return body;
}

} // namespace

MoicaGen2Card::MoicaGen2Card(const MoicaConfig& config)
    : HicosCardModel(config, config.contactless ? atr::moicaContactless() : atr::moicaGen2())
{
    applet_ = &fs_.addDf(fs_.mf(), appletFid, hicos::gen2AppletAid());
    addFiles(*applet_, config, hicos::Root::Applet, config.cardNumber);
}

Reply MoicaGen2Card::process(ByteView command)
{
    if (command.size() < 4)
        return status(0x6700);
    if (command[1] == 0x20)
        return plainVerify();
    if (isYankHook(command, true))
        return yank();
    if (command[0] != 0x00)
        return status(0x6E00);
    switch (command[1]) {
    case 0xA4:
        return select(command);
    case 0xB0:
        return readBinaryUnderApplet(command);
    default:
        return status(0x6D00);
    }
}

Reply MoicaGen2Card::select(ByteView command)
{
    const auto c = parse(command);
    if (!c)
        return status(0x6700);
    if (c->p1 == 0x04) {
        if (c->p2 != 0x0C && c->p2 != 0x00)
            return status(0x6A86);
        if (!fs_.selectAid(c->data))
            return status(0x6A82);
        return c->p2 == 0x0C ? status(0x9000) : withData(fcp(fs_.currentDf()));
    }
    if (c->p1 != 0x00 || c->p2 != 0x04)
        return status(0x6A86);
    if (!c->le)
        return status(0x6700); // the applet wants P2 04 with Le, as the vendor module sends it
    if (c->data.size() != 2)
        return status(0x6700);
    const auto fid = static_cast<std::uint16_t>(c->data[0] << 8 | c->data[1]);
    if (fid == FileSystem::mfId || fid == appletFid)
        return status(0x6A82); // paths name the applet; the card itself selects it by AID only
    // Below the applet only: nothing is reachable before the applet is selected.
    const FileNode* df = &fs_.currentDf();
    while (df && df != applet_)
        df = df->parent;
    if (!df)
        return status(0x6A82);
    const FileNode* node = fs_.selectFid(fid);
    if (!node)
        return status(0x6A82);
    return withData(fcp(*node));
}

Reply MoicaGen2Card::readBinaryUnderApplet(ByteView command)
{
    const FileNode* ef = fs_.currentEf();
    const bool small = ef && ef->parent && ef->parent->fid == infoDf;
    if (small && command.size() == 5 && (command[4] == 0 || command[4] > smallReadLimit))
        return status(0x6987);
    return readBinary(command, 0x00);
}

} // namespace virtualcard
