#pragma once

#include "smartcard/card_contents.hpp"
#include "smartcard/channel.hpp"
#include "smartcard/pcsc.hpp"
#include "smartcard/token.hpp"

#include <memory>
#include <string>

namespace smartcard {

struct TokenOptions {
    std::string pkcs11Module; // configured module path; empty = environment, then vendor names
    ApduChannel::TraceSink trace; // redacted APDU trace of the tokens that talk to the card
};

/// How a card's login signature is made.
enum class SigningPath {
    Direct, // over PC/SC by this program: PKCS#15 cards, HiCOS gen1 ("CHT V32") and gen2
    Module, // through a PKCS#11 module: configured, or the only way for another HiCOS variant
    None, // the card cannot sign (NHI, unknown)
};

struct SigningRoute {
    SigningPath path = SigningPath::None;
    /// Why, as a stable code: "pkcs15", "hicos-gen1", "hicos-gen2", "module-configured",
    /// "hicos-variant-unknown", "no-key".
    std::string reason;
};

/// The path openToken() takes for `card`: a configured module (`options.pkcs11Module` or
/// SHIQIUREN_PKCS11_MODULE) wins for HiCOS cards; otherwise gen1 and gen2 sign directly, and a
/// HiCOS card of another version only through the vendor's module, because nothing that could
/// spend one of its tries may be sent to a card whose protocol is not known.
SigningRoute signingRoute(const CardInfo& card, const TokenOptions& options = {});

/// The signing token for a card already read with readCardInfo(), along signingRoute(): HiCOS
/// and PKCS#15 cards directly over PC/SC, or the PKCS#11 module. Throws CardError:
/// UnsupportedCard (NHI, unknown), ModuleNotFound (naming every path tried), KeyNotFound, or
/// MalformedData when the card holds no signing certificate.
std::unique_ptr<Token> openToken(
    Pcsc& pcsc, const std::string& reader, const CardInfo& card, const TokenOptions& options = {});

} // namespace smartcard
