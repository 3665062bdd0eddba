#include "model/hicos_files.hpp"

#include "model/der.hpp"

#include <memory>
#include <openssl/x509.h>
#include <stdexcept>

namespace virtualcard::hicos {

namespace {

// PKCS#15 (ISO 7816-15) bit numbers.
enum ObjectFlag { privateObject = 0, modifiable = 1 };
enum KeyUsage { encrypt = 0, decrypt = 1, sign = 2, unwrap = 5, verify = 6, nonRepudiation = 9 };
enum PinFlag { local = 1, initialized = 4, needsPadding = 5 };

constexpr std::uint16_t pkiDf = 0x5030;
constexpr std::uint16_t certificateEf = 0x08F2;
constexpr std::uint16_t keyEf = 0x0810;
constexpr std::uint16_t publicKeyEf = 0x0811;

Bytes bytesOf(std::string_view text)
{
    return Bytes(text.begin(), text.end());
}

Bytes path(Root root, std::uint16_t ef)
{
    const std::uint16_t first = root == Root::Mf ? 0x3F00 : 0x7FFF;
    return { static_cast<std::uint8_t>(first >> 8), static_cast<std::uint8_t>(first), pkiDf >> 8,
        pkiDf & 0xFF, static_cast<std::uint8_t>(ef >> 8), static_cast<std::uint8_t>(ef) };
}

struct Names {
    Bytes subject;
    Bytes issuer;
    Bytes serial; // the INTEGER TLV
};

template <typename T, typename Encode> Bytes encoded(T* value, Encode encode)
{
    const int size = encode(value, nullptr);
    if (size <= 0)
        throw std::runtime_error("cannot DER-encode a certificate field");
    Bytes out(static_cast<std::size_t>(size));
    unsigned char* at = out.data();
    encode(value, &at);
    return out;
}

// Subject, issuer and serial as the certificate itself encodes them. The model's own unit
// tests use stand-in bytes that are no certificate; their entries carry the path alone.
std::optional<Names> namesOf(const Bytes& certificate)
{
    const unsigned char* at = certificate.data();
    std::unique_ptr<X509, decltype(&X509_free)> x509(
        d2i_X509(nullptr, &at, static_cast<long>(certificate.size())), X509_free);
    if (!x509)
        return std::nullopt;
    return Names {
        encoded(X509_get_subject_name(x509.get()), i2d_X509_NAME),
        encoded(X509_get_issuer_name(x509.get()), i2d_X509_NAME),
        encoded(const_cast<ASN1_INTEGER*>(X509_get0_serialNumber(x509.get())), i2d_ASN1_INTEGER),
    };
}

Bytes certificateEntry(const Slot& slot, Root root)
{
    const Bytes common = slot.authority
        ? der::sequence({ der::octetString(slot.id), der::boolean(true) })
        : der::sequence({ der::octetString(slot.id) });
    // Path { path, index, length [0] }: where in 08F2 the certificate starts and how long it is.
    const Bytes where = der::sequence({ der::octetString(path(root, certificateEf)),
        der::integer(static_cast<std::int64_t>(slot.offset)),
        der::integer(static_cast<std::int64_t>(slot.certificate->size()), 0x80) });
    Bytes attributes = where;
    if (const auto names = namesOf(*slot.certificate)) {
        attributes = smartcard::concat({ where, names->subject,
            der::tlv(0xA0, names->issuer), // issuer [0] Name: a CHOICE, so explicitly tagged
            names->serial });
    }
    return der::sequence({ der::sequence({ der::utf8String(slot.label) }), common,
        der::context(1, { der::tlv(0x30, attributes) }) });
}

Bytes keyEntry(const Slot& slot, Root root, int bits, bool isPrivate)
{
    Bytes usage;
    if (isPrivate)
        usage = slot.signs ? der::namedBits({ sign, nonRepudiation })
                           : der::namedBits({ decrypt, unwrap });
    else
        usage = slot.signs ? der::namedBits({ verify }) : der::namedBits({ encrypt });
    const Bytes objectAttributes = isPrivate
        ? der::sequence({ der::utf8String(slot.keyLabel), der::namedBits({ privateObject }),
            der::octetString(Bytes { 0x01 }) })
        : der::sequence({ der::utf8String(slot.keyLabel) });
    return der::sequence({
        objectAttributes,
        // native TRUE is the DEFAULT and DER would omit it; the real card spells it out.
        der::sequence({ der::octetString(slot.id), usage, der::boolean(true),
            der::integer(*slot.keyReference) }),
        der::context(1,
            { der::sequence(
                { der::sequence({ der::octetString(path(root, isPrivate ? keyEf : publicKeyEf)) }),
                    der::integer(bits) }) }),
    });
}

Bytes keys(const std::vector<Slot>& slots, Root root, const KeySizes& bits, bool isPrivate)
{
    Bytes out;
    for (const Slot& slot : slots) {
        if (!slot.keyReference)
            continue;
        const Bytes entry = keyEntry(
            slot, root, slot.signs ? bits.signatureBits : bits.encryptionBits, isPrivate);
        out.insert(out.end(), entry.begin(), entry.end());
    }
    return out;
}

Slot place(std::string label, Bytes id, std::size_t offset, const Bytes& cert)
{
    if (cert.size() > slotSize)
        throw std::length_error(label + " certificate is " + std::to_string(cert.size())
            + " bytes; a 08F2 slot holds " + std::to_string(slotSize));
    Slot slot;
    slot.label = std::move(label);
    slot.id = std::move(id);
    slot.offset = offset;
    slot.certificate = &cert;
    return slot;
}

Slot userSlot(Slot slot, std::uint8_t keyReference, std::string keyLabel, bool signs)
{
    slot.keyReference = keyReference;
    slot.keyLabel = std::move(keyLabel);
    slot.signs = signs;
    return slot;
}

Slot authoritySlot(Slot slot)
{
    slot.authority = true;
    return slot;
}

} // namespace

std::vector<Slot> slots(Layout layout, const Certificates& certs)
{
    constexpr std::uint8_t signReference = 0x01;
    constexpr std::uint8_t encryptionReference = 0x05;
    constexpr std::uint8_t secondSignReference = 0x11;
    std::vector<Slot> out;
    if (layout == Layout::Faithful) {
        if (certs.secondSignature)
            out.push_back(
                userSlot(place("cert3", bytesOf("SIGN02"), 4 * slotSize, *certs.secondSignature),
                    secondSignReference, "SIGN02", true));
        out.push_back(userSlot(place("cert1", bytesOf("SIGN"), 0 * slotSize, certs.signature),
            signReference, "SIGN", true));
        out.push_back(userSlot(place("cert2", bytesOf("KEYX"), 1 * slotSize, certs.encryption),
            encryptionReference, "KEYX", false));
        out.push_back(authoritySlot(place("CA Cert", bytesOf("CACert"), 2 * slotSize, certs.ca)));
        out.push_back(
            authoritySlot(place("ROOT CA Cert", bytesOf("ROOTCACert"), 3 * slotSize, certs.root)));
        return out;
    }
    // Opaque iDs: nothing in them says which user certificate signs.
    out.push_back(userSlot(place("cert1", { 0x3C, 0x71 }, 2 * slotSize, certs.encryption),
        encryptionReference, "KEYX", false));
    out.push_back(authoritySlot(place("CA Cert", { 0xA0, 0x02 }, 1 * slotSize, certs.ca)));
    out.push_back(userSlot(place("cert2", { 0xC5, 0x0E }, 3 * slotSize, certs.signature),
        signReference, "SIGN", true));
    out.push_back(authoritySlot(place("ROOT CA Cert", { 0xA0, 0x01 }, 0 * slotSize, certs.root)));
    return out;
}

Bytes certificateBlob(const std::vector<Slot>& slots)
{
    std::size_t size = 4 * slotSize;
    for (const Slot& slot : slots)
        size = std::max(size, slot.offset + slotSize);
    Bytes blob(size, 0xFF);
    for (const Slot& slot : slots)
        std::copy(slot.certificate->begin(), slot.certificate->end(),
            blob.begin() + static_cast<long>(slot.offset));
    return blob;
}

Bytes cdf(const std::vector<Slot>& slots, Root root)
{
    Bytes out;
    for (const Slot& slot : slots) {
        const Bytes entry = certificateEntry(slot, root);
        out.insert(out.end(), entry.begin(), entry.end());
    }
    return out;
}

Bytes prkdf(const std::vector<Slot>& slots, Root root, const KeySizes& bits)
{
    return keys(slots, root, bits, true);
}

Bytes pukdf(const std::vector<Slot>& slots, Root root, const KeySizes& bits)
{
    return keys(slots, root, bits, false);
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

Bytes tokenInfo(const std::string& serial)
{
    // The words the vendor's PKCS#11 module reports for these cards.
    return der::sequence({ der::integer(0), der::octetString(bytesOf(serial)),
        der::utf8String("Chunghwa TeleCom Co., Ltd."),
        der::utf8String("HiCOS PKI Smart Card", 0x80), der::namedBits({ 1 }) /* loginRequired */ });
}

Bytes efDir()
{
    const Bytes pkcs15Aid = smartcard::fromHex("A000000063504B43532D3135");
    return der::constructed(0x61,
        { der::tlv(0x4F, pkcs15Aid), der::utf8String("中華電信研究所", 0x50),
            der::tlv(0x51, smartcard::fromHex("3F000800")) });
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

Bytes gen2AppletAid()
{
    return smartcard::fromHex("A0000002830000062201696400010101");
}

std::uint8_t signKeyReference(const std::vector<Slot>& slots)
{
    for (const Slot& slot : slots)
        if (slot.keyLabel == "SIGN" && slot.keyReference)
            return *slot.keyReference;
    throw std::logic_error("no SIGN key in the layout");
}

} // namespace virtualcard::hicos
