#pragma once

// What the HiCOS card models share inside the model library (not part of its interface).

#include "smartcard/apdu.hpp"

#include <cstdint>
#include <optional>

namespace virtualcard::hicos {

inline constexpr std::uint16_t infoDf = 0x0900;
inline constexpr std::uint16_t pkiDf = 0x5030;
inline constexpr std::uint16_t keyFile = 0x0810;

/// The command, or nullopt for bytes that are no APDU (the models answer 6700).
std::optional<smartcard::CommandApdu> parseCommand(smartcard::ByteView command);

} // namespace virtualcard::hicos
