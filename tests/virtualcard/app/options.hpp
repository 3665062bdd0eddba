#pragma once

// Command line of the virtual-card program.

#include "model/nhi_record.hpp"
#include "smartcard/bytes.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>

namespace virtualcard {

struct Options {
    std::string personality; // moica-gen1 | moica-gen1-shuffled | moica-gen2 | iso-eid | nhi
    std::filesystem::path pki;
    std::string host = "127.0.0.1";
    std::uint16_t port = 35963;
    std::string pin = "123456";
    int tries = 3;
    std::string logPath;
    std::string statePath; // --state-file: the try counter survives a restart
    std::string controlPath;
    std::string cardNumber = "TP03000000012345";
    int delayMs = 0;
    bool force61xx = false;
    bool wrongLe6c = false;
    std::optional<smartcard::Bytes> atr; // --atr: another ATR than the personality's own
    bool utf8Pin = false; // iso-eid: --pin-type utf8
    bool contactless = false; // moica-gen2 behind a contactless reader's pseudo-ATR
    nhi::Holder nhi;
};

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Throws UsageError (message fit for stderr) on anything unusable; `--help` throws with the
/// usage text and `help` set.
Options parseOptions(int argc, char** argv, bool& help);
std::string usageText();

} // namespace virtualcard
