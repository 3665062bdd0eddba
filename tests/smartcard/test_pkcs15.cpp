#include "card_error_checks.hpp"
#include "smartcard/errors.hpp"
#include "smartcard/pkcs15.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

using namespace smartcard;

using namespace cardchecks;

namespace {

// ---- A tiny DER writer for hand-built directory files ----

Bytes tlv(std::uint32_t tag, const Bytes& content)
{
    Bytes out;
    for (int shift = 24; shift >= 0; shift -= 8) {
        if ((tag >> shift) != 0 || shift == 0)
            out.push_back(static_cast<std::uint8_t>(tag >> shift));
    }
    const std::size_t length = content.size();
    if (length < 0x80) {
        out.push_back(static_cast<std::uint8_t>(length));
    } else if (length < 0x100) {
        out.push_back(0x81);
        out.push_back(static_cast<std::uint8_t>(length));
    } else {
        out.push_back(0x82);
        out.push_back(static_cast<std::uint8_t>(length >> 8));
        out.push_back(static_cast<std::uint8_t>(length));
    }
    out.insert(out.end(), content.begin(), content.end());
    return out;
}

Bytes cat(std::initializer_list<Bytes> parts)
{
    Bytes out;
    for (const auto& part : parts)
        out.insert(out.end(), part.begin(), part.end());
    return out;
}

Bytes seq(std::initializer_list<Bytes> parts)
{
    return tlv(0x30, cat(parts));
}

Bytes utf8(const std::string& text)
{
    return tlv(0x0C, Bytes(text.begin(), text.end()));
}

Bytes octets(const char* hex)
{
    return tlv(0x04, fromHex(hex));
}

// HiCOS layout: content, 00 fill up to `size - 2`, then the content length little-endian.
Bytes hicosFile(const Bytes& content, std::size_t size)
{
    REQUIRE(content.size() + 2 <= size);
    Bytes file = content;
    file.resize(size - 2, 0x00);
    file.push_back(static_cast<std::uint8_t>(content.size()));
    file.push_back(static_cast<std::uint8_t>(content.size() >> 8));
    return file;
}

Bytes ffPadded(const Bytes& content, std::size_t size)
{
    Bytes file = content;
    file.resize(size, 0xFF);
    return file;
}

// The Path a real HiCOS card's CDF carries for its first certificate (smartcards.md §2.1).
const char* const realCardPath = "30 0F 04 06 3F 00 50 30 08 F2 02 01 00 80 02 06 08";

Bytes hicosCertPath(const char* indexHex, const char* lengthHex)
{
    return seq(
        { octets("3F00503008F2"), tlv(0x02, fromHex(indexHex)), tlv(0x80, fromHex(lengthHex)) });
}

Bytes certificateObject(
    const std::string& label, const char* idHex, bool authority, const Bytes& value)
{
    return seq({
        seq({ utf8(label), tlv(0x03, fromHex("0640")) }), // flags: modifiable
        seq({ octets(idHex), authority ? tlv(0x01, fromHex("FF")) : Bytes {} }),
        tlv(0xA1,
            seq({ value,
                seq({ tlv(0x31, seq({ tlv(0x06, fromHex("550403")), utf8("CN") })) }), // subject
                tlv(0xA0, seq({})), // issuer
                tlv(0x02, fromHex("0123")) })), // serialNumber
    });
}

// The four certificates of a MOICA card, all in 3F00/5030/08F2 (smartcards.md §2).
Bytes hicosCdfContent()
{
    return cat({
        certificateObject("ROOTCACert", "524F4F54434143657274", true, fromHex(realCardPath)),
        certificateObject("CACert", "434143657274", true, hicosCertPath("0700", "0600")),
        certificateObject("cert1", "4B455958", false, hicosCertPath("0E00", "05F0")),
        certificateObject("cert2", "5349474E", false, hicosCertPath("1500", "05F4")),
    });
}

Bytes prkdfContent()
{
    const Bytes rsaSign = seq({
        seq({ utf8("SIGN"), tlv(0x03, fromHex("0780")), octets("01") }),
        seq({ octets("5349474E"), tlv(0x03, fromHex("062040")), // sign + nonRepudiation
            tlv(0x01, fromHex("FF")), tlv(0x03, fromHex("03B8")), tlv(0x02, fromHex("81")) }),
        tlv(0xA0, seq({ seq({}) })), // subClassAttributes
        tlv(0xA1, seq({ seq({ octets("3F0050300810") }), tlv(0x02, fromHex("0800")) })),
    });
    const Bytes rsaDecrypt = seq({
        seq({ utf8("KEYX") }),
        seq({ octets("4B455958"), tlv(0x03, fromHex("0244")), // decrypt + unwrap
            tlv(0x02, fromHex("0084")) }),
        tlv(0xA1, seq({ seq({ octets("4402") }), tlv(0x02, fromHex("0C00")) })),
    });
    const Bytes ecKey = tlv(0xA0,
        cat({
            seq({}),
            seq({ octets("45"), tlv(0x03, fromHex("0520")) }),
            tlv(0xA1,
                seq({ seq({ octets("3F0050154403") }),
                    seq({ tlv(0x06, fromHex("2A8648CE3D030107")) }) })),
        }));
    const Bytes dhKey
        = tlv(0xA1, cat({ seq({}), seq({ octets("46"), tlv(0x03, fromHex("0780")) }) }));
    return cat({ rsaSign, rsaDecrypt, ecKey, dhKey });
}

Bytes aodfContent()
{
    const Bytes userPin = seq({
        seq({ utf8("User PIN"), tlv(0x03, fromHex("0640")), octets("02") }),
        seq({ octets("01") }),
        tlv(0xA1,
            seq({ tlv(0x03, fromHex("024C")), // local, initialized, needs-padding
                tlv(0x0A, fromHex("01")), tlv(0x02, fromHex("06")), tlv(0x02, fromHex("08")),
                tlv(0x02, fromHex("08")), tlv(0x80, fromHex("81")), octets("FF"),
                tlv(0x18, Bytes(15, '0')), seq({ octets("3F005015") }) })),
    });
    const Bytes puk = seq({
        seq({ utf8("PUK") }),
        seq({ octets("02") }),
        tlv(0xA1,
            seq({ tlv(0x03, fromHex("0102")), // unblockingPin
                tlv(0x0A, fromHex("00")), tlv(0x02, fromHex("08")), tlv(0x02, fromHex("08")) })),
    });
    const Bytes biometric = tlv(0xA0, cat({ seq({}), seq({ octets("03") }), tlv(0xA1, seq({})) }));
    const Bytes futurePinType = seq({
        seq({ utf8("future") }),
        seq({ octets("04") }),
        tlv(0xA1,
            seq({ tlv(0x03, fromHex("0780")), tlv(0x0A, fromHex("07")), tlv(0x02, fromHex("04")),
                tlv(0x02, fromHex("08")) })),
    });
    return cat({ userPin, puk, biometric, futurePinType });
}

Bytes odfContent()
{
    return cat({
        tlv(0xA0, seq({ octets("3F0050154402") })), tlv(0xA4, seq({ octets("4404") })),
        tlv(0xA1, tlv(0xA0, seq({}))), // objects [0]: embedded list, skipped
        tlv(0xA8, seq({ octets("4401"), tlv(0x02, fromHex("10")), tlv(0x80, fromHex("20")) })),
        tlv(0xA9, seq({ octets("4409") })), // a kind this client does not know
    });
}

Bytes tokenInfoContent()
{
    const std::string card = "MT00000002872688"; // the number printed on the card
    const Bytes serialNumber(card.begin(), card.end());
    return seq({ tlv(0x02, fromHex("00")), tlv(0x04, serialNumber), utf8("Chunghwa Telecom"),
        tlv(0x80, Bytes { 'M', 'O', 'I', 'C', 'A' }), tlv(0x03, fromHex("0480")), seq({}) });
}

// ---- Hostile input helpers ----

// Every parser on the same bytes.
void parseEverything(ByteView file)
{
    parsesOrMalformed([&] { parseOdf(file); });
    parsesOrMalformed([&] { parseCdf(file); });
    parsesOrMalformed([&] { parsePrkdf(file); });
    parsesOrMalformed([&] { parseAodf(file); });
    parsesOrMalformed([&] { parseTokenInfo(file); });
    parsesOrMalformed([&] { directoryContentLength(file); });
}

std::vector<Bytes> validFiles()
{
    return { hicosFile(hicosCdfContent(), 1024), ffPadded(prkdfContent(), 400), aodfContent(),
        hicosFile(odfContent(), 128), ffPadded(tokenInfoContent(), 96), fromHex(realCardPath) };
}

} // namespace

TEST_CASE("PKCS#15 Path: the real-card capture", "[pkcs15]")
{
    const std::vector<OdfEntry> entries = parseOdf(tlv(0xA4, fromHex(realCardPath)));
    REQUIRE(entries.size() == 1);
    const Pkcs15Path& path = entries[0].path;
    CHECK(entries[0].kind == OdfKind::Certificates);
    CHECK(path.path == fromHex("3F00503008F2"));
    CHECK(path.index == 0u);
    CHECK(path.length == 0x0608u);
    CHECK(path.isAbsolute());
    CHECK(resolvePath(path, fromHex("3F005015")) == fromHex("3F00503008F2"));
}

TEST_CASE("PKCS#15 paths: relative, absolute, optional fields", "[pkcs15]")
{
    const std::vector<OdfEntry> entries = parseOdf(odfContent());
    REQUIRE(entries.size() == 3);

    CHECK(entries[0].kind == OdfKind::PrivateKeys);
    CHECK(entries[0].path.isAbsolute());
    CHECK_FALSE(entries[0].path.index);
    CHECK_FALSE(entries[0].path.length);
    CHECK(resolvePath(entries[0].path, fromHex("3F005015")) == fromHex("3F0050154402"));

    CHECK(entries[1].kind == OdfKind::Certificates);
    CHECK_FALSE(entries[1].path.isAbsolute());
    CHECK(resolvePath(entries[1].path, fromHex("3F005015")) == fromHex("3F0050154404"));

    CHECK(entries[2].kind == OdfKind::AuthObjects);
    CHECK(entries[2].path.index == 0x10u);
    CHECK(entries[2].path.length == 0x20u);

    Pkcs15Path shortPath;
    shortPath.path = fromHex("3F");
    CHECK_FALSE(shortPath.isAbsolute());
    CHECK(resolvePath(shortPath, fromHex("3F00")) == fromHex("3F003F"));
}

TEST_CASE("PKCS#15 ODF: every kind, padding, malformed entries", "[pkcs15]")
{
    Bytes all;
    for (std::uint32_t tag = 0xA0; tag <= 0xA8; ++tag)
        all = cat({ all, tlv(tag, seq({ octets("4400") })) });
    const std::vector<OdfEntry> entries = parseOdf(ffPadded(all, all.size() + 40));
    REQUIRE(entries.size() == 9);
    CHECK(entries[0].kind == OdfKind::PrivateKeys);
    CHECK(entries[1].kind == OdfKind::PublicKeys);
    CHECK(entries[2].kind == OdfKind::TrustedPublicKeys);
    CHECK(entries[3].kind == OdfKind::SecretKeys);
    CHECK(entries[4].kind == OdfKind::Certificates);
    CHECK(entries[5].kind == OdfKind::TrustedCertificates);
    CHECK(entries[6].kind == OdfKind::UsefulCertificates);
    CHECK(entries[7].kind == OdfKind::DataObjects);
    CHECK(entries[8].kind == OdfKind::AuthObjects);

    CHECK(parseOdf(Bytes(64, 0x00)).empty());
    CHECK(parseOdf(Bytes(64, 0xFF)).empty());
    CHECK(parseOdf(Bytes {}).empty());
    CHECK(isMalformed([] { parseOdf(fromHex("04 01 00")); })); // not a context tag
    CHECK(isMalformed([] { parseOdf(fromHex("A0 00")); })); // empty entry
    CHECK(isMalformed([] { parseOdf(fromHex("A0 02 30 00")); })); // Path without path
    CHECK(isMalformed([] { parseOdf(fromHex("A0 05 30 03 02 01 01")); }));
    CHECK(isMalformed([] { parseOdf(fromHex("A0 08 30 06 04 01 41 02 01 FF")); })); // index -1
}

TEST_CASE("PKCS#15 CDF: a HiCOS-style padded file with its length trailer", "[pkcs15]")
{
    const Bytes content = hicosCdfContent();
    const Bytes file = hicosFile(content, 1024);
    CHECK(directoryContentLength(file) == content.size());

    const std::vector<CertificateEntry> certs = parseCdf(file);
    REQUIRE(certs.size() == 4);
    CHECK(certs[0].label == "ROOTCACert");
    CHECK(certs[0].id == fromHex("524F4F54434143657274"));
    CHECK(certs[0].authority);
    REQUIRE(certs[0].path);
    CHECK(certs[0].path->path == fromHex("3F00503008F2"));
    CHECK(certs[0].path->index == 0u);
    CHECK(certs[0].path->length == 0x0608u);
    CHECK(certs[0].directValue.empty());

    CHECK(certs[1].label == "CACert");
    CHECK(certs[1].authority);
    CHECK(certs[1].path->index == 0x0700u);
    CHECK(certs[2].label == "cert1");
    CHECK_FALSE(certs[2].authority);
    CHECK(certs[2].path->index == 0x0E00u);
    CHECK(certs[3].label == "cert2");
    CHECK(certs[3].id == fromHex("5349474E"));
    CHECK(certs[3].path->index == 0x1500u);
    CHECK(certs[3].path->length == 0x05F4u);
}

TEST_CASE("PKCS#15 directory length: trailer, fill and content up to the trailer", "[pkcs15]")
{
    const Bytes content = hicosCdfContent();
    // Content that runs right up to the trailer, with no 00 between: only the trailer says
    // where it ends (its low byte is not 00/FF here).
    const Bytes tight = hicosFile(content, content.size() + 2);
    REQUIRE((content.size() & 0xFF) != 0x00);
    REQUIRE((content.size() & 0xFF) != 0xFF);
    CHECK(directoryContentLength(tight) == content.size());
    CHECK(parseCdf(tight).size() == 4);

    // FF fill and no trailer (a standard card).
    CHECK(directoryContentLength(ffPadded(content, content.size() + 100)) == content.size());
    // No padding at all.
    CHECK(directoryContentLength(content) == content.size());
    // A trailer that disagrees with the bytes is ignored in favour of the fill.
    Bytes lying = hicosFile(content, content.size() + 50);
    lying[lying.size() - 2] = 0x05;
    lying[lying.size() - 1] = 0x00;
    CHECK(directoryContentLength(lying) == content.size());
    // An empty HiCOS directory.
    CHECK(directoryContentLength(Bytes(256, 0x00)) == 0);
    CHECK(parseCdf(Bytes(256, 0x00)).empty());
    // Garbage before the fill is still an error.
    CHECK(isMalformed([] { directoryContentLength(fromHex("30 05 01 00 00 00")); }));
}

TEST_CASE("PKCS#15 CDF: direct values, URLs and other certificate types", "[pkcs15]")
{
    const Bytes certDer = fromHex("30 03 02 01 05");
    const Bytes direct = certificateObject("direct", "01", false, tlv(0xA0, certDer));
    const Bytes url = certificateObject("url", "02", false, tlv(0x16, Bytes { 'h', 't' }));
    const Bytes minimal
        = seq({ seq({}), seq({ octets("03") }), tlv(0xA1, seq({ seq({ octets("4405") }) })) });
    const Bytes attributeCert
        = tlv(0xA0, cat({ seq({}), seq({ octets("09") }), tlv(0xA1, seq({})) }));
    const Bytes cvCert = tlv(0xA5, seq({}));

    const auto certs
        = parseCdf(ffPadded(cat({ attributeCert, direct, cvCert, url, minimal }), 300));
    REQUIRE(certs.size() == 3);
    CHECK(certs[0].label == "direct");
    CHECK_FALSE(certs[0].path);
    CHECK(certs[0].directValue == certDer);
    CHECK(certs[1].label == "url");
    CHECK_FALSE(certs[1].path);
    CHECK(certs[1].directValue.empty());
    CHECK(certs[2].label.empty());
    CHECK_FALSE(certs[2].authority);
    CHECK(certs[2].id == fromHex("03"));
    CHECK(resolvePath(*certs[2].path, fromHex("3F005015")) == fromHex("3F0050154405"));

    // Structure errors.
    CHECK(isMalformed([] { parseCdf(fromHex("02 01 00")); }));
    CHECK(isMalformed([] { parseCdf(seq({ seq({}) })); })); // classAttributes missing
    CHECK(isMalformed([] { parseCdf(seq({ seq({}), seq({}) })); })); // iD missing
    CHECK(isMalformed([] { parseCdf(seq({ seq({}), seq({ octets("01") }) })); })); // no [1]
    CHECK(isMalformed([] { parseCdf(seq({ seq({}), seq({ octets("01") }), tlv(0xA1, {}) })); }));
    CHECK(isMalformed([] {
        parseCdf(seq({ seq({}), seq({ octets("01") }), tlv(0xA1, seq({})) })); // no value
    }));
    CHECK(isMalformed([] { parseCdf(seq({ seq({ tlv(0x0C, fromHex("41")), tlv(0x03, {}) }) })); }));
}

TEST_CASE("PKCS#15 PrKDF: RSA and EC keys, usage, references", "[pkcs15]")
{
    const auto keys = parsePrkdf(ffPadded(prkdfContent(), 400));
    REQUIRE(keys.size() == 3);

    CHECK(keys[0].label == "SIGN");
    CHECK(keys[0].type == PrivateKeyEntry::Type::Rsa);
    CHECK(keys[0].id == fromHex("5349474E"));
    CHECK(keys[0].authId == fromHex("01"));
    CHECK(keys[0].usage == (PrivateKeyEntry::Sign | PrivateKeyEntry::NonRepudiation));
    CHECK(keys[0].canSign());
    CHECK(keys[0].keyReference == 0x81); // written as the raw reference byte
    CHECK(keys[0].modulusLength == 2048);
    REQUIRE(keys[0].path);
    CHECK(keys[0].path->path == fromHex("3F0050300810"));

    CHECK(keys[1].label == "KEYX");
    CHECK(keys[1].usage == (PrivateKeyEntry::Decrypt | PrivateKeyEntry::Unwrap));
    CHECK_FALSE(keys[1].canSign());
    CHECK(keys[1].authId.empty());
    CHECK(keys[1].keyReference == 0x84);
    CHECK(keys[1].modulusLength == 3072);
    CHECK_FALSE(keys[1].path->isAbsolute());

    CHECK(keys[2].type == PrivateKeyEntry::Type::Ec);
    CHECK(keys[2].label.empty());
    CHECK(keys[2].id == fromHex("45"));
    CHECK(keys[2].usage == PrivateKeyEntry::Sign);
    CHECK(keys[2].canSign());
    CHECK_FALSE(keys[2].keyReference);
    CHECK(keys[2].modulusLength == 0);

    CHECK(isMalformed([] { // RSA without modulusLength
        parsePrkdf(seq({ seq({}), seq({ octets("01"), tlv(0x03, fromHex("0520")) }),
            tlv(0xA1, seq({ seq({ octets("4402") }) })) }));
    }));
    CHECK(isMalformed([] { // usage missing
        parsePrkdf(
            seq({ seq({}), seq({ octets("01") }), tlv(0xA1, seq({ seq({ octets("4402") }) })) }));
    }));
    CHECK(isMalformed([] { // negative multi-byte key reference
        parsePrkdf(seq({ seq({}),
            seq({ octets("01"), tlv(0x03, fromHex("0520")), tlv(0x02, fromHex("FF7F")) }),
            tlv(0xA1, seq({ seq({ octets("4402") }), tlv(0x02, fromHex("0800")) })) }));
    }));
}

TEST_CASE("PKCS#15 AODF: PIN attributes, optional fields, skipped objects", "[pkcs15]")
{
    const auto pins = parseAodf(hicosFile(aodfContent(), 512));
    REQUIRE(pins.size() == 2);

    const PinEntry& user = pins[0];
    CHECK(user.label == "User PIN");
    CHECK(user.authId == fromHex("01")); // its own id, not the PUK's (02)
    CHECK(user.pinFlags == (PinEntry::Local | PinEntry::Initialized | PinEntry::NeedsPadding));
    CHECK(user.isLocal());
    CHECK(user.needsPadding());
    CHECK_FALSE(user.isUnblockingPin());
    CHECK(user.type == PinType::AsciiNumeric);
    CHECK(user.minLength == 6);
    CHECK(user.storedLength == 8);
    CHECK(user.maxLength == 8);
    CHECK(user.reference == 0x81);
    CHECK(user.padChar == 0xFF);
    REQUIRE(user.path);
    CHECK(user.path->path == fromHex("3F005015"));

    const PinEntry& puk = pins[1];
    CHECK(puk.label == "PUK");
    CHECK(puk.isUnblockingPin());
    CHECK_FALSE(puk.isLocal());
    CHECK(puk.type == PinType::Bcd);
    CHECK(puk.minLength == 8);
    CHECK_FALSE(puk.maxLength);
    CHECK_FALSE(puk.reference);
    CHECK_FALSE(puk.padChar);
    CHECK_FALSE(puk.path);

    auto pinWith = [](const Bytes& attributes) {
        return parseAodf(seq({ seq({}), seq({ octets("01") }), tlv(0xA1, attributes) }));
    };
    CHECK(pinWith(seq({ tlv(0x03, fromHex("0780")), tlv(0x0A, fromHex("02")),
              tlv(0x02, fromHex("04")), tlv(0x02, fromHex("10")) }))[0]
              .type
        == PinType::Utf8);
    CHECK(isMalformed([&] { // storedLength missing
        pinWith(seq(
            { tlv(0x03, fromHex("0780")), tlv(0x0A, fromHex("01")), tlv(0x02, fromHex("04")) }));
    }));
    CHECK(isMalformed([&] { // padChar of two bytes
        pinWith(seq({ tlv(0x03, fromHex("0780")), tlv(0x0A, fromHex("01")),
            tlv(0x02, fromHex("04")), tlv(0x02, fromHex("08")), octets("FFFF") }));
    }));
    CHECK(isMalformed([&] { // negative minLength
        pinWith(seq({ tlv(0x03, fromHex("0780")), tlv(0x0A, fromHex("01")),
            tlv(0x02, fromHex("FC")), tlv(0x02, fromHex("08")) }));
    }));
    CHECK(isMalformed([] {
        parseAodf(seq({ seq({}), seq({}), tlv(0xA1, seq({})) }));
    })); // no authId
}

TEST_CASE("PKCS#15 TokenInfo", "[pkcs15]")
{
    const TokenInfo info = parseTokenInfo(ffPadded(tokenInfoContent(), 96));
    CHECK(info.version == 0);
    CHECK(std::string(info.serialNumber.begin(), info.serialNumber.end()) == "MT00000002872688");
    CHECK(info.manufacturer == "Chunghwa Telecom");
    CHECK(info.label == "MOICA");
    CHECK(info.flags == 0x1); // readonly

    const TokenInfo bare = parseTokenInfo(hicosFile(
        seq({ tlv(0x02, fromHex("01")), octets("0102"), tlv(0x03, fromHex("0640")) }), 64));
    CHECK(bare.version == 1);
    CHECK(bare.serialNumber == fromHex("0102"));
    CHECK(bare.manufacturer.empty());
    CHECK(bare.label.empty());
    CHECK(bare.flags == 0x2); // loginRequired

    const TokenInfo wrapped = parseTokenInfo(seq({ tlv(0x02, fromHex("00")), octets("01"),
        tlv(0xA0, utf8("L")), tlv(0x03, fromHex("0700")) }));
    CHECK(wrapped.label == "L");

    CHECK(isMalformed([] { parseTokenInfo(Bytes(32, 0x00)); }));
    CHECK(isMalformed([] { parseTokenInfo(seq({ tlv(0x02, fromHex("00")), octets("01") })); }));
    CHECK(isMalformed([] {
        parseTokenInfo(seq({ tlv(0x02, fromHex("FF")), octets("01"), tlv(0x03, fromHex("00")) }));
    }));
}

TEST_CASE("PKCS#15 hostile input: truncated at every offset", "[pkcs15]")
{
    for (const Bytes& file : validFiles()) {
        for (std::size_t cut = 0; cut <= file.size(); ++cut)
            parseEverything(ByteView(file.data(), cut));
    }
    // The bare content cut anywhere inside must fail, not silently yield fewer entries.
    const Bytes content = hicosCdfContent();
    for (std::size_t cut = 1; cut < content.size(); ++cut) {
        const Bytes prefix(content.begin(), content.begin() + static_cast<std::ptrdiff_t>(cut));
        bool wholeElement = false;
        // Cuts that land exactly between two certificate objects are valid, shorter CDFs.
        try {
            directoryContentLength(prefix);
            wholeElement = true;
        } catch (const CardError&) { }
        if (!wholeElement)
            CHECK(isMalformed([&] { parseCdf(prefix); }));
    }
}

TEST_CASE("PKCS#15 hostile input: wrong lengths, indefinite length, mutations", "[pkcs15]")
{
    std::size_t parsed = 0;
    for (const Bytes& file : validFiles()) {
        for (std::size_t at = 0; at < file.size(); ++at) {
            for (int delta : { -1, +1, 0x40, 0x80 }) {
                Bytes mutated = file;
                mutated[at] = static_cast<std::uint8_t>(mutated[at] + delta);
                parseEverything(mutated);
            }
            Bytes indefinite = file;
            indefinite[at] = 0x80;
            parseEverything(indefinite);
        }
    }
    // A length byte turned into indefinite form is rejected outright.
    Bytes cdf = hicosCdfContent();
    cdf[1] = 0x80;
    CHECK(isMalformed([&] { parseCdf(cdf); }));

    // Random byte mutations of valid files, fixed seed.
    std::mt19937 random(20240601);
    const std::vector<Bytes> files = validFiles();
    for (int round = 0; round < 20000; ++round) {
        Bytes mutated = files[static_cast<std::size_t>(round) % files.size()];
        const int flips = 1 + static_cast<int>(random() % 4);
        for (int i = 0; i < flips; ++i)
            mutated[random() % mutated.size()] = static_cast<std::uint8_t>(random());
        if (parsesOrMalformed([&] { parseCdf(mutated); }))
            ++parsed;
        parseEverything(mutated);
    }
    CHECK(parsed > 0);
}

TEST_CASE("PKCS#15 hostile input: random bytes and deep nesting", "[pkcs15]")
{
    std::mt19937 random(0xC0FFEE);
    for (int round = 0; round < 20000; ++round) {
        Bytes data(random() % 96);
        for (auto& b : data)
            b = static_cast<std::uint8_t>(random());
        if (!data.empty() && round % 3 == 0)
            data[0] = 0x30;
        parseEverything(data);
    }

    // 50000 nested SEQUENCEs (and A0s): structure-driven parsers never recurse into them.
    for (std::uint8_t tag : { std::uint8_t { 0x30 }, std::uint8_t { 0xA0 } }) {
        Bytes nested = fromHex("04 01 00");
        std::vector<Bytes> headers;
        std::size_t length = nested.size();
        for (int depth = 0; depth < 50000; ++depth) {
            Bytes header = length < 0x80
                ? Bytes { tag, static_cast<std::uint8_t>(length) }
                : Bytes { tag, 0x83, static_cast<std::uint8_t>(length >> 16),
                      static_cast<std::uint8_t>(length >> 8), static_cast<std::uint8_t>(length) };
            length += header.size();
            headers.push_back(header);
        }
        Bytes data;
        for (auto it = headers.rbegin(); it != headers.rend(); ++it)
            data.insert(data.end(), it->begin(), it->end());
        data.insert(data.end(), nested.begin(), nested.end());
        parseEverything(data);
        CHECK(isMalformed([&] { parseCdf(data); }) == (tag == 0x30));
    }
}
