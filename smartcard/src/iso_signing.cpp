#include "smartcard/iso_signing.hpp"

#include "smartcard/errors.hpp"
#include "smartcard/pin_encoding.hpp"
#include "smartcard/pkcs15_card.hpp"
#include "smartcard/secret_bytes.hpp"

#include <cstdio>

namespace smartcard {

namespace {

constexpr std::uint8_t insVerify = 0x20;

std::string swText(std::uint16_t sw)
{
    char text[16];
    std::snprintf(text, sizeof text, "SW %04X", sw);
    return text;
}

CommandApdu verifyCommand(const IsoSigningProfile& profile)
{
    return { 0x00, insVerify, 0x00, profile.pinReference, {}, std::nullopt };
}

// The application, then the PIN's own DF when the AODF names one elsewhere (a local PIN is
// only found from its DF).
void selectForPin(ApduChannel& channel, const IsoSigningProfile& profile)
{
    if (!Pkcs15Card::probe(channel))
        throw CardError(CardErrc::UnsupportedCard, "the card's PKCS#15 application is gone");
    if (!profile.pin.path)
        return;
    const Bytes path = resolvePath(*profile.pin.path, profile.applicationPath);
    if (path == profile.applicationPath)
        return;
    if (path.size() < 2 || path.size() % 2 != 0)
        throw CardError(CardErrc::MalformedData, "the PIN's path has an odd length");
    const bool fromMf = path[0] == 0x3F && path[1] == 0x00;
    const ByteView rest = fromMf ? ByteView(path).subspan(2) : ByteView(path);
    channel.transmitChecked(
        rest.empty() ? CommandApdu::selectFile(0x3F00) : CommandApdu::selectPath(rest));
}

void checkVerifyStatus(std::uint16_t sw)
{
    if (sw == 0x9000)
        return;
    // 6700 / 6A80: the card refused the block's length or format, so it disagrees with its own
    // AODF. Whether a try was used is up to the card, so this is not PinLengthInvalid (which
    // promises nothing was sent) but the status word's own code: the caller shows a card
    // error and the next status query tells the counter.
    if (sw == 0x6700 || sw == 0x6A80)
        throw CardError(sw == 0x6700 ? CardErrc::WrongLength : CardErrc::IncorrectData,
            "the card refused the PIN block's format (" + swText(sw)
                + "); a try may have been used");
    throwForStatus(sw); // 63Cx PinIncorrect, 63C0 / 6983 AuthenticationBlocked, ...
}

Bytes manageSecurityEnvironmentData(
    const IsoSigningProfile& profile, std::optional<std::uint8_t> algorithmReference)
{
    if (algorithmReference)
        return { 0x80, 0x01, *algorithmReference, 0x84, 0x01, profile.keyReference };
    return { 0x84, 0x01, profile.keyReference };
}

std::size_t signatureLength(const IsoSigningProfile& profile)
{
    return static_cast<std::size_t>(profile.key.modulusLength + 7) / 8;
}

} // namespace

PinState isoPinLimits(const IsoSigningProfile& profile)
{
    PinState state;
    state.minLength = profile.pin.minLength;
    state.maxLength = maxPinCharacters(profile.pin);
    state.lettersAllowed = profile.pin.type == PinType::Utf8; // every other type is digits
    return state;
}

PinState queryIsoPinState(ApduChannel& channel, const IsoSigningProfile& profile)
{
    PinState state = isoPinLimits(profile);
    selectForPin(channel, profile);
    const ResponseApdu answer = channel.transmit(verifyCommand(profile));
    const std::uint16_t sw = answer.sw();
    if (sw == 0x9000) {
        state.source = PinSource::Card; // verified in this card session: not blocked
    } else if (sw == 0x6983 || sw == 0x63C0) {
        state.blocked = true;
        state.triesLeft = 0;
        state.source = PinSource::Card;
    } else if ((sw & 0xFFF0) == 0x63C0) {
        state.triesLeft = sw & 0x0F;
        state.source = PinSource::Card;
    }
    // Anything else: the card does not answer the query; the tries stay unknown.
    return state;
}

Bytes isoVerifyAndSign(ApduChannel& channel, const IsoSigningProfile& profile, ByteView pin,
    ByteView digest, std::optional<std::uint8_t> algorithmReference)
{
    // The block is built straight into the command, guarded before it exists; a PIN the card
    // cannot take is refused here, before any command is sent.
    CommandApdu verify = verifyCommand(profile);
    WipeOnExit wiped(verify.data); // the one buffer the PIN lives in, wiped on every way out
    verify.data = encodePin(pin, profile.pin);
    const Bytes digestInfo = sha256DigestInfo(digest);

    selectForPin(channel, profile);
    const std::uint16_t verifyStatus = channel.transmit(verify).sw(); // once; never resent
    wiped.wipeNow();
    checkVerifyStatus(verifyStatus);

    channel.transmitChecked({ 0x00, 0x22, 0x41, 0xB6,
        manageSecurityEnvironmentData(profile, algorithmReference), std::nullopt });

    // Le: the whole signature in one answer (extended beyond 2048-bit keys).
    const std::size_t expected = signatureLength(profile);
    Bytes signature = channel.transmitChecked({ 0x00, 0x2A, 0x9E, 0x9A, digestInfo,
        expected > CommandApdu::maxShortLe ? expected : CommandApdu::maxShortLe });
    if (signature.empty() || (expected > 0 && signature.size() != expected))
        throw CardError(CardErrc::MalformedResponse,
            "a signature of " + std::to_string(signature.size()) + " bytes for a "
                + std::to_string(profile.key.modulusLength) + "-bit key");
    return signature;
}

} // namespace smartcard
