#pragma once

#include <string_view>

namespace smartcard {

/// Whether a card's own text (TokenInfo manufacturer or label, an EF.DIR application label)
/// names Chunghwa Telecom or its HiCOS chips: "Chunghwa", "CHT", "HiCOS" or "中華電信", in any
/// case. Such a card takes its PIN only in the HiCOS protected forms, so it must never be
/// handled as a standards-based card, whose PIN goes in a plain VERIFY.
bool namesHicosVendor(std::string_view text) noexcept;

} // namespace smartcard
