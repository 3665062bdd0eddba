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

/// Recognises a card by behaviour, the ATR only ordering the probes: the HiCOS probes (the gen2
/// applet SELECT, the gen1 "CHT V" version read) always run before the PKCS#15 and NHI ones, and
/// a kind is reported only when the card answers its probe. Probes are SELECTs and READ
/// BINARYs — never a VERIFY.
Recognition recognizeCard(ApduChannel& channel, ByteView atr);

} // namespace smartcard
