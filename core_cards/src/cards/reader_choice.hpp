#pragma once

#include "smartcard/pcsc.hpp"

#include <QString>
#include <string>

namespace core::cards {

/// The reader an operation runs on: the one named, which must be connected, or — when none is
/// named — the first reader holding a card. Throws CardFailure NoReaders, ReaderNotFound, NoCard.
std::string chooseReader(smartcard::Pcsc& pcsc, const QString& requested);

} // namespace core::cards
