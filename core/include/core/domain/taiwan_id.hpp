#pragma once

#include <QString>

namespace core::domain {

/// A 身分證統一編號 (letter + 1/2 + 8 digits) or a new-format 居留證 number (letter + 8/9 +
/// 8 digits), checksum included. Uppercase only: callers normalise what a clerk types.
bool isValidTaiwanId(const QString& id);

} // namespace core::domain
