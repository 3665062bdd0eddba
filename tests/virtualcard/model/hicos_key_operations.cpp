#include "model/hicos_key_operations.hpp"

#include <algorithm>

namespace virtualcard {

namespace {

constexpr std::size_t half = 0x80;

} // namespace

HicosKeyOperations::HicosKeyOperations(
    std::string pin, std::optional<RsaKey> key, std::uint8_t signKeyReference)
    : pin_(std::move(pin))
    , key_(std::move(key))
    , signKeyReference_(signKeyReference)
{ }

Reply HicosKeyOperations::verify(PinCounter& pin, ByteView presented, const std::string& how)
{
    const bool matches = std::ranges::equal(presented, pin_);
    const std::uint16_t sw = pin.verify(matches);
    Reply r = status(sw);
    if (sw == 0x9000)
        r.events.push_back(how + ": PIN verified");
    else
        r.events.push_back(how + ": wrong PIN; tries left " + std::to_string(pin.left())
            + (pin.blocked() ? " (blocked)" : ""));
    return r;
}

Reply HicosKeyOperations::privateKey(
    const smartcard::CommandApdu& c, const PinCounter& pin, bool keyFileSelected)
{
    if (!keyFileSelected)
        return status(0x6985);
    if (!pin.verified())
        return status(0x6982);
    if (c.ins == 0xC1) {
        const std::size_t offset = static_cast<std::size_t>(c.p1 << 8 | c.p2);
        if (result_.empty() || offset >= result_.size() || !c.le)
            return status(result_.empty() ? 0x6985 : 0x6B00);
        const std::size_t n = std::min(*c.le, result_.size() - offset);
        return withData(Bytes(result_.begin() + static_cast<long>(offset),
            result_.begin() + static_cast<long>(offset + n)));
    }
    if (c.p2 != signKeyReference_ || !key_)
        return status(0x6A88);
    if (c.data.size() != half)
        return status(0x6700);
    if (c.p1 == 0x82) {
        firstHalf_ = c.data;
        result_.clear();
        return status(0x9000);
    }
    if (c.p1 != 0x02 || firstHalf_.empty())
        return status(c.p1 == 0x02 ? 0x6985 : 0x6A86);
    const Bytes block = smartcard::concat({ firstHalf_, c.data });
    firstHalf_.clear();
    try {
        result_ = key_->rawPrivate(block);
    } catch (const std::exception&) {
        return status(0x6A80); // a block the key cannot take (larger than the modulus)
    }
    Reply r = withData(Bytes(result_.begin(), result_.begin() + half));
    r.signature = true;
    r.events.push_back(
        "private-key operation with key reference " + std::to_string(signKeyReference_));
    return r;
}

void HicosKeyOperations::reset()
{
    firstHalf_.clear();
    result_.clear();
}

} // namespace virtualcard
