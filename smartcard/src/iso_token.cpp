#include "smartcard/iso_token.hpp"

#include "smartcard/errors.hpp"

namespace smartcard {

std::unique_ptr<IsoToken> IsoToken::open(CardSession session, IsoTokenOptions options)
{
    CardSession signingSession = session;
    return open(std::move(session), std::move(signingSession), std::move(options));
}

std::unique_ptr<IsoToken> IsoToken::open(
    CardSession session, CardSession signingSession, IsoTokenOptions options)
{
    IsoSigningProfile profile;
    session([&](ApduChannel& channel) { profile = readIsoSigningProfile(channel); });
    return std::unique_ptr<IsoToken>(new IsoToken(
        std::move(session), std::move(signingSession), std::move(options), std::move(profile)));
}

IsoToken::IsoToken(CardSession session, CardSession signingSession, IsoTokenOptions options,
    IsoSigningProfile profile)
    : session_(std::move(session))
    , signingSession_(std::move(signingSession))
    , options_(std::move(options))
    , profile_(std::move(profile))
{ }

PinState IsoToken::readPinState()
{
    PinState state = isoPinLimits(profile_);
    // A blocked PIN stays blocked (this client never unblocks): the card is not asked again.
    if (blocked_) {
        state.blocked = true;
        state.triesLeft = 0;
        state.source = PinSource::Card;
        return state;
    }
    // Not asked either: a card whose status query is not known to be free, and a card that
    // answered this token's last VERIFY with one try left. The caller must confirm before
    // anything more is sent; the count cannot have gone lower except to blocked, which the
    // confirmed VERIFY then reports at no cost.
    if (!options_.statusQuerySafe || lastTriesLeft_ == 1) {
        if (lastTriesLeft_) {
            state.triesLeft = lastTriesLeft_;
            state.source = PinSource::Card;
        }
        return state;
    }
    session_([&](ApduChannel& channel) { state = queryIsoPinState(channel, profile_); });
    blocked_ = state.blocked;
    return state;
}

Bytes IsoToken::verifyAndSignOnce(ByteView pin, ByteView digest, SignatureAlgorithm algorithm)
{
    switch (algorithm) {
    case SignatureAlgorithm::RsaPkcs1Sha256:
        break; // the only one a PSO over a SHA-256 DigestInfo produces
    }
    Bytes signature;
    try {
        signingSession_([&](ApduChannel& channel) {
            signature
                = isoVerifyAndSign(channel, profile_, pin, digest, options_.algorithmReference);
        });
    } catch (const CardError& error) {
        remember(error);
        throw;
    }
    lastTriesLeft_.reset(); // a right PIN restored the counter
    return signature;
}

void IsoToken::remember(const CardError& error)
{
    if (error.code() == CardErrc::AuthenticationBlocked)
        blocked_ = true;
    else if (error.code() == CardErrc::PinIncorrect)
        lastTriesLeft_ = error.triesLeft();
}

} // namespace smartcard
