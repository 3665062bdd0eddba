#pragma once

#include "smartcard/apdu.hpp"

#include <cstddef>
#include <functional>
#include <string_view>

namespace smartcard {

/// Moves raw APDU bytes to a card and back: a PC/SC connection in the program, a script in tests.
class ApduTransport {
public:
    virtual ~ApduTransport() = default;
    /// Returns whatever came back, possibly fewer than two bytes (the channel rejects that).
    virtual Bytes transmitRaw(ByteView command) = 0;
};

/// ISO 7816-4 exchange on top of a transport: 61xx → GET RESPONSE (chained until done),
/// 6Cxx → resend with the Le the card asked for, short responses rejected, a trace with
/// VERIFY data redacted, and a count of exchanges (tests use it to prove caching).
class ApduChannel {
public:
    using TraceSink = std::function<void(std::string_view line)>;

    explicit ApduChannel(ApduTransport& transport, TraceSink trace = {});

    /// One logical command; the returned response may carry any status word.
    ResponseApdu transmit(const CommandApdu& command);
    /// transmit() and checkStatus(): returns data only for 9000.
    Bytes transmitChecked(const CommandApdu& command);

    std::size_t exchangeCount() const { return exchanges_; }

private:
    ResponseApdu exchange(const CommandApdu& command);

    ApduTransport& transport_;
    TraceSink trace_;
    std::size_t exchanges_ = 0;
};

} // namespace smartcard
