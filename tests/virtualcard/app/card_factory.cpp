#include "app/card_factory.hpp"

#include "model/eid_card.hpp"
#include "model/moica_card.hpp"
#include "model/nhi_card.hpp"
#include "model/pki_files.hpp"
#include "model/response_chain.hpp"

namespace virtualcard {

namespace {

std::unique_ptr<Card> makeMoica(const Options& o)
{
    MoicaConfig config;
    config.certificates.root = readCertificate(o.pki, "grca");
    config.certificates.ca = readCertificate(o.pki, "moica-ca");
    config.certificates.encryption = readCertificate(o.pki, "citizen-enc");
    config.certificates.signature = readCertificate(o.pki, "citizen-sign");
    config.bits.encryptionBits = certificateRsaBits(config.certificates.encryption);
    config.bits.signatureBits = certificateRsaBits(config.certificates.signature);
    config.cardNumber = o.cardNumber;
    config.tries = o.tries;
    config.atr = o.atr;
    config.contactless = o.contactless;
    config.pin = o.pin;
    config.signingKey = readMatchingKey(o.pki, "citizen-sign", config.certificates.signature);
    if (o.personality == "moica-gen2")
        return std::make_unique<MoicaGen2Card>(config);
    config.layout = o.personality == "moica-gen1-shuffled" ? hicos::Layout::Shuffled
                                                           : hicos::Layout::Faithful;
    return std::make_unique<MoicaGen1Card>(config);
}

std::unique_ptr<Card> makeEid(const Options& o)
{
    EidConfig config;
    config.signCertificate = readCertificate(o.pki, "citizen-sign");
    config.caCertificate = readCertificate(o.pki, "moica-ca");
    config.pin = o.pin;
    config.tries = o.tries;
    config.serialNumber = o.cardNumber;
    config.wrongLe6c = o.wrongLe6c;
    config.utf8Pin = o.utf8Pin;
    return std::make_unique<EidCard>(
        config, readMatchingKey(o.pki, "citizen-sign", config.signCertificate));
}

} // namespace

std::unique_ptr<Card> makeCard(const Options& o)
{
    std::unique_ptr<Card> card;
    if (o.personality.starts_with("moica-"))
        card = makeMoica(o);
    else if (o.personality == "iso-eid")
        card = makeEid(o);
    else
        card = std::make_unique<NhiCard>(o.nhi, o.tries);
    return std::make_unique<ResponseChain>(std::move(card), o.force61xx);
}

} // namespace virtualcard
