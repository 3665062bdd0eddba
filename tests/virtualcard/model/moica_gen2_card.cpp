#include "model/atr.hpp"
#include "model/hicos_model_support.hpp"
#include "model/moica_card.hpp"

#include <algorithm>

namespace virtualcard {

using hicos::infoDf;
using hicos::parseCommand;

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

// The card image number (GET DATA 45): the card number's two letters, 00, then its 14 digits
// in BCD. Real cards' ids are their own; this one only has to be 10 bytes and the card's.
Bytes cardIdFor(const std::string& cardNumber)
{
    Bytes id { static_cast<std::uint8_t>(cardNumber[0]), static_cast<std::uint8_t>(cardNumber[1]),
        0x00 };
    for (std::size_t i = 2; i + 1 < cardNumber.size(); i += 2)
        id.push_back(
            static_cast<std::uint8_t>((cardNumber[i] - '0') << 4 | (cardNumber[i + 1] - '0')));
    return id;
}

const Bytes issuerCmAid = smartcard::fromHex("A000000283FF088692535389C00014");
const Bytes issuerAid = smartcard::fromHex("A0000001510000");
constexpr std::uint8_t keyVersion = 0x01;

// GP key information template: three AES-128 keys (ENC, MAC, DEK) of version 01.
Bytes keyInformation()
{
    return smartcard::fromHex("E0 12 C0 04 01 01 88 10 C0 04 02 01 88 10 C0 04 03 01 88 10");
}

Bytes withoutFiller(const Bytes& block)
{
    Bytes pin = block;
    while (!pin.empty() && pin.back() == 0xFF)
        pin.pop_back();
    return pin;
}

} // namespace

MoicaGen2Card::MoicaGen2Card(const MoicaConfig& config)
    : HicosCardModel(config, config.contactless ? atr::moicaContactless() : atr::moicaGen2())
    , cardId_(cardIdFor(config.cardNumber))
    , staticKeys_(smartcard::hicos::deriveStaticKeys(cardId_))
{
    applet_ = &fs_.addDf(fs_.mf(), appletFid, hicos::gen2AppletAid());
    addFiles(*applet_, config, hicos::Root::Applet, config.cardNumber);
}

void MoicaGen2Card::endSession()
{
    HicosCardModel::endSession();
    domain_ = Domain::None;
    session_.reset();
}

Reply MoicaGen2Card::process(ByteView command)
{
    if (command.size() < 4)
        return status(0x6700);
    if (command[0] == 0x04 || command[0] == 0x84)
        return secureMessaging(command);
    if (command[1] == 0x20)
        return plainVerify();
    if (isYankHook(command, true))
        return yank();
    if (command[0] == 0x80)
        return proprietary(command);
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
    const auto c = parseCommand(command);
    if (!c)
        return status(0x6700);
    if (c->p1 == 0x04) {
        if (c->p2 != 0x0C && c->p2 != 0x00)
            return status(0x6A86);
        session_.reset(); // a new selection ends the secure channel
        if (c->data == issuerCmAid || c->data == issuerAid) {
            domain_ = c->data == issuerCmAid ? Domain::IssuerCm : Domain::Issuer;
            fs_.resetSelection();
            return status(0x9000);
        }
        if (!fs_.selectAid(c->data)) {
            domain_ = Domain::None;
            return status(0x6A82);
        }
        domain_ = Domain::Applet;
        return c->p2 == 0x0C ? status(0x9000) : withData(fcp(fs_.currentDf()));
    }
    if (c->p1 != 0x00 || c->p2 != 0x04)
        return status(0x6A86);
    if (!c->le)
        return status(0x6700); // the applet wants P2 04 with Le, as the vendor module sends it
    if (c->data.size() != 2)
        return status(0x6700);
    return selectFidUnderApplet(static_cast<std::uint16_t>(c->data[0] << 8 | c->data[1]), true);
}

Reply MoicaGen2Card::selectFidUnderApplet(std::uint16_t fid, bool withFcp)
{
    if (domain_ != Domain::Applet || fid == FileSystem::mfId || fid == appletFid)
        return status(0x6A82); // paths name the applet; the card itself selects it by AID only
    const FileNode* node = fs_.selectFid(fid);
    if (!node)
        return status(0x6A82);
    return withFcp ? withData(fcp(*node)) : status(0x9000);
}

Reply MoicaGen2Card::readBinaryUnderApplet(ByteView command)
{
    const FileNode* ef = fs_.currentEf();
    const bool small = ef && ef->parent && ef->parent->fid == infoDf;
    if (small && command.size() == 5 && (command[4] == 0 || command[4] > smallReadLimit))
        return status(0x6987);
    return readBinary(command, 0x00);
}

Reply MoicaGen2Card::proprietary(ByteView command)
{
    const auto c = parseCommand(command);
    if (!c)
        return status(0x6700);
    switch (c->ins) {
    case 0xCA: // GET DATA, in the security domain that holds the tag
        if (c->p1 == 0x00 && c->p2 == 0xE0 && domain_ == Domain::IssuerCm)
            return withData(keyInformation());
        if (c->p1 == 0x00 && c->p2 == 0x45 && domain_ == Domain::Issuer)
            return withData(smartcard::concat({ Bytes { 0x45, 0x0A }, cardId_ }));
        return status(0x6A88);
    case 0x50: { // INITIALIZE UPDATE
        if (domain_ != Domain::Applet)
            return status(0x6985);
        if (c->p1 != keyVersion && c->p1 != 0x00)
            return status(0x6A88);
        if (c->data.size() != smartcard::hicos::challengeSize)
            return status(0x6700);
        const Bytes cardChallenge = smartcard::hicos::randomBytes(smartcard::hicos::challengeSize);
        session_.emplace(staticKeys_, c->data, cardChallenge);
        return withData(session_->initializeUpdateAnswer(cardId_, keyVersion));
    }
    case 0xEA:
    case 0xC1:
        return status(0x6982); // gen2 takes its key commands only inside the secure channel
    default:
        return status(0x6E00); // reading is CLA 00 only
    }
}

Reply MoicaGen2Card::secureMessaging(ByteView command)
{
    if (!session_)
        return status(0x6985);
    if (command[0] == 0x84 && command[1] == 0x82) {
        if (const auto failure = session_->externalAuthenticate(command)) {
            session_.reset();
            Reply r = status(0x6982);
            r.events.push_back(
                "EXTERNAL AUTHENTICATE refused: the host does not hold this card's keys");
            return r;
        }
        return status(0x9000);
    }
    auto unwrapped = session_->unwrap(command);
    if (!unwrapped.ok()) {
        session_.reset(); // a MAC error ends the secure channel
        Reply r = status(0x6988);
        r.events.push_back("secure messaging refused (bad MAC, padding or order); channel closed");
        return r;
    }
    const smartcard::CommandApdu& plain = unwrapped.command;
    if (plain.ins == 0x20) {
        if (plain.cla != 0x00 || plain.p2 != 0x01 || plain.data.size() != 10)
            return plainVerify();
        const Bytes presented = withoutFiller(plain.data);
        std::fill(unwrapped.command.data.begin(), unwrapped.command.data.end(), 0x00);
        return keys_.verify(pin_, presented, "VERIFY under secure messaging");
    }
    if (plain.cla == 0x00 && plain.ins == 0xA4 && plain.p1 == 0x00 && plain.p2 == 0x04
        && plain.data.size() == 2)
        return selectFidUnderApplet(
            static_cast<std::uint16_t>(plain.data[0] << 8 | plain.data[1]), false);
    if (plain.cla == 0x80 && (plain.ins == 0xEA || plain.ins == 0xC1))
        return keys_.privateKey(plain, pin_, keyFileSelected());
    return status(0x6D00);
}

} // namespace virtualcard
