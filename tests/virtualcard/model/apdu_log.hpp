#pragma once

// The emulator's log: one line per APDU in each direction plus EVENT lines, each prefixed with
// the milliseconds since start. PIN-bearing commands (INS 20 VERIFY, 24 CHANGE REFERENCE DATA,
// 2C RESET RETRY COUNTER, any class) show only their header: the PIN never reaches the log.

#include "smartcard/bytes.hpp"

#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>

namespace virtualcard {

using smartcard::ByteView;

/// "00 A4 04 00 ..." or "8C 20 00 01 VERIFY <32 bytes redacted>".
std::string describeCommand(ByteView command);
/// "12 bytes SW 9000" (data bytes, without the status word).
std::string describeResponse(ByteView response);

class ApduLog {
public:
    /// `out` may be null (no log). Lines are flushed as written.
    explicit ApduLog(std::FILE* out);

    void command(ByteView command) { line("APDU > " + describeCommand(command)); }
    void response(ByteView response) { line("APDU < " + describeResponse(response)); }
    void event(std::string_view text) { line("EVENT " + std::string(text)); }

private:
    void line(const std::string& text);

    std::FILE* out_;
    std::chrono::steady_clock::time_point start_;
};

} // namespace virtualcard
