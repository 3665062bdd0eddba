#include "model/atr.hpp"

namespace virtualcard::atr {

std::uint8_t checkByte(ByteView atrWithoutTck)
{
    std::uint8_t x = 0;
    for (std::size_t i = 1; i < atrWithoutTck.size(); ++i) // TS is not covered
        x ^= atrWithoutTck[i];
    return x;
}

bool checkByteValid(ByteView atr)
{
    return atr.size() > 2 && checkByte(atr) == 0;
}

Bytes moicaGen1()
{
    return smartcard::fromHex("3B B8 13 00 81 31 FA 52 43 48 54 4D 4F 49 43 41 A5");
}

Bytes moicaGen2()
{
    return smartcard::fromHex("3B D8 96 00 81 B1 FE 45 1F 07 43 48 54 47 50 4B 49 4A DD");
}

Bytes moicaContactless()
{
    return smartcard::fromHex("3B 8B 80 01 00 31 C1 64 08 40 21 30 00 90 00 57");
}

Bytes nhi()
{
    return smartcard::fromHex("3B FA 18 00 00 81 31 FE 45 50 56 4A 43 4F 50 34 53 49 44 93");
}

Bytes isoEid()
{
    Bytes out = smartcard::fromHex("3B DA 18 00 81 31 FE 45");
    constexpr std::string_view historical = "SQR-EID-01";
    out.insert(out.end(), historical.begin(), historical.end());
    out.push_back(checkByte(out));
    return out;
}

} // namespace virtualcard::atr
