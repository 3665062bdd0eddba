#pragma once

// Builds the personality the options ask for, reading the PKI it needs.

#include "app/options.hpp"
#include "model/card.hpp"

#include <memory>

namespace virtualcard {

/// Throws std::exception with a message naming the problem (missing PKI file, bad NHI data...).
std::unique_ptr<Card> makeCard(const Options& options);

} // namespace virtualcard
