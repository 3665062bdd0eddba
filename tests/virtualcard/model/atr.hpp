#pragma once

// The answers-to-reset the personalities present. pcscd parses these to pick T=0/T=1, so the
// check byte must be right whenever a protocol other than T=0 is announced.

#include "smartcard/bytes.hpp"

#include <string_view>

namespace virtualcard::atr {

using smartcard::Bytes;
using smartcard::ByteView;

/// TCK: XOR of every byte from T0 to the last historical byte (ISO 7816-3 §8.2.5).
std::uint8_t checkByte(ByteView atrWithoutTck);
/// True when T0..TCK XOR to zero.
bool checkByteValid(ByteView atr);

/// HiCOS gen1 citizen card as listed in pcsc-tools (historical bytes "CHTMOICA").
Bytes moicaGen1();
/// HiCOS gen2 citizen card, contact interface, as listed in pcsc-tools (historical bytes
/// "CHTGPKIJ"; TD1 81, so T=1).
Bytes moicaGen2();
/// The MOICA card read through a contactless reader: the PC/SC pseudo-ATR pcsc-tools lists for
/// it (no "CHT" in it, so only behaviour tells the card apart).
Bytes moicaContactless();
/// NHI card (historical bytes "PVJCOP4SID"), a real ATR from the pcsc-tools list.
Bytes nhi();
/// Our own T=1 card: TA1 18, TC1 00, TD1 81 (T=1), TD2 31, TA3 FE (IFSC), TB3 45 (BWI/CWI),
/// historical bytes "SQR-EID-01", TCK computed.
Bytes isoEid();

} // namespace virtualcard::atr
