#include "model/pin_counter.hpp"

#include <algorithm>
#include <stdexcept>

namespace virtualcard {

namespace {
int checked(int tries)
{
    if (tries < 0 || tries > PinCounter::maxSupported)
        throw std::invalid_argument("tries must be 0..15");
    return tries;
}
} // namespace

PinCounter::PinCounter(int maxTries)
    : max_(checked(maxTries))
    , left_(maxTries)
{ }

std::uint16_t PinCounter::triesStatus() const
{
    return left_ == 0 ? 0x6983 : static_cast<std::uint16_t>(0x63C0 | left_);
}

std::uint16_t PinCounter::verify(bool pinMatches)
{
    if (blocked())
        return 0x6983;
    if (pinMatches) {
        left_ = max_;
        verified_ = true;
        return 0x9000;
    }
    // A failed attempt also ends an earlier successful verification.
    verified_ = false;
    --left_;
    return triesStatus();
}

std::uint16_t PinCounter::status() const
{
    return verified_ ? 0x9000 : triesStatus();
}

std::uint16_t PinCounter::burn()
{
    verified_ = false;
    left_ = std::max(0, left_ - 1);
    return left_ == 0 ? 0x6983 : 0x6982;
}

void PinCounter::setLeft(int left)
{
    left_ = checked(left);
    max_ = std::max(max_, left_);
    if (left_ == 0)
        verified_ = false;
}

} // namespace virtualcard
