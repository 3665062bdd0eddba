#pragma once

#include "core/cards/card_failure.hpp"
#include "smartcard/errors.hpp"

namespace core::cards {

/// The one place where the card layer's typed errors become core's outcome.
CardFailure toCardFailure(const smartcard::CardError& error);

} // namespace core::cards
