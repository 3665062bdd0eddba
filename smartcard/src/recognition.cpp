#include "smartcard/recognition.hpp"

#include "smartcard/atr_table.hpp"
#include "smartcard/hicos_card.hpp"
#include "smartcard/nhi_card.hpp"
#include "smartcard/pkcs15_card.hpp"

#include <array>
#include <string_view>

namespace smartcard {

namespace {

enum class Probe { HicosGen1, HicosGen2, Nhi, Pkcs15 };

std::array<Probe, 4> probeOrder(AtrHint hint)
{
    // The HiCOS probes come first whatever the ATR says: they are a SELECT and a version read,
    // harmless anywhere, while a HiCOS card taken for a PKCS#15 card would get ISO VERIFYs,
    // which cost it a try. A readable "CHT V" or the GPPKI applet settles it before that.
    switch (hint) {
    case AtrHint::HicosGen1:
        return { Probe::HicosGen1, Probe::HicosGen2, Probe::Pkcs15, Probe::Nhi };
    case AtrHint::Nhi:
        return { Probe::HicosGen2, Probe::HicosGen1, Probe::Nhi, Probe::Pkcs15 };
    case AtrHint::HicosGen2:
    case AtrHint::Hicos:
    case AtrHint::None:
        break;
    }
    return { Probe::HicosGen2, Probe::HicosGen1, Probe::Pkcs15, Probe::Nhi };
}

AtrHint hintFor(ByteView atr, const AtrEntry* entry)
{
    if (entry && entry->hint != AtrHint::None)
        return entry->hint;
    // HiCOS cards name themselves in the historical bytes even when our table misses the ATR.
    const Bytes history = atrHistoricalBytes(atr);
    const std::string_view text(reinterpret_cast<const char*>(history.data()), history.size());
    if (text.find("CHTMOICA") != std::string_view::npos)
        return AtrHint::HicosGen1;
    if (text.find("CHTGPKI") != std::string_view::npos)
        return AtrHint::HicosGen2;
    return AtrHint::None;
}

std::string joined(const std::vector<std::string>& lines)
{
    // The first line is the card's name; URLs and notes follow it in pcsc-tools' list.
    return lines.empty() ? std::string {} : lines.front();
}

} // namespace

Recognition recognizeCard(ApduChannel& channel, ByteView atr)
{
    Recognition result;
    const AtrEntry* entry = AtrTable::builtin().match(atr);
    if (entry)
        result.atrDescription = joined(entry->descriptions);

    for (const Probe probe : probeOrder(hintFor(atr, entry))) {
        switch (probe) {
        case Probe::HicosGen1:
            if (auto version = HicosCard::probeGen1Version(channel)) {
                result.kind = CardKind::MoicaGen1;
                result.hicosVersion = *version;
                return result;
            }
            break;
        case Probe::HicosGen2:
            if (HicosCard::probeGen2Applet(channel)) {
                result.kind = CardKind::MoicaGen2;
                return result;
            }
            break;
        case Probe::Nhi:
            if (NhiCard::probe(channel)) {
                result.kind = CardKind::Nhi;
                return result;
            }
            break;
        case Probe::Pkcs15:
            if (Pkcs15Card::probe(channel)) {
                result.kind = CardKind::IsoEid;
                return result;
            }
            break;
        }
    }
    return result;
}

} // namespace smartcard
