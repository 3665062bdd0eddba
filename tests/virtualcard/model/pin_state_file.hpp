#pragma once

// The try counter kept in a file (`--state-file`), so it survives a restart of the emulator
// the way a real card's EEPROM keeps it across power cycles. One line: "tries=N".

#include "model/pin_counter.hpp"

#include <filesystem>

namespace virtualcard {

/// Sets `pin`'s tries from the file when it exists; throws std::runtime_error (naming the
/// file) when it exists but does not hold a count.
void loadPinState(const std::filesystem::path& file, PinCounter& pin);
/// Writes the count through a temporary file and a rename, so a kill never leaves half a file.
void savePinState(const std::filesystem::path& file, const PinCounter& pin);

} // namespace virtualcard
