#pragma once

#include "core/auth/pin_buffer.hpp"

#include <QString>

namespace card_cli {

/// Reads the PIN into `pin`: from the terminal with echo off (prompt on stderr) when stdin is a
/// terminal, else one line from stdin. Never from the command line. Returns false on EOF with
/// nothing read, or when the PIN does not fit the buffer.
bool readPin(core::auth::PinBuffer& pin, const QString& prompt);

} // namespace card_cli
