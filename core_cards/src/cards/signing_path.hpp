#pragma once

#include "smartcard/token_factory.hpp"

#include <QString>

namespace core::cards {

/// "direct", "module" or "none": how a card signs, in the words the JSON and the texts use.
QString signingPathName(smartcard::SigningPath path);

} // namespace core::cards
