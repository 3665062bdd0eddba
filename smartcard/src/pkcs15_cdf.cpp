#include "pkcs15_object.hpp"

namespace smartcard {

using namespace pkcs15detail;

namespace {

CertificateEntry parseX509Certificate(const Tlv& object)
{
    const ObjectParts parts = splitObject(object);
    CertificateEntry entry;
    entry.label = parts.common.label;

    // CommonCertificateAttributes ::= SEQUENCE { iD, authority BOOLEAN DEFAULT FALSE, ... }
    DerReader common = parts.classAttributes.children();
    entry.id = derOctets(common.expect(dertag::OctetString, "certificate iD"));
    if (auto authority = common.nextIf(dertag::Boolean))
        entry.authority = derBoolean(*authority);

    // X509CertificateAttributes ::= SEQUENCE { value ObjectValue, subject, issuer, serial, ... }
    if (parts.typeAttributes.tag != dertag::Sequence)
        malformed("X509CertificateAttributes is not a SEQUENCE");
    DerReader type = parts.typeAttributes.children();
    if (type.atEnd())
        malformed("certificate value missing");
    const Tlv value = type.next();
    if (value.tag == dertag::Sequence)
        entry.path = parsePath(value);
    else if (value.tag == dertag::contextConstructed(0))
        entry.directValue.assign(value.value.begin(), value.value.end()); // explicit [0]
    // A URL or a protected value leaves both empty: nothing this client can read.
    return entry;
}

} // namespace

std::vector<CertificateEntry> parseCdf(ByteView file)
{
    std::vector<CertificateEntry> entries;
    DerReader reader = directoryReader(file);
    while (!reader.atEnd()) {
        const Tlv object = reader.next();
        if (object.tag == dertag::Sequence)
            entries.push_back(parseX509Certificate(object));
        else if (!isContextTag(object.tag)) // [n]: attribute, SPKI, PGP, WTLS, ... certificates
            malformed("unexpected element in CDF");
    }
    return entries;
}

} // namespace smartcard
