#pragma once

#include "smartcard/card_contents.hpp"
#include "smartcard/pcsc.hpp"
#include "smartcard/token.hpp"

#include <memory>
#include <string>

namespace smartcard {

struct TokenOptions {
    std::string pkcs11Module; // configured module path; empty = environment, then vendor names
};

/// The signing token for a card already read with readCardInfo(): HiCOS cards (自然人憑證,
/// 機關憑證) sign through the vendor's PKCS#11 module — their PIN transport is the vendor's, so
/// nothing here ever sends them a VERIFY; PKCS#15 cards sign directly over PC/SC. Throws
/// CardError: UnsupportedCard (NHI, unknown), ModuleNotFound (naming every path tried),
/// KeyNotFound, or MalformedData when the card holds no signing certificate.
std::unique_ptr<Token> openToken(
    Pcsc& pcsc, const std::string& reader, const CardInfo& card, const TokenOptions& options = {});

} // namespace smartcard
