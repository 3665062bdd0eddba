#pragma once

// What both HiCOS generations do once a PIN has reached them in their protected form: compare
// it and count the try, and the proprietary private-key operation (80 EA 82 / 80 EA 02 / 80 C1)
// on a host-padded 256-byte block with the key the PrKDF names. The generations differ only
// in how the commands travel (gen1 plain, gen2 inside SCP03).

#include "model/card.hpp"
#include "model/pin_counter.hpp"
#include "model/rsa_key.hpp"
#include "smartcard/apdu.hpp"

#include <optional>
#include <string>

namespace virtualcard {

class HicosKeyOperations {
public:
    /// `pin`: the card's PIN, letters allowed. `key`: the SIGN key (none: EA answers 6A88).
    HicosKeyOperations(std::string pin, std::optional<RsaKey> key, std::uint8_t signKeyReference);

    /// The PIN the protected VERIFY carried, without its FF filler: 9000 and the counter back
    /// to its maximum, 63Cx, or 6983 once blocked (then even the right PIN is refused).
    Reply verify(PinCounter& pin, ByteView presented, const std::string& how);
    /// EA (both halves) and C1. `keyFileSelected`: EF 0810 is the current file.
    Reply privateKey(
        const smartcard::CommandApdu& command, const PinCounter& pin, bool keyFileSelected);
    /// Power off, reset, removal: the half-done operation is gone.
    void reset();

private:
    std::string pin_;
    std::optional<RsaKey> key_;
    std::uint8_t signKeyReference_;
    smartcard::Bytes firstHalf_;
    smartcard::Bytes result_;
};

} // namespace virtualcard
