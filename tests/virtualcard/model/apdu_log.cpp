#include "model/apdu_log.hpp"

#include "smartcard/apdu.hpp"

#include <algorithm>

namespace virtualcard {

namespace {

const char* secretCommandName(std::uint8_t ins)
{
    switch (ins) {
    case 0x20:
        return "VERIFY";
    case 0x24:
        return "CHANGE REFERENCE DATA";
    case 0x2C:
        return "RESET RETRY COUNTER";
    default:
        return nullptr;
    }
}

} // namespace

std::string describeCommand(ByteView command)
{
    const char* secret = command.size() >= 2 ? secretCommandName(command[1]) : nullptr;
    if (!secret)
        return smartcard::toHex(command, " ");
    const std::size_t headerSize = std::min<std::size_t>(4, command.size());
    std::size_t dataSize
        = command.size() - headerSize; // unparseable: hide everything after the header
    try {
        dataSize = smartcard::CommandApdu::parse(command).data.size();
    } catch (const std::exception&) { }
    return smartcard::toHex(command.first(headerSize), " ") + " " + secret + " <"
        + std::to_string(dataSize) + " bytes redacted>";
}

std::string describeResponse(ByteView response)
{
    if (response.size() < 2)
        return std::to_string(response.size()) + " bytes, no status word";
    return std::to_string(response.size() - 2) + " bytes SW " + smartcard::toHex(response.last(2));
}

ApduLog::ApduLog(std::FILE* out)
    : out_(out)
    , start_(std::chrono::steady_clock::now())
{ }

void ApduLog::line(const std::string& text)
{
    if (!out_)
        return;
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - start_);
    std::fprintf(out_, "%lld %s\n", static_cast<long long>(ms.count()), text.c_str());
    std::fflush(out_);
}

} // namespace virtualcard
