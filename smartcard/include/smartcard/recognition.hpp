#pragma once

#include "smartcard/cardkind.hpp"
#include "smartcard/channel.hpp"

#include <string>

namespace smartcard {

struct Recognition {
    CardKind kind = CardKind::Unknown; // MoicaGen1/MoicaGen2 here; Gca is decided by certificates
    std::string atrDescription;
    std::string hicosVersion;
};

/// Recognises a card by ATR and then by behaviour: the ATR only decides which probe runs first,
/// and a kind is reported only when the card answers that probe. Probes are SELECTs and one
/// READ BINARY of a version file — never a VERIFY.
Recognition recognizeCard(ApduChannel& channel, ByteView atr);

} // namespace smartcard
