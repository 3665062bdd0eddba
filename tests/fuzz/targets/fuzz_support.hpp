#pragma once

// What every fuzz target shares: the input as bytes, a split into parts, and a scripted card
// that answers each command with the next piece of the input.

#include "smartcard/channel.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace fuzzing {

using smartcard::Bytes;
using smartcard::ByteView;

/// Takes the input in pieces: a length byte, then that many bytes (or what is left).
class Pieces {
public:
    Pieces(const std::uint8_t* data, std::size_t size)
        : rest_(data, size)
    { }

    bool empty() const { return rest_.empty(); }
    Bytes next()
    {
        if (rest_.empty())
            return {};
        const std::size_t want = rest_[0];
        rest_ = rest_.subspan(1);
        const std::size_t n = want < rest_.size() ? want : rest_.size();
        Bytes piece(rest_.begin(), rest_.begin() + static_cast<long>(n));
        rest_ = rest_.subspan(n);
        return piece;
    }
    std::uint8_t byte() { return rest_.empty() ? 0 : next1(); }

private:
    std::uint8_t next1()
    {
        const std::uint8_t b = rest_[0];
        rest_ = rest_.subspan(1);
        return b;
    }
    ByteView rest_;
};

/// A card whose every answer is the next piece of the input; an empty piece is a card that
/// vanished (fewer than two bytes back).
class ScriptedCard final : public smartcard::ApduTransport {
public:
    explicit ScriptedCard(Pieces& pieces)
        : pieces_(pieces)
    { }
    Bytes transmitRaw(ByteView) override
    {
        // Bound the conversation: a target must end, whatever the card says.
        if (++exchanges_ > 400)
            return {};
        return pieces_.next();
    }

private:
    Pieces& pieces_;
    int exchanges_ = 0;
};

} // namespace fuzzing
