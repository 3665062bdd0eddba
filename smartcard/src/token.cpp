#include "smartcard/token.hpp"

#include "smartcard/errors.hpp"

#include <algorithm>
#include <string>

namespace smartcard {

std::string_view pinSourceName(PinSource source) noexcept
{
    switch (source) {
    case PinSource::Card:
        return "card";
    case PinSource::Module:
        return "module";
    case PinSource::Ledger:
        return "ledger";
    case PinSource::Unknown:
        break;
    }
    return "unknown";
}

PinState Token::pinState()
{
    return readPinState();
}

Bytes Token::verifyAndSign(
    ByteView pin, ByteView digest, SignatureAlgorithm algorithm, bool confirmLastTry)
{
    if (algorithm == SignatureAlgorithm::RsaPkcs1Sha256 && digest.size() != 32)
        throw CardError(CardErrc::InvalidArgument, "an RS256 digest is 32 bytes");

    const PinState state = readPinState();
    if (state.blocked || state.triesLeft == 0)
        throw CardError(CardErrc::AuthenticationBlocked, "the PIN is blocked; nothing was sent", 0);
    // The length is checked here, before anything reaches the card: a length error burns no try.
    if ((state.minLength > 0 && pin.size() < static_cast<std::size_t>(state.minLength))
        || (state.maxLength > 0 && pin.size() > static_cast<std::size_t>(state.maxLength)))
        throw CardError(CardErrc::PinLengthInvalid,
            "the PIN must be " + std::to_string(state.minLength) + " to "
                + std::to_string(state.maxLength) + " characters; nothing was sent");
    const auto allowed = [&](std::uint8_t c) {
        const bool digit = c >= '0' && c <= '9';
        const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        return digit || (letter && state.lettersAllowed);
    };
    if (!std::ranges::all_of(pin, allowed))
        throw CardError(CardErrc::PinCharactersInvalid,
            state.lettersAllowed ? "the PIN holds letters and digits only; nothing was sent"
                                 : "this card's PIN is digits only; nothing was sent");
    if (state.triesLeft == 1 && !confirmLastTry)
        throw CardError(CardErrc::LastTryNeedsConfirmation,
            "one try left: confirm before the last try; nothing was sent", 1);
    return verifyAndSignOnce(pin, digest, algorithm);
}

Bytes sha256DigestInfo(ByteView digest)
{
    static const Bytes prefix = fromHex("3031300D060960864801650304020105000420");
    if (digest.size() != 32)
        throw CardError(CardErrc::InvalidArgument, "a SHA-256 digest is 32 bytes");
    return concat({ prefix, digest });
}

} // namespace smartcard
