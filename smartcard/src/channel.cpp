#include "smartcard/channel.hpp"

#include "smartcard/errors.hpp"
#include "smartcard/secret_bytes.hpp"

namespace smartcard {

namespace {
// A card that keeps answering 61xx past this many GET RESPONSEs is broken, not chatty.
constexpr int maxGetResponseRounds = 300;

// The encoded copy of a PIN-bearing or protected command holds the PIN or what guards it:
// wipe it once it is on its way.
void wipeIfSecret(const CommandApdu& command, Bytes& raw)
{
    if (carriesSecrets(command))
        wipe(raw);
}
} // namespace

ApduChannel::ApduChannel(ApduTransport& transport, TraceSink trace)
    : transport_(transport)
    , trace_(std::move(trace))
{ }

ResponseApdu ApduChannel::exchange(const CommandApdu& command)
{
    Bytes raw = command.encode();
    if (trace_)
        trace_("> " + redactedHex(command));
    ++exchanges_;
    Bytes answer;
    try {
        answer = transport_.transmitRaw(raw);
    } catch (...) {
        wipeIfSecret(command, raw);
        throw;
    }
    wipeIfSecret(command, raw);
    // Response data can hold identity data (the NHI record); traces show its size only.
    if (trace_)
        trace_("< " + std::to_string(answer.size() < 2 ? answer.size() : answer.size() - 2)
            + " bytes" + (answer.size() >= 2 ? " SW " + toHex(ByteView(answer).last(2)) : ""));
    return ResponseApdu::parse(answer);
}

ResponseApdu ApduChannel::transmit(const CommandApdu& command)
{
    ResponseApdu response = exchange(command);

    // A PIN-bearing or protected command is never sent twice, whatever the card answers: a
    // second VERIFY costs a second try, and a replayed MAC breaks the secure channel.
    if (response.sw1 == 0x6C && !carriesSecrets(command)) {
        // Wrong Le: the card says how many bytes it has; resend once with exactly that.
        CommandApdu again = command;
        again.le = response.sw2 == 0 ? CommandApdu::maxShortLe : response.sw2;
        response = exchange(again);
        if (response.sw1 == 0x6C)
            throw CardError(CardErrc::MalformedResponse, "card repeated 6Cxx after a corrected Le");
    }

    // GET RESPONSE is interindustry: keep the command's logical channel (CLA bits 0-1); a
    // proprietary class (80, HiCOS) gets CLA 00, as the HiCOS middleware sends it.
    const std::uint8_t getResponseClass = (command.cla & 0x80) ? 0x00 : (command.cla & 0x03);
    Bytes collected;
    int rounds = 0;
    while (response.sw1 == 0x61) {
        if (++rounds > maxGetResponseRounds)
            throw CardError(CardErrc::MalformedResponse, "endless 61xx chain");
        collected.insert(collected.end(), response.data.begin(), response.data.end());
        const std::size_t le = response.sw2 == 0 ? CommandApdu::maxShortLe : response.sw2;
        response = exchange(CommandApdu::getResponse(le, getResponseClass));
        if (response.sw1 == 0x6C) // the card wants a different Le for GET RESPONSE too
            response = exchange(CommandApdu::getResponse(
                response.sw2 == 0 ? CommandApdu::maxShortLe : response.sw2, getResponseClass));
    }
    if (!collected.empty())
        response.data.insert(response.data.begin(), collected.begin(), collected.end());
    return response;
}

Bytes ApduChannel::transmitChecked(const CommandApdu& command)
{
    ResponseApdu response = transmit(command);
    checkStatus(response);
    return std::move(response.data);
}

} // namespace smartcard
