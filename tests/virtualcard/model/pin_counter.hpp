#pragma once

// The PIN retry counter and the per-session "verified" flag. The counter lives as long as the
// emulator process (like the card's EEPROM); the flag dies with power off / reset.

#include <cstdint>

namespace virtualcard {

class PinCounter {
public:
    static constexpr int maxSupported = 15; // 63Cx carries the count in one nibble

    explicit PinCounter(int maxTries);

    int left() const { return left_; }
    int max() const { return max_; }
    bool blocked() const { return left_ == 0; }
    bool verified() const { return verified_; }

    /// One VERIFY with data. Blocked: 6983, nothing changes (even for the right PIN).
    /// Right: 9000, counter back to max. Wrong: one try used, 63Cx, or 6983 at zero.
    std::uint16_t verify(bool pinMatches);
    /// VERIFY without data: 9000 when verified this session, else 63Cx / 6983; uses no try.
    std::uint16_t status() const;
    /// A rejected VERIFY that still costs a try (HiCOS gen1 plain VERIFY): 6982, or 6983 once
    /// the counter is at zero.
    std::uint16_t burn();

    /// Test hook (control socket `set-tries`): tries left; raises max when above it.
    void setLeft(int left);
    void endSession() { verified_ = false; }

private:
    std::uint16_t triesStatus() const;

    int max_;
    int left_;
    bool verified_ = false;
};

} // namespace virtualcard
