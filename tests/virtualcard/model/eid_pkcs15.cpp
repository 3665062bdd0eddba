#include "model/eid_pkcs15.hpp"

#include "model/der.hpp"

namespace virtualcard::eid {

namespace {

enum ObjectFlag { privateObject = 0, modifiable = 1 };
enum KeyUsage { sign = 2, nonRepudiation = 9 };
enum PinFlag { caseSensitive = 0, local = 1, initialized = 4, needsPadding = 5 };
enum TokenFlag { loginRequired = 1, prnGeneration = 2 };

Bytes path(std::string_view hex)
{
    return der::sequence({ der::octetString(smartcard::fromHex(hex)) });
}
Bytes authId()
{
    return der::octetString(Bytes { 0x01 });
}

} // namespace

Bytes pkcs15Aid()
{
    return smartcard::fromHex("A0 00 00 00 63 50 4B 43 53 2D 31 35");
}

Bytes efDir()
{
    return der::constructed(0x61,
        {
            der::tlv(0x4F, pkcs15Aid()),
            der::utf8String("SQR eID", 0x50),
            der::tlv(0x51, smartcard::fromHex("3F00 5015")),
        });
}

Bytes odf()
{
    return smartcard::concat({
        der::context(8, { path("3F00 5015 4401") }), // authObjects
        der::context(0, { path("3F00 5015 4402") }), // privateKeys
        der::context(4, { path("4404") }), // certificates, relative to the application DF
    });
}

Bytes tokenInfo(std::string_view serialNumber, std::string_view manufacturer)
{
    return der::sequence({
        der::integer(0), // v1
        der::octetString(Bytes(serialNumber.begin(), serialNumber.end())),
        der::utf8String(manufacturer), // manufacturerID
        der::utf8String("SQR eID", 0x80), // label [0]
        der::namedBits({ loginRequired, prnGeneration }),
    });
}

Bytes aodf(bool utf8Pin)
{
    // A utf8 PIN is case-sensitive here, so letters reach the card as typed.
    const Bytes pinAttributes = der::sequence({
        utf8Pin ? der::namedBits({ caseSensitive, local, initialized, needsPadding })
                : der::namedBits({ local, initialized, needsPadding }),
        der::enumerated(utf8Pin ? 2 : 1), // utf8 or ascii-numeric
        der::integer(4), // minLength
        der::integer(static_cast<std::int64_t>(storedPinLength)),
        der::integer(8), // maxLength
        der::integer(pinReference, 0x80), // [0]; DER needs 00 81 for a positive 0x81
        der::octetString(Bytes { 0xFF }), // padChar
    });
    return der::sequence({
        der::sequence(
            { der::utf8String("User PIN"), der::namedBits({ privateObject, modifiable }) }),
        der::sequence({ authId() }),
        der::context(1, { pinAttributes }),
    });
}

Bytes prkdf(int modulusBits)
{
    return der::sequence({
        der::sequence(
            { der::utf8String("Signature key"), der::namedBits({ privateObject }), authId() }),
        der::sequence(
            { der::octetString(Bytes { signKeyId }), der::namedBits({ sign, nonRepudiation }),
                der::boolean(true), der::integer(signKeyReference) }),
        der::context(1, { der::sequence({ path("3F00 5015"), der::integer(modulusBits) }) }),
    });
}

Bytes cdf()
{
    const Bytes citizen = der::sequence({
        der::sequence({ der::utf8String("Citizen certificate") }),
        der::sequence({ der::octetString(Bytes { signKeyId }) }),
        der::context(1, { der::sequence({ path("3F00 5015 4431") }) }),
    });
    const Bytes ca = der::sequence({
        der::sequence({ der::utf8String("MOICA CA") }),
        der::sequence({ der::octetString(Bytes { caCertId }), der::boolean(true) }),
        der::context(1, { der::sequence({ path("4432") }) }),
    });
    return smartcard::concat({ citizen, ca });
}

} // namespace virtualcard::eid
