#pragma once

#include "smartcard/card_contents.hpp"
#include "smartcard/certificate_cache.hpp"
#include "smartcard/channel.hpp"

#include <string>

namespace smartcard {

/// Reads what a card shows without a PIN: recognition, card number, certificates (classified
/// by their contents), NHI basic data. Runs inside the caller's single transaction. With a cache,
/// certificates already seen for this card number and directory are not read again.
CardInfo readCardInfo(ApduChannel& channel, const std::string& reader, ByteView atr,
    CertificateCache* cache = nullptr);

} // namespace smartcard
