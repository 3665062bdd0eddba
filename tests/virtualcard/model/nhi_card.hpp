#pragma once

// NHI card (健保卡): SELECT of the basic-data AID, then GET DATA for the 57-byte record.
// No PIN and no key; anything else is 6D00 (unknown INS) or 6A82 (unknown AID).

#include "model/card.hpp"
#include "model/nhi_record.hpp"

namespace virtualcard {

class NhiCard : public Card {
public:
    /// Throws std::invalid_argument when the holder data does not fit the record.
    NhiCard(const nhi::Holder& holder, int tries);

    const Bytes& atr() const override { return atr_; }
    void endSession() override { selected_ = false; }
    Reply process(ByteView command) override;
    PinCounter& pin() override { return pin_; }

    /// D1 58 00 00 01 00 00 00 00 00 00 00 00 00 11 00.
    static Bytes basicDataAid();

private:
    Bytes atr_;
    Bytes record_;
    PinCounter pin_; // unused by the card; keeps `stats`/`set-tries` uniform
    bool selected_ = false;
};

} // namespace virtualcard
