#pragma once

#include <optional>
#include <string_view>

namespace smartcard {

/// The card families the client tells apart.
enum class CardKind {
    MoicaGen1, // HiCOS gen1: 自然人憑證 (and 工商憑證, same chip family)
    MoicaGen2, // HiCOS gen2: the GlobalPlatform PKI applet
    Gca, // 機關憑證: a HiCOS card whose certificates come from the GCA
    Nhi, // 健保卡: identity display only, no key
    IsoEid, // a standards-based PKCS#15 (ISO/IEC 7816-15) card
    Unknown,
};

/// The two HiCOS chip generations, which differ in everything from SELECT to the PIN path; a
/// 機關憑證 (Gca) is either.
enum class HicosGeneration {
    Gen1, // "CHT V32" version file under the MF, CLA 80
    Gen2, // the GPPKI applet, CLA 00, secure messaging for the PIN
};

/// Stable identifiers used on the command line and in JSON: "moica-gen1", "nhi", ...
std::string_view cardKindName(CardKind kind) noexcept;
std::optional<CardKind> cardKindFromName(std::string_view name) noexcept;

} // namespace smartcard
