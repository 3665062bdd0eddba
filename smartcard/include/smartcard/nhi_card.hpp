#pragma once

#include "smartcard/card_contents.hpp"
#include "smartcard/channel.hpp"

namespace smartcard {

/// 健保卡 (NHI card) basic data: two plain APDUs, no PIN. Identity display only — the data can
/// be copied, so it never authenticates anyone.
class NhiCard {
public:
    static constexpr std::size_t recordLength = 57;

    explicit NhiCard(ApduChannel& channel);

    /// SELECT of the NHI application; false when the card refuses it (not an NHI card).
    static bool probe(ApduChannel& channel);
    NhiBasicData readBasicData();

private:
    ApduChannel& channel_;
};

/// Decodes the 57-byte record; throws CardError(MalformedData) on a wrong size or bad fields.
NhiBasicData parseNhiBasicData(ByteView record);
/// Big5 (with HKSCS where available) → UTF-8; throws CardError(MalformedData) on invalid input.
std::string big5ToUtf8(ByteView big5);

} // namespace smartcard
