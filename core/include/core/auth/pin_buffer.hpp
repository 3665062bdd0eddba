#pragma once

#include <array>
#include <cstddef>
#include <span>

namespace core::auth {

/// The one buffer a PIN lives in, from the keyboard to the card: fixed storage (no reallocation
/// leaves copies behind), wiped on clear() and destruction, never copied or moved, never
/// converted to a QString. Card code receives a view of it for the length of one call.
class PinBuffer {
public:
    static constexpr std::size_t capacity = 64;

    PinBuffer() = default;
    ~PinBuffer();
    PinBuffer(const PinBuffer&) = delete;
    PinBuffer& operator=(const PinBuffer&) = delete;

    /// False (and nothing stored) when the buffer is full.
    bool append(char c) noexcept;
    void removeLast() noexcept;
    void clear() noexcept;

    std::size_t size() const noexcept { return size_; }
    bool isEmpty() const noexcept { return size_ == 0; }
    std::span<const unsigned char> bytes() const noexcept;

private:
    std::array<unsigned char, capacity> storage_ {};
    std::size_t size_ = 0;
};

} // namespace core::auth
