// gen2 static keys: what the card says about its keys (GET DATA E0, 45) and the diversification
// of K-ENC / K-MAC from the card id under the CHT master key, with the SCP03 KDF.

#include "smartcard/der.hpp"
#include "smartcard/errors.hpp"
#include "smartcard/hicos_crypto.hpp"

#include <array>
#include <cstdio>
#include <string>

namespace smartcard::hicos {

namespace {

constexpr std::array<std::uint8_t, 15> isdCmAid { 0xA0, 0x00, 0x00, 0x02, 0x83, 0xFF, 0x08, 0x86,
    0x92, 0x53, 0x53, 0x89, 0xC0, 0x00, 0x14 };
constexpr std::array<std::uint8_t, 7> isdAid { 0xA0, 0x00, 0x00, 0x01, 0x51, 0x00, 0x00 };

// The master key ships encrypted under ASCII "CHT HiCOSPKCS#11" (AES-128-ECB).
constexpr std::array<std::uint8_t, 16> masterWrappingKey { 0x43, 0x48, 0x54, 0x20, 0x48, 0x69, 0x43,
    0x4F, 0x53, 0x50, 0x4B, 0x43, 0x53, 0x23, 0x31, 0x31 };
constexpr std::array<std::uint8_t, 16> wrappedMasterKey { 0xEE, 0xE7, 0x65, 0x09, 0x9E, 0x9B, 0x8D,
    0x52, 0xA3, 0x37, 0x34, 0x76, 0x0D, 0xD0, 0x30, 0x5E };

constexpr std::uint8_t tagKeyInformation = 0xE0;
constexpr std::uint8_t tagKeyTemplate = 0xC0;
constexpr std::uint8_t tagCardImageNumber = 0x45;
constexpr std::uint8_t keyTypeAes = 0x88;
constexpr std::uint8_t aes128KeyLength = 16;

constexpr std::size_t kdfLabelZeros = 11;
constexpr std::uint8_t kdfSeparator = 0x00;
constexpr std::uint8_t kdfCounter = 0x01;

struct RoleConstants {
    std::uint8_t derivation;
    std::uint8_t contextTag;
};

RoleConstants constantsFor(StaticKeyRole role)
{
    switch (role) {
    case StaticKeyRole::Enc:
        return { 0x04, 0x01 };
    case StaticKeyRole::Mac:
        return { 0x06, 0x02 };
    case StaticKeyRole::Dek:
        break;
    }
    return { 0x0C, 0x03 };
}

std::string hexByte(std::uint8_t value)
{
    char text[8];
    std::snprintf(text, sizeof text, "%02X", value);
    return text;
}

KeyInfo parseKeyTemplate(const Tlv& entry)
{
    // id, version, then one or more (type, length) pairs.
    const ByteView value = entry.value;
    if (value.size() < 4 || value.size() % 2 != 0)
        throw CardError(CardErrc::MalformedData, "a key template of the wrong length");
    const KeyInfo key { value[0], value[1], value[2], value[3] };
    for (std::size_t i = 2; i < value.size(); i += 2) {
        if (value[i] != keyTypeAes || value[i + 1] != aes128KeyLength)
            throw CardError(CardErrc::UnsupportedCard,
                "key " + hexByte(key.id) + " is of type " + hexByte(value[i]) + ", length "
                    + std::to_string(value[i + 1]) + "; only AES-128 keys are handled");
    }
    return key;
}

SecretBytes masterKey()
{
    return aes128EcbDecryptBlock(masterWrappingKey, wrappedMasterKey);
}

} // namespace

ByteView issuerSecurityDomainCmAid() noexcept
{
    return isdCmAid;
}

ByteView issuerSecurityDomainAid() noexcept
{
    return isdAid;
}

CommandApdu selectSecurityDomain(ByteView aid)
{
    return { 0x00, 0xA4, 0x04, 0x00, Bytes(aid.begin(), aid.end()), std::nullopt };
}

CommandApdu getKeyInformationCommand()
{
    return { 0x80, 0xCA, 0x00, tagKeyInformation, {}, CommandApdu::maxShortLe };
}

CommandApdu getCardImageNumberCommand()
{
    return { 0x80, 0xCA, 0x00, tagCardImageNumber, {}, CommandApdu::maxShortLe };
}

KeyInformation parseKeyInformation(ByteView answer)
{
    KeyInformation info;
    DerReader outer(answer);
    const Tlv all = outer.expect(tagKeyInformation, "key information template");
    if (!outer.atEnd())
        throw CardError(CardErrc::MalformedData, "bytes after the key information template");
    DerReader entries = all.children();
    while (!entries.atEnd())
        info.keys.push_back(parseKeyTemplate(entries.expect(tagKeyTemplate, "key template")));
    if (info.keys.empty())
        throw CardError(CardErrc::MalformedData, "a key information template without keys");
    info.keyVersion = info.keys.front().version;
    return info;
}

Bytes parseCardImageNumber(ByteView answer)
{
    DerReader reader(answer);
    const Tlv number = reader.expect(tagCardImageNumber, "card image number");
    if (!reader.atEnd() || number.value.size() != cardIdSize)
        throw CardError(CardErrc::MalformedData, "the card image number is not 10 bytes");
    return Bytes(number.value.begin(), number.value.end());
}

SecretBytes scp03Kdf(
    ByteView key, std::uint8_t derivationConstant, ByteView context, std::uint16_t lengthBits)
{
    if (lengthBits != 64 && lengthBits != 128)
        throw CardError(CardErrc::InvalidArgument, "the SCP03 KDF gives 64 or 128 bits here");
    const std::array<std::uint8_t, kdfLabelZeros> label {};
    const std::array<std::uint8_t, 5> fixed { derivationConstant, kdfSeparator,
        static_cast<std::uint8_t>(lengthBits >> 8), static_cast<std::uint8_t>(lengthBits & 0xFF),
        kdfCounter };
    SecretBytes block = aesCmac(key, { label, fixed, context });
    if (lengthBits == 128)
        return block;
    return SecretBytes(block.view().first(lengthBits / 8));
}

SecretBytes deriveStaticKey(ByteView cardId, StaticKeyRole role)
{
    if (cardId.size() != cardIdSize)
        throw CardError(CardErrc::InvalidArgument, "a HiCOS card id is 10 bytes");
    const RoleConstants constants = constantsFor(role);
    // Context: role number ‖ card id ‖ bytes 10..14 of the ISD-CM AID (16 bytes).
    const std::array<std::uint8_t, 1> tag { constants.contextTag };
    const Bytes context = concat({ tag, cardId, ByteView(isdCmAid).subspan(10) });
    return scp03Kdf(masterKey(), constants.derivation, context, 128);
}

StaticKeys deriveStaticKeys(ByteView cardId)
{
    return { deriveStaticKey(cardId, StaticKeyRole::Enc),
        deriveStaticKey(cardId, StaticKeyRole::Mac) };
}

} // namespace smartcard::hicos
