#pragma once

// --force-61xx: a decorator that withholds every response's data behind "61 xx" and hands it
// out through GET RESPONSE (00 C0 00 00 xx), the way T=0 cards do. pcscd does not resolve 61xx
// itself, so this exercises the client's own GET RESPONSE loop on the real stack.

#include "model/card.hpp"

#include <memory>

namespace virtualcard {

class ResponseChain : public Card {
public:
    ResponseChain(std::unique_ptr<Card> inner, bool enabled);

    const Bytes& atr() const override { return inner_->atr(); }
    void endSession() override;
    Reply process(ByteView command) override;
    PinCounter& pin() override { return inner_->pin(); }

private:
    Reply getResponse(ByteView command);
    /// 61 xx for what is still pending (xx = 00 means 256 or more).
    Bytes moreAvailable() const;

    std::unique_ptr<Card> inner_;
    bool enabled_;
    Bytes pending_;
    std::uint16_t finalSw_ = 0x9000;
};

} // namespace virtualcard
