#include "pkcs15_object.hpp"

#include <limits>

namespace smartcard {

using namespace pkcs15detail;

TokenInfo parseTokenInfo(ByteView file)
{
    // TokenInfo ::= SEQUENCE { version INTEGER, serialNumber OCTET STRING,
    //     manufacturerID UTF8String OPTIONAL, label [0] OPTIONAL, tokenflags BIT STRING, ... }
    DerReader reader = directoryReader(file);
    DerReader fields = reader.expect(dertag::Sequence, "TokenInfo").children();
    TokenInfo info;
    info.version = static_cast<int>(boundedInteger(
        fields.expect(dertag::Integer, "version"), std::numeric_limits<int>::max(), "version"));
    info.serialNumber = derOctets(fields.expect(dertag::OctetString, "serialNumber"));
    if (!fields.atEnd() && isDerStringTag(fields.peek().tag))
        info.manufacturer = derString(fields.next());
    if (auto label = fields.nextIf(dertag::context(0))) {
        info.label = derString(*label);
    } else if (auto wrapped = fields.nextIf(dertag::contextConstructed(0))) {
        // Some writers tag the label explicitly.
        DerReader inner = wrapped->children();
        if (inner.atEnd())
            malformed("empty label");
        info.label = derString(inner.next());
    }
    info.flags = derBitString(fields.expect(dertag::BitString, "tokenflags"));
    return info;
}

} // namespace smartcard
