// The host end of the gen2 GlobalPlatform SCP03 channel: INITIALIZE UPDATE, the card
// cryptogram check, EXTERNAL AUTHENTICATE at level 03 and the wrapping of every later command.

#include "smartcard/errors.hpp"
#include "smartcard/hicos_crypto.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>

namespace smartcard::hicos {

namespace {

// SCP03 derivation constants (GP Amendment D §6.2.2).
constexpr std::uint8_t deriveCardCryptogram = 0x00;
constexpr std::uint8_t deriveHostCryptogram = 0x01;
constexpr std::uint8_t deriveSessionEnc = 0x04;
constexpr std::uint8_t deriveSessionMac = 0x06;
constexpr std::uint16_t cryptogramBits = 64;
constexpr std::uint16_t sessionKeyBits = 128;

constexpr std::size_t macSize = 8;
constexpr std::uint8_t secureMessagingBit = 0x04;
constexpr std::uint8_t paddingStart = 0x80;

std::string hexByte(std::uint8_t value)
{
    char text[8];
    std::snprintf(text, sizeof text, "%02X", value);
    return text;
}

void requireChallenge(ByteView challenge)
{
    if (challenge.size() != challengeSize)
        throw CardError(CardErrc::InvalidArgument, "an SCP03 challenge is 8 bytes");
}

Bytes challengeContext(ByteView hostChallenge, ByteView cardChallenge)
{
    requireChallenge(hostChallenge);
    requireChallenge(cardChallenge);
    return concat({ hostChallenge, cardChallenge });
}

std::size_t paddedSize(std::size_t size)
{
    return (size / aesBlockSize + 1) * aesBlockSize;
}

// ISO/IEC 9797-1 method 2: 80 then zeros to a whole number of AES blocks.
SecretBytes paddedForEncryption(ByteView data)
{
    SecretBytes out(paddedSize(data.size()));
    std::ranges::copy(data, out.data());
    out[data.size()] = paddingStart;
    return out;
}

// The counter as a 16-byte big-endian block.
std::array<std::uint8_t, aesBlockSize> counterBlock(std::uint32_t counter)
{
    std::array<std::uint8_t, aesBlockSize> block {};
    for (std::size_t i = 0; i < 4; ++i)
        block[aesBlockSize - 1 - i] = static_cast<std::uint8_t>(counter >> (8 * i));
    return block;
}

} // namespace

CommandApdu initializeUpdateCommand(ByteView hostChallenge, std::uint8_t keyVersion)
{
    requireChallenge(hostChallenge);
    return { 0x80, 0x50, keyVersion, 0x00, Bytes(hostChallenge.begin(), hostChallenge.end()),
        CommandApdu::maxShortLe };
}

InitializeUpdateAnswer parseInitializeUpdateAnswer(ByteView answer, std::uint8_t keyVersion)
{
    if (answer.size() != initializeUpdateAnswerSize)
        throw CardError(CardErrc::MalformedData,
            "INITIALIZE UPDATE answered " + std::to_string(answer.size()) + " bytes, not 29");
    InitializeUpdateAnswer parsed;
    const auto slice = [&](std::size_t offset, std::size_t size) {
        const ByteView part = answer.subspan(offset, size);
        return Bytes(part.begin(), part.end());
    };
    parsed.diversificationData = slice(0, 10);
    parsed.keyVersion = answer[10];
    parsed.scpId = answer[11];
    parsed.scpParameter = answer[12];
    parsed.cardChallenge = slice(13, challengeSize);
    parsed.cardCryptogram = slice(21, challengeSize);
    if (parsed.scpId != scp03Id)
        throw CardError(CardErrc::UnsupportedCard,
            "the card offers secure channel protocol " + hexByte(parsed.scpId) + ", not SCP03");
    if (parsed.keyVersion != keyVersion)
        throw CardError(CardErrc::UnsupportedCard,
            "the card answered with key version " + hexByte(parsed.keyVersion) + ", not "
                + hexByte(keyVersion));
    return parsed;
}

SessionKeys deriveSessionKeys(
    const StaticKeys& keys, ByteView hostChallenge, ByteView cardChallenge)
{
    const Bytes context = challengeContext(hostChallenge, cardChallenge);
    return { scp03Kdf(keys.enc, deriveSessionEnc, context, sessionKeyBits),
        scp03Kdf(keys.mac, deriveSessionMac, context, sessionKeyBits) };
}

Scp03Session::Scp03Session(const StaticKeys& keys, ByteView hostChallenge, std::uint8_t keyVersion,
    ByteView initializeUpdateAnswer)
{
    const InitializeUpdateAnswer answer
        = parseInitializeUpdateAnswer(initializeUpdateAnswer, keyVersion);
    sessionKeys_ = deriveSessionKeys(keys, hostChallenge, answer.cardChallenge);
    const Bytes context = challengeContext(hostChallenge, answer.cardChallenge);

    const SecretBytes expected
        = scp03Kdf(sessionKeys_.mac, deriveCardCryptogram, context, cryptogramBits);
    if (!equalInConstantTime(expected, answer.cardCryptogram))
        throw CardError(CardErrc::CardAuthenticationFailed,
            "the card cryptogram does not match: the card does not hold the keys derived for it");

    // EXTERNAL AUTHENTICATE is MACed from a zero chaining value; its full CMAC starts the chain.
    const SecretBytes hostCryptogram
        = scp03Kdf(sessionKeys_.mac, deriveHostCryptogram, context, cryptogramBits);
    mcv_ = SecretBytes(aesBlockSize);
    externalAuthenticate_ = protect(
        0x80 | secureMessagingBit, 0x82, securityLevel, 0x00, hostCryptogram, std::nullopt, false);
}

CommandApdu Scp03Session::wrap(const CommandApdu& plain)
{
    if (isSecureMessaging(plain.cla))
        throw CardError(CardErrc::InvalidArgument, "the command is already protected");
    return protect(static_cast<std::uint8_t>(plain.cla | secureMessagingBit), plain.ins, plain.p1,
        plain.p2, plain.data, plain.le, true);
}

CommandApdu Scp03Session::wrapVerify(ByteView pin)
{
    const SecretBytes block = pinBlock(pin);
    return protect(secureMessagingBit, 0x20, 0x00, pinReference, block, std::nullopt, true);
}

CommandApdu Scp03Session::protect(std::uint8_t cla, std::uint8_t ins, std::uint8_t p1,
    std::uint8_t p2, ByteView data, std::optional<std::size_t> le, bool encrypt)
{
    const bool encrypted = encrypt && !data.empty();
    const std::size_t protectedSize = encrypted ? paddedSize(data.size()) : data.size();
    if (protectedSize + macSize > CommandApdu::maxShortData
        || (le && *le > CommandApdu::maxShortLe))
        throw CardError(CardErrc::InvalidArgument, "secure messaging here is short APDUs only");

    Bytes protectedData;
    if (encrypted) {
        const SecretBytes icv = aes128EcbEncryptBlock(sessionKeys_.enc, counterBlock(counter_));
        protectedData
            = aes128CbcEncrypt(sessionKeys_.enc, icv, paddedForEncryption(data)).toBytes();
        ++counter_;
    } else {
        protectedData.assign(data.begin(), data.end());
    }

    const std::array<std::uint8_t, 5> header { cla, ins, p1, p2,
        static_cast<std::uint8_t>(protectedData.size() + macSize) };
    mcv_ = aesCmac(sessionKeys_.mac, { mcv_, header, protectedData });
    const ByteView mac = mcv_.view().first(macSize);
    protectedData.insert(protectedData.end(), mac.begin(), mac.end());
    return { cla, ins, p1, p2, std::move(protectedData), le };
}

} // namespace smartcard::hicos
