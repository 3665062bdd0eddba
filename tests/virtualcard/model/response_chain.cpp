#include "model/response_chain.hpp"

#include "smartcard/apdu.hpp"

#include <algorithm>

namespace virtualcard {

ResponseChain::ResponseChain(std::unique_ptr<Card> inner, bool enabled)
    : inner_(std::move(inner))
    , enabled_(enabled)
{ }

void ResponseChain::endSession()
{
    pending_.clear();
    inner_->endSession();
}

Bytes ResponseChain::moreAvailable() const
{
    return { 0x61, static_cast<std::uint8_t>(std::min<std::size_t>(pending_.size(), 256) & 0xFF) };
}

Reply ResponseChain::getResponse(ByteView command)
{
    std::size_t le = 0;
    try {
        const auto parsed = smartcard::CommandApdu::parse(command);
        if (!parsed.le || !parsed.data.empty() || parsed.p1 != 0 || parsed.p2 != 0)
            return status(0x6700);
        le = *parsed.le;
    } catch (const std::exception&) {
        return status(0x6700);
    }
    if (pending_.empty())
        return status(0x6985); // nothing to hand out
    const std::size_t n = std::min(le, pending_.size());
    Reply r;
    r.response.assign(pending_.begin(), pending_.begin() + static_cast<long>(n));
    pending_.erase(pending_.begin(), pending_.begin() + static_cast<long>(n));
    const Bytes tail = pending_.empty() ? Bytes { static_cast<std::uint8_t>(finalSw_ >> 8),
        static_cast<std::uint8_t>(finalSw_ & 0xFF) }
                                        : moreAvailable();
    r.response.insert(r.response.end(), tail.begin(), tail.end());
    return r;
}

Reply ResponseChain::process(ByteView command)
{
    if (!enabled_)
        return inner_->process(command);
    if (command.size() >= 4 && command[1] == 0xC0)
        return getResponse(command);
    pending_.clear(); // any other command discards what was not fetched
    Reply r = inner_->process(command);
    if (r.yank || r.response.size() <= 2)
        return r;
    finalSw_ = swOf(r);
    pending_.assign(r.response.begin(), r.response.end() - 2);
    r.response = moreAvailable();
    return r;
}

} // namespace virtualcard
