#include "model/card.hpp"

namespace virtualcard {

Reply status(std::uint16_t sw)
{
    Reply r;
    r.response = { static_cast<std::uint8_t>(sw >> 8), static_cast<std::uint8_t>(sw & 0xFF) };
    return r;
}

Reply withData(Bytes data, std::uint16_t sw)
{
    Reply r;
    r.response = std::move(data);
    r.response.push_back(static_cast<std::uint8_t>(sw >> 8));
    r.response.push_back(static_cast<std::uint8_t>(sw & 0xFF));
    return r;
}

std::uint16_t swOf(const Reply& reply)
{
    const Bytes& r = reply.response;
    if (reply.yank || r.size() < 2)
        return 0;
    return static_cast<std::uint16_t>(r[r.size() - 2] << 8 | r[r.size() - 1]);
}

bool isYankHook(ByteView command, bool allowCla00)
{
    if (command.size() < 4 || command[1] != 0xEE || command[2] != 0x00 || command[3] != 0x00)
        return false;
    return command[0] == 0x80 || (allowCla00 && command[0] == 0x00);
}

Reply yank()
{
    Reply r;
    r.yank = true;
    return r;
}

} // namespace virtualcard
