#include "smartcard/hicos_token.hpp"

namespace smartcard {

std::unique_ptr<HicosToken> HicosToken::open(CardSession read, CardSession signingSession,
    HicosGeneration generation, const CardCertificate& signing)
{
    HicosSigningProfile profile;
    read([&](ApduChannel& channel) {
        profile = readHicosSigningProfile(channel, generation, signing);
    });
    return std::unique_ptr<HicosToken>(
        new HicosToken(std::move(signingSession), std::move(profile)));
}

HicosToken::HicosToken(CardSession signingSession, HicosSigningProfile profile)
    : signingSession_(std::move(signingSession))
    , profile_(std::move(profile))
{ }

PinState HicosToken::readPinState()
{
    PinState state = hicosPinLimits();
    if (blocked_) {
        state.blocked = true;
        state.triesLeft = 0;
        state.source = PinSource::Card;
    } else if (lastTriesLeft_) {
        state.triesLeft = lastTriesLeft_;
        state.countLow = true;
        state.source = PinSource::Card;
    }
    return state;
}

Bytes HicosToken::verifyAndSignOnce(ByteView pin, ByteView digest, SignatureAlgorithm algorithm)
{
    switch (algorithm) {
    case SignatureAlgorithm::RsaPkcs1Sha256:
        break; // the host builds the PKCS#1 v1.5 block; the card applies its raw key
    }
    Bytes signature;
    try {
        signingSession_([&](ApduChannel& channel) {
            signature = hicosVerifyAndSign(channel, profile_, pin, digest);
        });
    } catch (const CardError& error) {
        if (error.code() == CardErrc::AuthenticationBlocked)
            blocked_ = true;
        else if (error.code() == CardErrc::PinIncorrect)
            lastTriesLeft_ = error.triesLeft();
        throw;
    }
    lastTriesLeft_.reset(); // a right PIN restored the counter
    return signature;
}

} // namespace smartcard
