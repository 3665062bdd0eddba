#pragma once

// Drives the card layer against the emulator's card models in-process: the same card behaviour
// the `pcsc` tests get through pcscd, without a socket, for fast unit tests of the read side.

#include "model/card.hpp"
#include "smartcard/channel.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <vector>

namespace testsupport {

class ModelTransport final : public smartcard::ApduTransport {
public:
    explicit ModelTransport(virtualcard::Card& card)
        : card_(card)
    { }

    struct Exchange {
        smartcard::Bytes command;
        smartcard::Bytes answer;
    };

    smartcard::Bytes transmitRaw(smartcard::ByteView command) override
    {
        ++count_;
        if (command.size() > 1 && command[1] == 0x20)
            ++verifies_;
        auto reply = card_.process(command);
        smartcard::Bytes answer
            = reply.yank ? smartcard::Bytes {} : reply.response; // a pulled card answers nothing
        exchanges_.push_back({ { command.begin(), command.end() }, answer });
        return answer;
    }

    std::size_t count() const { return count_; }
    std::size_t verifies() const { return verifies_; }
    /// VERIFYs in neither HiCOS protected form (gen1's 8C 20, gen2's under secure messaging).
    std::size_t plainVerifies() const
    {
        return static_cast<std::size_t>(std::ranges::count_if(exchanges_, [](const Exchange& e) {
            const auto& c = e.command;
            return c.size() >= 4 && c[1] == 0x20 && c[0] != 0x8C && c[0] != 0x04;
        }));
    }
    const std::vector<Exchange>& exchanges() const { return exchanges_; }

private:
    virtualcard::Card& card_;
    std::size_t count_ = 0;
    std::size_t verifies_ = 0;
    std::vector<Exchange> exchanges_;
};

inline std::filesystem::path testPki()
{
    const char* dir = std::getenv("SHIQIUREN_TEST_PKI");
    if (!dir || !*dir)
        throw std::runtime_error("SHIQIUREN_TEST_PKI is not set (run through ctest)");
    return dir;
}

} // namespace testsupport
