#include "smartcard/token_factory.hpp"

#include "smartcard/errors.hpp"
#include "smartcard/hicos_token.hpp"
#include "smartcard/iso_token.hpp"
#include "smartcard/pkcs11_token.hpp"

#include <cstdlib>

namespace smartcard {

namespace {

bool moduleConfigured(const TokenOptions& options)
{
    const char* fromEnvironment = std::getenv("SHIQIUREN_PKCS11_MODULE");
    return !options.pkcs11Module.empty() || (fromEnvironment && *fromEnvironment);
}

// The gen1 protocol is known for the T7S chip, whose version file says "CHT V32".
bool knownGen1(const CardInfo& card)
{
    return card.version.find("V32") != std::string::npos;
}

} // namespace

SigningRoute signingRoute(const CardInfo& card, const TokenOptions& options)
{
    switch (card.kind) {
    case CardKind::MoicaGen1:
    case CardKind::MoicaGen2:
    case CardKind::Gca: {
        if (moduleConfigured(options))
            return { SigningPath::Module, "module-configured" };
        if (card.hicosGeneration == HicosGeneration::Gen2)
            return { SigningPath::Direct, "hicos-gen2" };
        if (card.hicosGeneration == HicosGeneration::Gen1 && knownGen1(card))
            return { SigningPath::Direct, "hicos-gen1" };
        return { SigningPath::Module, "hicos-variant-unknown" };
    }
    case CardKind::IsoEid:
        return { SigningPath::Direct, "pkcs15" };
    case CardKind::Nhi:
    case CardKind::Unknown:
        break;
    }
    return { SigningPath::None, "no-key" };
}

std::unique_ptr<Token> openToken(
    Pcsc& pcsc, const std::string& reader, const CardInfo& card, const TokenOptions& options)
{
    const SigningRoute route = signingRoute(card, options);
    if (route.path == SigningPath::None)
        throw CardError(CardErrc::UnsupportedCard, "this card has no signing key");
    if (card.kind == CardKind::IsoEid)
        // ISO 7816-4 defines an empty VERIFY as a status query on standards-based cards.
        return IsoToken::open(
            pcsc, reader, IsoTokenOptions { .statusQuerySafe = true, .trace = options.trace });

    const CardCertificate* signing = card.signingCertificate();
    if (!signing)
        throw CardError(CardErrc::MalformedData, "the card holds no signing certificate");
    if (route.path == SigningPath::Module)
        return Pkcs11Token::open(signing->der, options.pkcs11Module);
    return HicosToken::open(pcsc, reader, *card.hicosGeneration, *signing, options.trace);
}

} // namespace smartcard
