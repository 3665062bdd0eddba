#pragma once

// Drives the card layer against the emulator's card models in-process: the same card behaviour
// the `pcsc` tests get through pcscd, without a socket, for fast unit tests of the read side.

#include "model/card.hpp"
#include "smartcard/channel.hpp"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace testsupport {

class ModelTransport final : public smartcard::ApduTransport {
public:
    explicit ModelTransport(virtualcard::Card& card)
        : card_(card)
    { }

    smartcard::Bytes transmitRaw(smartcard::ByteView command) override
    {
        ++count_;
        if (command.size() > 1 && command[1] == 0x20)
            ++verifies_;
        auto reply = card_.process(command);
        return reply.yank ? smartcard::Bytes {} : reply.response; // a pulled card answers nothing
    }

    std::size_t count() const { return count_; }
    std::size_t verifies() const { return verifies_; }

private:
    virtualcard::Card& card_;
    std::size_t count_ = 0;
    std::size_t verifies_ = 0;
};

inline std::filesystem::path testPki()
{
    const char* dir = std::getenv("SHIQIUREN_TEST_PKI");
    if (!dir || !*dir)
        throw std::runtime_error("SHIQIUREN_TEST_PKI is not set (run through ctest)");
    return dir;
}

} // namespace testsupport
