#include "card_error_checks.hpp"
#include "pkcs15_test_files.hpp"
#include "smartcard/errors.hpp"
#include "smartcard/pkcs15.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <vector>

using namespace smartcard;
using namespace cardchecks;
using namespace pkcs15test;

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
