#include "pkcs15_object.hpp"

#include "smartcard/errors.hpp"

namespace smartcard::pkcs15detail {

void malformed(const std::string& detail)
{
    throw CardError(CardErrc::MalformedData, "PKCS#15: " + detail);
}

namespace {

CommonObjectAttributes parseCommon(const Tlv& tlv)
{
    CommonObjectAttributes common;
    DerReader fields = tlv.children();
    // Every field is OPTIONAL and they come in a fixed order; anything after authId
    // (userConsent, accessControlRules, extensions) is not needed here.
    if (!fields.atEnd() && isDerStringTag(fields.peek().tag))
        common.label = derString(fields.next());
    if (auto flags = fields.nextIf(dertag::BitString))
        common.flags = derBitString(*flags);
    if (auto authId = fields.nextIf(dertag::OctetString))
        common.authId = derOctets(*authId);
    return common;
}

} // namespace

ObjectParts splitObject(const Tlv& object)
{
    if (!object.constructed)
        malformed("object is not constructed");
    ObjectParts parts;
    DerReader fields = object.children();
    parts.common = parseCommon(fields.expect(dertag::Sequence, "commonObjectAttributes"));
    parts.classAttributes = fields.expect(dertag::Sequence, "classAttributes");
    fields.nextIf(dertag::contextConstructed(0)); // subClassAttributes: nothing we use
    const Tlv type = fields.expect(dertag::contextConstructed(1), "typeAttributes");
    DerReader inner = type.children();
    if (inner.atEnd())
        malformed("empty typeAttributes");
    parts.typeAttributes = inner.next();
    return parts;
}

std::int64_t boundedInteger(const Tlv& tlv, std::int64_t max, const char* what)
{
    const std::int64_t value = derInteger(tlv);
    if (value < 0 || value > max)
        malformed(std::string(what) + " out of range");
    return value;
}

int referenceValue(const Tlv& tlv)
{
    const std::int64_t value = derInteger(tlv);
    if (value < 0 && tlv.value.size() == 1)
        return tlv.value[0];
    if (value < 0 || value > 0xFFFF)
        malformed("reference out of range");
    return static_cast<int>(value);
}

bool isContextTag(std::uint32_t tag)
{
    // The class bits sit in the first identifier octet, wherever it lands in the uint32.
    std::uint32_t first = tag;
    while (first > 0xFF)
        first >>= 8;
    return (first & 0xC0) == 0x80;
}

} // namespace smartcard::pkcs15detail
