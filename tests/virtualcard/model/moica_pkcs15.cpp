#include "model/moica_pkcs15.hpp"

#include "model/der.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace virtualcard::moica {

namespace {

// PKCS#15 (ISO 7816-15) bit numbers.
enum ObjectFlag { privateObject = 0, modifiable = 1 };
enum KeyUsage { decrypt = 1, sign = 2, unwrap = 5, nonRepudiation = 9 };
enum PinFlag { local = 1, initialized = 4, needsPadding = 5 };

const Bytes certificatePath = smartcard::fromHex("3F00 5030 08F2");
const Bytes keyPath = smartcard::fromHex("3F00 5030 0810");

Bytes id(const std::array<std::uint8_t, 2>& value)
{
    return der::octetString(value);
}

Bytes certificateEntry(const char* label, const std::array<std::uint8_t, 2>& iD, bool authority,
    std::size_t offset, const Bytes& cert)
{
    Bytes common
        = authority ? der::sequence({ id(iD), der::boolean(true) }) : der::sequence({ id(iD) });
    // Path { path, index, length [0] }: where in 08F2 the certificate starts and how long it is.
    const Bytes path = der::sequence(
        { der::octetString(certificatePath), der::integer(static_cast<std::int64_t>(offset)),
            der::integer(static_cast<std::int64_t>(cert.size()), 0x80) });
    return der::sequence({ der::sequence({ der::utf8String(label) }), common,
        der::context(1, { der::sequence({ path }) }) });
}

Bytes keyEntry(const char* label, const std::array<std::uint8_t, 2>& iD,
    std::initializer_list<int> usage, std::uint8_t keyReference, int bits)
{
    return der::sequence({
        der::sequence({ der::utf8String(label), der::namedBits({ privateObject }),
            der::octetString(Bytes { 0x01 }) }),
        // native TRUE is the DEFAULT and DER would omit it; the real card spells it out.
        der::sequence(
            { id(iD), der::namedBits(usage), der::boolean(true), der::integer(keyReference) }),
        der::context(1,
            { der::sequence(
                { der::sequence({ der::octetString(keyPath) }), der::integer(bits) }) }),
    });
}

void place(Bytes& blob, std::size_t offset, const Bytes& cert, const char* what)
{
    if (cert.size() > slotSize)
        throw std::length_error(std::string(what) + " certificate is " + std::to_string(cert.size())
            + " bytes; a 08F2 slot holds " + std::to_string(slotSize));
    std::copy(cert.begin(), cert.end(), blob.begin() + static_cast<long>(offset));
}

} // namespace

Bytes certificateBlob(const Certificates& certs)
{
    Bytes blob(blobSize, 0xFF);
    place(blob, rootOffset, certs.root, "root");
    place(blob, caOffset, certs.ca, "CA");
    place(blob, encryptionOffset, certs.encryption, "encryption");
    place(blob, signatureOffset, certs.signature, "signature");
    return blob;
}

Bytes cdf(const Certificates& certs)
{
    const Bytes entries[] = {
        certificateEntry("cert1", encryptionId, false, encryptionOffset, certs.encryption),
        certificateEntry("CA Cert", caId, true, caOffset, certs.ca),
        certificateEntry("cert2", signatureId, false, signatureOffset, certs.signature),
        certificateEntry("ROOT CA Cert", rootId, true, rootOffset, certs.root),
    };
    Bytes out;
    for (const Bytes& e : entries)
        out.insert(out.end(), e.begin(), e.end());
    return out;
}

Bytes prkdf(int encryptionBits, int signatureBits)
{
    const Bytes keyx = keyEntry(
        "KEYX", encryptionId, { decrypt, unwrap }, encryptionKeyReference, encryptionBits);
    const Bytes signKey
        = keyEntry("SIGN", signatureId, { sign, nonRepudiation }, signKeyReference, signatureBits);
    return smartcard::concat({ keyx, signKey });
}

Bytes aodf()
{
    const Bytes pinAttributes = der::sequence({
        der::namedBits({ local, initialized, needsPadding }),
        der::enumerated(2), // utf8
        der::integer(6), // minLength
        der::integer(10), // storedLength: the middleware's FF-filled 10-byte buffer
        der::integer(8), // maxLength
        der::integer(0x01, 0x80), // pinReference [0]
        der::octetString(Bytes { 0xFF }), // padChar
    });
    return der::sequence({
        der::sequence(
            { der::utf8String("User PIN"), der::namedBits({ privateObject, modifiable }) }),
        der::sequence({ der::octetString(Bytes { 0x01 }) }),
        der::context(1, { pinAttributes }),
    });
}

Bytes directoryFile(ByteView content, std::size_t size)
{
    if (content.size() + 2 > size || content.size() > 0xFFFF)
        throw std::length_error("directory content does not fit its file");
    Bytes file(size, 0x00);
    std::copy(content.begin(), content.end(), file.begin());
    file[size - 2] = static_cast<std::uint8_t>(content.size() & 0xFF);
    file[size - 1] = static_cast<std::uint8_t>(content.size() >> 8);
    return file;
}

} // namespace virtualcard::moica
