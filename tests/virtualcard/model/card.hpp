#pragma once

// What every personality offers the wire loop: an ATR, power handling and one reply per C-APDU.

#include "model/pin_counter.hpp"
#include "smartcard/bytes.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace virtualcard {

using smartcard::Bytes;
using smartcard::ByteView;

struct Reply {
    Bytes response; // data || SW1 SW2; empty when `yank`
    bool yank = false; // test hook: close the connection without answering
    bool signature = false; // a signature was produced (for `stats`)
    bool plainVerify = false; // a VERIFY not in the card's protected form (for `stats`)
    std::vector<std::string> events; // what the card did, for the log (never secrets)
};

Reply status(std::uint16_t sw);
Reply withData(Bytes data, std::uint16_t sw = 0x9000);
/// Status word of a well-formed reply (0 when yanked or shorter than two bytes).
std::uint16_t swOf(const Reply& reply);

class Card {
public:
    virtual ~Card() = default;

    virtual const Bytes& atr() const = 0;
    /// Power off (vpcd 00), reset (02) and removal all end the security session and
    /// reset the selection.
    virtual void endSession() = 0;
    virtual Reply process(ByteView command) = 0;
    virtual PinCounter& pin() = 0;
};

/// The "yank the card mid-command" test APDU: 80 EE 00 00 (`allowCla00` also takes 00 EE).
bool isYankHook(ByteView command, bool allowCla00);
Reply yank();

} // namespace virtualcard
