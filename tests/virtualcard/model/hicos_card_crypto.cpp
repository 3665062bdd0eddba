#include "model/hicos_card_crypto.hpp"

#include "smartcard/errors.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace virtualcard::hicos {

namespace crypto = smartcard::hicos;

namespace {

// ---- gen1 -------------------------------------------------------------------------------------

constexpr std::string_view gen1KeyText = "CHTTL8f0HiCardV2";
constexpr std::size_t gen1IvSize = 8;
constexpr std::size_t gen1BlockSize = 10; // PIN ‖ FF…
constexpr std::size_t gen1MacSize = 8;
constexpr std::size_t gen1PaddingSize = 6; // 18 bytes PKCS#7-padded to 24
constexpr std::size_t gen1CryptogramSize = gen1BlockSize + gen1MacSize + gen1PaddingSize;

ByteView gen1Key()
{
    return { reinterpret_cast<const std::uint8_t*>(gen1KeyText.data()), gen1KeyText.size() };
}

// ---- gen2 -------------------------------------------------------------------------------------

constexpr std::size_t challengeSize = 8;
constexpr std::size_t cmacTruncated = 8;
constexpr std::size_t blockSize = 16;
constexpr std::uint8_t kdfCardCryptogram = 0x00;
constexpr std::uint8_t kdfHostCryptogram = 0x01;
constexpr std::uint8_t kdfSessionEnc = 0x04;
constexpr std::uint8_t kdfSessionMac = 0x06;
constexpr std::uint8_t claSecureMessaging = 0x04;
constexpr std::uint8_t levelCmacCdec = 0x03;

void requireChallenge(ByteView challenge)
{
    if (challenge.size() != challengeSize)
        throw smartcard::CardError(smartcard::CardErrc::InvalidArgument, "challenges are 8 bytes");
}

std::optional<CommandApdu> parsed(ByteView raw)
{
    try {
        return CommandApdu::parse(raw);
    } catch (const smartcard::CardError&) {
        return std::nullopt;
    }
}

std::array<std::uint8_t, blockSize> counterIcvInput(std::uint32_t counter)
{
    std::array<std::uint8_t, blockSize> block {};
    block[12] = static_cast<std::uint8_t>(counter >> 24);
    block[13] = static_cast<std::uint8_t>(counter >> 16);
    block[14] = static_cast<std::uint8_t>(counter >> 8);
    block[15] = static_cast<std::uint8_t>(counter);
    return block;
}

// The length of `padded` without its 80 00… tail; nullopt when the tail is not that.
std::optional<std::size_t> unpaddedLength(ByteView padded)
{
    std::size_t end = padded.size();
    while (end > 0 && padded[end - 1] == 0x00)
        --end;
    if (end == 0 || padded[end - 1] != 0x80 || padded.size() - (end - 1) > blockSize)
        return std::nullopt;
    return end - 1;
}

} // namespace

Gen1VerifyResult openGen1Verify(ByteView data)
{
    Gen1VerifyResult result;
    if (data.size() != gen1IvSize + gen1CryptogramSize) {
        result.failure = Gen1VerifyFailure::WrongLength;
        return result;
    }
    const ByteView iv = data.first(gen1IvSize);
    const SecretBytes opened = crypto::tdes2CbcDecrypt(gen1Key(), iv, data.subspan(gen1IvSize));
    const ByteView block = opened.view().first(gen1BlockSize);
    const ByteView mac = opened.view().subspan(gen1BlockSize, gen1MacSize);
    const ByteView padding = opened.view().last(gen1PaddingSize);
    if (!std::ranges::all_of(padding, [](std::uint8_t b) { return b == gen1PaddingSize; })) {
        result.failure = Gen1VerifyFailure::BadPadding;
        return result;
    }

    // The MAC the host should have sent: the last block of 3DES-CBC over block ‖ 06×6.
    SecretBytes macInput(gen1BlockSize + gen1PaddingSize);
    std::ranges::copy(block, macInput.data());
    std::fill(macInput.data() + gen1BlockSize, macInput.data() + macInput.size(),
        static_cast<std::uint8_t>(gen1PaddingSize));
    const SecretBytes chain = crypto::tdes2CbcEncrypt(gen1Key(), iv, macInput);
    if (!crypto::equalInConstantTime(chain.view().last(gen1MacSize), mac)) {
        result.failure = Gen1VerifyFailure::BadMac;
        return result;
    }

    std::size_t length = gen1BlockSize;
    while (length > 0 && block[length - 1] == 0xFF)
        --length;
    result.pin = SecretBytes(block.first(length));
    return result;
}

CardScp03Session::CardScp03Session(
    const crypto::StaticKeys& keys, ByteView hostChallenge, ByteView cardChallenge)
{
    requireChallenge(hostChallenge);
    requireChallenge(cardChallenge);
    context_ = smartcard::concat({ hostChallenge, cardChallenge });
    cardChallenge_.assign(cardChallenge.begin(), cardChallenge.end());
    sessionEnc_ = crypto::scp03Kdf(keys.enc, kdfSessionEnc, context_, 128);
    sessionMac_ = crypto::scp03Kdf(keys.mac, kdfSessionMac, context_, 128);
    cardCryptogram_ = crypto::scp03Kdf(sessionMac_, kdfCardCryptogram, context_, 64);
}

Bytes CardScp03Session::initializeUpdateAnswer(
    ByteView diversificationData, std::uint8_t keyVersion, std::uint8_t scpParameter) const
{
    if (diversificationData.size() != 10)
        throw smartcard::CardError(
            smartcard::CardErrc::InvalidArgument, "key diversification data is 10 bytes");
    const std::array<std::uint8_t, 3> protocol { keyVersion, 0x03, scpParameter };
    return smartcard::concat({ diversificationData, protocol, cardChallenge_, cardCryptogram_ });
}

SmFailure CardScp03Session::fail(SmFailure failure)
{
    state_ = State::Closed;
    return failure;
}

std::optional<SmFailure> CardScp03Session::externalAuthenticate(ByteView raw)
{
    if (state_ == State::Closed)
        return SmFailure::SessionClosed;
    if (state_ == State::Open)
        return fail(SmFailure::AlreadyAuthenticated);
    const std::optional<CommandApdu> command = parsed(raw);
    if (!command || command->cla != 0x84 || command->ins != 0x82 || command->p2 != 0x00
        || command->data.size() != 2 * cmacTruncated || command->le)
        return fail(SmFailure::Malformed);
    if (command->p1 != levelCmacCdec)
        return fail(SmFailure::WrongSecurityLevel);

    const ByteView data = command->data;
    const ByteView hostCryptogram = data.first(cmacTruncated);
    const SecretBytes expected = crypto::scp03Kdf(sessionMac_, kdfHostCryptogram, context_, 64);
    if (!crypto::equalInConstantTime(expected, hostCryptogram))
        return fail(SmFailure::BadCryptogram);

    const SecretBytes zeroChain(blockSize);
    SecretBytes mac = crypto::aesCmac(
        sessionMac_, { zeroChain, raw.first(5), hostCryptogram }); // header with Lc, as received
    if (!crypto::equalInConstantTime(mac.view().first(cmacTruncated), data.last(cmacTruncated)))
        return fail(SmFailure::BadMac);
    mcv_ = std::move(mac);
    counter_ = 1;
    state_ = State::Open;
    return std::nullopt;
}

CardScp03Session::Unwrapped CardScp03Session::unwrap(ByteView raw)
{
    Unwrapped result;
    if (state_ == State::Closed) {
        result.failure = SmFailure::SessionClosed;
        return result;
    }
    if (state_ != State::Open) {
        result.failure = fail(SmFailure::NotAuthenticated);
        return result;
    }
    const std::optional<CommandApdu> command = parsed(raw);
    if (!command || (command->cla & claSecureMessaging) == 0 || command->isExtended()
        || command->data.size() < cmacTruncated
        || (command->data.size() - cmacTruncated) % blockSize != 0) {
        result.failure = fail(SmFailure::Malformed);
        return result;
    }
    const ByteView data = command->data;
    const ByteView cipher = data.first(data.size() - cmacTruncated);
    SecretBytes mac = crypto::aesCmac(sessionMac_, { mcv_, raw.first(5), cipher });
    if (!crypto::equalInConstantTime(mac.view().first(cmacTruncated), data.last(cmacTruncated))) {
        result.failure = fail(SmFailure::BadMac);
        return result;
    }
    mcv_ = std::move(mac);

    result.command = { static_cast<std::uint8_t>(command->cla & ~claSecureMessaging), command->ins,
        command->p1, command->p2, {}, command->le };
    if (cipher.empty())
        return result; // nothing encrypted, and the counter stays where it is
    const SecretBytes icv = crypto::aes128EcbEncryptBlock(sessionEnc_, counterIcvInput(counter_));
    ++counter_;
    const SecretBytes padded = crypto::aes128CbcDecrypt(sessionEnc_, icv, cipher);
    const std::optional<std::size_t> length = unpaddedLength(padded);
    if (!length) {
        result.failure = fail(SmFailure::BadPadding);
        return result;
    }
    result.command.data.assign(padded.data(), padded.data() + *length);
    return result;
}

} // namespace virtualcard::hicos
