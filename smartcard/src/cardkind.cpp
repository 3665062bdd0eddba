#include "smartcard/cardkind.hpp"

#include <array>
#include <utility>

namespace smartcard {

namespace {
constexpr std::array<std::pair<CardKind, std::string_view>, 6> names { {
    { CardKind::MoicaGen1, "moica-gen1" },
    { CardKind::MoicaGen2, "moica-gen2" },
    { CardKind::Gca, "gca" },
    { CardKind::Nhi, "nhi" },
    { CardKind::IsoEid, "iso-eid" },
    { CardKind::Unknown, "unknown" },
} };
} // namespace

std::string_view cardKindName(CardKind kind) noexcept
{
    for (const auto& [k, name] : names)
        if (k == kind)
            return name;
    return "unknown";
}

std::optional<CardKind> cardKindFromName(std::string_view name) noexcept
{
    for (const auto& [k, n] : names)
        if (n == name)
            return k;
    return std::nullopt;
}

} // namespace smartcard
