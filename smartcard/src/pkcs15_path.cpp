#include "pkcs15_object.hpp"

#include <limits>

namespace smartcard {

bool Pkcs15Path::isAbsolute() const
{
    return path.size() >= 2 && path[0] == 0x3F && path[1] == 0x00;
}

Bytes resolvePath(const Pkcs15Path& path, ByteView appDfPath)
{
    if (path.isAbsolute())
        return path.path;
    return concat({ appDfPath, path.path });
}

namespace pkcs15detail {

Pkcs15Path parsePath(const Tlv& tlv)
{
    constexpr std::int64_t maxU32 = std::numeric_limits<std::uint32_t>::max();
    if (tlv.tag != dertag::Sequence)
        malformed("Path is not a SEQUENCE");
    Pkcs15Path path;
    DerReader fields = tlv.children();
    path.path = derOctets(fields.expect(dertag::OctetString, "Path.path"));
    if (auto index = fields.nextIf(dertag::Integer))
        path.index = static_cast<std::uint32_t>(boundedInteger(*index, maxU32, "Path.index"));
    if (auto length = fields.nextIf(dertag::context(0)))
        path.length = static_cast<std::uint32_t>(boundedInteger(*length, maxU32, "Path.length"));
    return path;
}

} // namespace pkcs15detail

} // namespace smartcard
