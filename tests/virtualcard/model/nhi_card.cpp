#include "model/nhi_card.hpp"

#include "model/atr.hpp"
#include "smartcard/apdu.hpp"

#include <algorithm>

namespace virtualcard {

NhiCard::NhiCard(const nhi::Holder& holder, int tries)
    : atr_(atr::nhi())
    , record_(nhi::record(holder))
    , pin_(tries)
{ }

Bytes NhiCard::basicDataAid()
{
    return smartcard::fromHex("D1 58 00 00 01 00 00 00 00 00 00 00 00 00 11 00");
}

Reply NhiCard::process(ByteView command)
{
    smartcard::CommandApdu c;
    try {
        c = smartcard::CommandApdu::parse(command);
    } catch (const std::exception&) {
        return status(0x6700);
    }
    if (c.cla != 0x00)
        return status(0x6E00);
    if (c.ins == 0xA4) {
        if (c.p1 != 0x04 || (c.p2 != 0x00 && c.p2 != 0x0C))
            return status(0x6A82); // the card only knows its applications by AID
        selected_ = std::ranges::equal(c.data, basicDataAid());
        return status(selected_ ? 0x9000 : 0x6A82);
    }
    if (c.ins == 0xCA) {
        if (c.p1 != 0x11 || c.p2 != 0x00)
            return status(0x6A88);
        if (!selected_)
            return status(0x6985);
        return withData(record_);
    }
    return status(0x6D00);
}

} // namespace virtualcard
