#include "smartcard/token_factory.hpp"

#include "smartcard/errors.hpp"
#include "smartcard/iso_token.hpp"
#include "smartcard/pkcs11_token.hpp"

namespace smartcard {

std::unique_ptr<Token> openToken(
    Pcsc& pcsc, const std::string& reader, const CardInfo& card, const TokenOptions& options)
{
    switch (card.kind) {
    case CardKind::MoicaGen1:
    case CardKind::MoicaGen2:
    case CardKind::Gca: {
        // HiCOS: the vendor's module holds the PIN transport; we only hand it the certificate.
        const CardCertificate* signing = card.signingCertificate();
        if (!signing)
            throw CardError(CardErrc::MalformedData, "the card holds no signing certificate");
        return Pkcs11Token::open(signing->der, options.pkcs11Module);
    }
    case CardKind::IsoEid:
        // ISO 7816-4 defines an empty VERIFY as a status query on standards-based cards.
        return IsoToken::open(pcsc, reader, IsoTokenOptions { .statusQuerySafe = true });
    case CardKind::Nhi:
    case CardKind::Unknown:
        break;
    }
    throw CardError(CardErrc::UnsupportedCard, "this card has no signing key");
}

} // namespace smartcard
