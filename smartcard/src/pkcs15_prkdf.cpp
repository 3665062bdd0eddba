#include "pkcs15_object.hpp"

namespace smartcard {

using namespace pkcs15detail;

bool PrivateKeyEntry::canSign() const
{
    return (usage & (Sign | SignRecover | NonRepudiation)) != 0;
}

namespace {

// Far above any RSA key a card holds; only guards the int conversion.
constexpr std::int64_t maxModulusBits = 1 << 16;

PrivateKeyEntry parsePrivateKey(const Tlv& object, PrivateKeyEntry::Type keyType)
{
    const ObjectParts parts = splitObject(object);
    PrivateKeyEntry entry;
    entry.type = keyType;
    entry.label = parts.common.label;
    entry.authId = parts.common.authId;

    // CommonKeyAttributes ::= SEQUENCE { iD, usage, native BOOLEAN DEFAULT TRUE,
    //     accessFlags BIT STRING OPTIONAL, keyReference INTEGER OPTIONAL, ... }
    DerReader common = parts.classAttributes.children();
    entry.id = derOctets(common.expect(dertag::OctetString, "key iD"));
    entry.usage = derBitString(common.expect(dertag::BitString, "key usage"));
    common.nextIf(dertag::Boolean);
    common.nextIf(dertag::BitString);
    if (auto reference = common.nextIf(dertag::Integer))
        entry.keyReference = referenceValue(*reference);

    // PrivateRSAKeyAttributes ::= SEQUENCE { value Path or ObjectValue, modulusLength, ... };
    // PrivateECKeyAttributes ::= SEQUENCE { value, keyInfo OPTIONAL, ... }.
    if (parts.typeAttributes.tag != dertag::Sequence)
        malformed("private key attributes are not a SEQUENCE");
    DerReader type = parts.typeAttributes.children();
    if (type.atEnd())
        malformed("private key value missing");
    const Tlv value = type.next();
    if (value.tag == dertag::Sequence)
        entry.path = parsePath(value);
    if (keyType == PrivateKeyEntry::Type::Rsa) {
        const Tlv modulus = type.expect(dertag::Integer, "modulusLength");
        entry.modulusLength
            = static_cast<int>(boundedInteger(modulus, maxModulusBits, "modulusLength"));
    }
    return entry;
}

} // namespace

std::vector<PrivateKeyEntry> parsePrkdf(ByteView file)
{
    std::vector<PrivateKeyEntry> entries;
    DerReader reader = directoryReader(file);
    while (!reader.atEnd()) {
        const Tlv object = reader.next();
        if (object.tag == dertag::Sequence)
            entries.push_back(parsePrivateKey(object, PrivateKeyEntry::Type::Rsa));
        else if (object.tag == dertag::contextConstructed(0)) // privateECKey, implicitly tagged
            entries.push_back(parsePrivateKey(object, PrivateKeyEntry::Type::Ec));
        else if (!isContextTag(object.tag)) // [1].. DH, DSA, KEA, generic: skipped
            malformed("unexpected element in PrKDF");
    }
    return entries;
}

} // namespace smartcard
