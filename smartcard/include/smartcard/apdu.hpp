#pragma once

#include "smartcard/bytes.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace smartcard {

/// An ISO 7816-4 command. Short form when it fits, extended form otherwise.
struct CommandApdu {
    static constexpr std::size_t maxShortData = 255;
    static constexpr std::size_t maxShortLe = 256;
    static constexpr std::size_t maxExtendedData = 65535;
    static constexpr std::size_t maxExtendedLe = 65536;

    std::uint8_t cla = 0x00;
    std::uint8_t ins = 0x00;
    std::uint8_t p1 = 0x00;
    std::uint8_t p2 = 0x00;
    Bytes data;
    /// Expected response length; absent = no Le field. 256 (short) / 65536 (extended) encode as 0.
    std::optional<std::size_t> le;

    bool isExtended() const;
    /// Throws CardError(InvalidArgument) when data or Le are out of range.
    Bytes encode() const;
    /// Parses any of the ISO cases 1, 2S/E, 3S/E, 4S/E; throws CardError(MalformedData).
    static CommandApdu parse(ByteView raw);

    /// ISO 7816-4 helpers (CLA defaults to the interindustry class).
    static CommandApdu selectByAid(ByteView aid, std::uint8_t cla = 0x00);
    static CommandApdu selectFile(std::uint16_t fid, std::uint8_t cla = 0x00);
    static CommandApdu selectPath(ByteView pathFromMf, std::uint8_t cla = 0x00);
    static CommandApdu readBinary(std::uint16_t offset, std::size_t le, std::uint8_t cla = 0x00);
    static CommandApdu getResponse(std::size_t le, std::uint8_t cla = 0x00);
};

/// The card's answer: data followed by SW1 SW2.
struct ResponseApdu {
    Bytes data;
    std::uint8_t sw1 = 0x90;
    std::uint8_t sw2 = 0x00;

    std::uint16_t sw() const { return static_cast<std::uint16_t>(sw1 << 8 | sw2); }
    bool isOk() const { return sw() == 0x9000; }
    Bytes encode() const;
    /// Throws CardError(MalformedResponse) when shorter than two bytes.
    static ResponseApdu parse(ByteView raw);
};

/// Throws the typed CardError for any status word but 9000 (and the 62xx/63xx warnings
/// a caller explicitly accepts through `allowWarnings`).
void checkStatus(const ResponseApdu& response, bool allowWarnings = false);
/// Throws the typed CardError for one status word; never returns.
[[noreturn]] void throwForStatus(std::uint16_t sw);

/// Hex of a command for traces: the data of every secret-bearing command (see carriesSecrets)
/// is replaced by "<N bytes redacted>", so neither a PIN nor what protects it reaches a log.
std::string redactedHex(const CommandApdu& command);
/// VERIFY (20/21), CHANGE REFERENCE DATA (24/25), DISABLE/ENABLE VERIFICATION REQUIREMENT
/// (26-29) and RESET RETRY COUNTER (2C/2D) can carry a PIN: redacted in traces, wiped after use.
bool isPinBearing(std::uint8_t ins) noexcept;
/// The class byte announces secure messaging (ISO 7816-4 §5.4.1): bits 0x0C in the first
/// interindustry classes (00-1F) and in the proprietary classes that follow that coding
/// (GlobalPlatform 84, HiCOS 8C); bit 0x20 in the further interindustry classes (40-7F).
bool isSecureMessaging(std::uint8_t cla) noexcept;
/// PIN-bearing or secure messaging: data redacted in traces, the encoded copy wiped once sent,
/// and never resent by the channel (a protected command is bound to one MAC chain position).
bool carriesSecrets(const CommandApdu& command) noexcept;
std::string redactedHex(ByteView rawCommand);

} // namespace smartcard
