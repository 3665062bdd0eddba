#include "smartcard/hicos_signing.hpp"

#include "smartcard/errors.hpp"
#include "smartcard/hicos_card.hpp"
#include "smartcard/hicos_crypto.hpp"

#include <algorithm>

namespace smartcard {

namespace {

constexpr int hicosMinPin = 6;
constexpr int hicosMaxPin = 8;
constexpr std::size_t resultHalf = 0x80;
const Bytes keyFilePath { 0x50, 0x30, 0x08, 0x10 }; // relative to the root: DF 5030, EF 0810

// 9000 verified; 63Cx, 63C0 and 6983 are the typed PIN errors; anything else is the status
// word's own error, and no try is counted for it.
void checkVerify(const ResponseApdu& answer)
{
    if (!answer.isOk())
        throwForStatus(answer.sw());
}

Bytes expectData(const ResponseApdu& answer, std::size_t size, const char* what)
{
    if (!answer.isOk())
        throwForStatus(answer.sw());
    if (answer.data.size() != size)
        throw CardError(CardErrc::MalformedResponse,
            std::string(what) + ": " + std::to_string(answer.data.size()) + " bytes, not "
                + std::to_string(size));
    return answer.data;
}

Bytes signGen1(
    ApduChannel& channel, const HicosSigningProfile& profile, ByteView pin, const Bytes& block)
{
    HicosCard card(channel, HicosGeneration::Gen1);
    card.selectPath(concat({ Bytes { 0x3F, 0x00 }, keyFilePath }));
    {
        CommandApdu verify = hicos::gen1ProtectedVerify(pin);
        WipeOnExit wiped(verify.data);
        checkVerify(channel.transmit(verify));
    }
    const auto commands = hicos::gen1PrivateKeyCommands(block, profile.keyReference);
    channel.transmitChecked(commands.firstHalf);
    Bytes signature = expectData(channel.transmit(commands.secondHalf), resultHalf, "EA");
    const Bytes rest = expectData(channel.transmit(commands.rest), resultHalf, "C1");
    signature.insert(signature.end(), rest.begin(), rest.end());
    return signature;
}

hicos::StaticKeys gen2StaticKeys(ApduChannel& channel, std::uint8_t& keyVersion)
{
    const ResponseApdu selectCm
        = channel.transmit(hicos::selectSecurityDomain(hicos::issuerSecurityDomainCmAid()));
    if (!selectCm.isOk() && selectCm.sw1 != 0x62)
        throwForStatus(selectCm.sw());
    keyVersion
        = hicos::parseKeyInformation(channel.transmitChecked(hicos::getKeyInformationCommand()))
              .keyVersion;
    const ResponseApdu selectIsd
        = channel.transmit(hicos::selectSecurityDomain(hicos::issuerSecurityDomainAid()));
    if (!selectIsd.isOk() && selectIsd.sw1 != 0x62)
        throwForStatus(selectIsd.sw());
    const Bytes cardId
        = hicos::parseCardImageNumber(channel.transmitChecked(hicos::getCardImageNumberCommand()));
    return hicos::deriveStaticKeys(cardId);
}

Bytes signGen2(
    ApduChannel& channel, const HicosSigningProfile& profile, ByteView pin, const Bytes& block)
{
    std::uint8_t keyVersion = 0;
    const hicos::StaticKeys keys = gen2StaticKeys(channel, keyVersion);
    HicosCard(channel, HicosGeneration::Gen2).selectPath(Bytes { 0x7F, 0xFF });

    const Bytes hostChallenge = hicos::randomBytes(hicos::challengeSize);
    const Bytes answer
        = channel.transmitChecked(hicos::initializeUpdateCommand(hostChallenge, keyVersion));
    hicos::Scp03Session session(keys, hostChallenge, keyVersion, answer);
    channel.transmitChecked(session.externalAuthenticate());
    {
        CommandApdu verify = session.wrapVerify(pin);
        WipeOnExit wiped(verify.data);
        checkVerify(channel.transmit(verify));
    }
    for (const int fid : { 0x5030, 0x0810 }) {
        const CommandApdu select { 0x00, 0xA4, 0x00, 0x04,
            { static_cast<std::uint8_t>(fid >> 8), static_cast<std::uint8_t>(fid) }, std::nullopt };
        const ResponseApdu selected = channel.transmit(session.wrap(select));
        if (!selected.isOk() && selected.sw1 != 0x62)
            throwForStatus(selected.sw());
    }
    const auto commands = hicos::gen2PrivateKeyCommands(block, profile.keyReference);
    channel.transmitChecked(session.wrap(commands.firstHalf));
    Bytes signature
        = expectData(channel.transmit(session.wrap(commands.secondHalf)), resultHalf, "EA");
    const Bytes rest = expectData(channel.transmit(session.wrap(commands.rest)), resultHalf, "C1");
    signature.insert(signature.end(), rest.begin(), rest.end());
    return signature;
}

} // namespace

HicosSigningProfile readHicosSigningProfile(
    ApduChannel& channel, HicosGeneration generation, const CardCertificate& signing)
{
    HicosCard card(channel, generation);
    const auto keys = parsePrkdf(card.readDirectory(HicosCard::Directory::PrivateKeys));
    static const Bytes signName { 'S', 'I', 'G', 'N' };
    auto key = std::ranges::find_if(
        keys, [&](const PrivateKeyEntry& k) { return !signing.id.empty() && k.id == signing.id; });
    if (key == keys.end())
        key = std::ranges::find_if(keys, [](const PrivateKeyEntry& k) { return k.id == signName; });
    if (key == keys.end() || !key->canSign())
        throw CardError(
            CardErrc::KeyNotFound, "the card's PrKDF has no signing key for the certificate");
    if (!key->keyReference || *key->keyReference < 0 || *key->keyReference > 0xFF)
        throw CardError(CardErrc::MalformedData, "the signing key has no one-byte key reference");
    if (key->type != PrivateKeyEntry::Type::Rsa || key->modulusLength != 2048)
        throw CardError(CardErrc::UnsupportedCard,
            "only 2048-bit RSA keys are known to sign with the HiCOS commands");

    HicosSigningProfile profile;
    profile.generation = generation;
    profile.certificate = signing.der;
    profile.keyReference = static_cast<std::uint8_t>(*key->keyReference);
    profile.modulusBytes = static_cast<std::size_t>(key->modulusLength) / 8;
    return profile;
}

PinState hicosPinLimits()
{
    PinState state;
    state.minLength = hicosMinPin;
    state.maxLength = hicosMaxPin;
    state.lettersAllowed = true;
    return state;
}

Bytes hicosVerifyAndSign(
    ApduChannel& channel, const HicosSigningProfile& profile, ByteView pin, ByteView digest)
{
    const Bytes block = hicos::pkcs1v15SignatureBlock(digest, profile.modulusBytes);
    return profile.generation == HicosGeneration::Gen1 ? signGen1(channel, profile, pin, block)
                                                       : signGen2(channel, profile, pin, block);
}

} // namespace smartcard
