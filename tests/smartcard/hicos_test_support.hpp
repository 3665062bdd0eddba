#pragma once

#include "smartcard/apdu.hpp"

#include <string>
#include <string_view>

namespace hicostest {

inline smartcard::Bytes ascii(std::string_view text)
{
    return smartcard::Bytes(text.begin(), text.end());
}

inline std::string hexOf(const smartcard::CommandApdu& command)
{
    return smartcard::toHex(command.encode());
}

} // namespace hicostest
