// The APDU layer: command and response parsing, and the channel's 61xx / 6Cxx handling against
// a card that answers anything.
#include "fuzz_support.hpp"
#include "smartcard/apdu.hpp"
#include "smartcard/errors.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace smartcard;
    const ByteView input(data, size);
    try {
        const CommandApdu command = CommandApdu::parse(input);
        const Bytes again = command.encode();
        if (CommandApdu::parse(again).encode() != again)
            __builtin_trap(); // parse and encode must agree
        (void)redactedHex(command);
    } catch (const CardError&) { }
    try {
        (void)ResponseApdu::parse(input);
    } catch (const CardError&) { }

    fuzzing::Pieces pieces(data, size);
    fuzzing::ScriptedCard card(pieces);
    ApduChannel channel(card);
    for (int i = 0; i < 4 && !pieces.empty(); ++i) {
        try {
            channel.transmit(CommandApdu::readBinary(0, 0xC8, 0x80));
            channel.transmit({ 0x00, 0xA4, 0x04, 0x00, Bytes(16, 0xA0), 256 });
        } catch (const CardError&) { }
    }
    return 0;
}
