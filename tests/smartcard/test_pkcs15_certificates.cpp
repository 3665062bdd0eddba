#include "card_error_checks.hpp"
#include "pkcs15_test_files.hpp"
#include "smartcard/errors.hpp"
#include "smartcard/pkcs15.hpp"

#include <catch2/catch.hpp>
#include <vector>

using namespace smartcard;
using namespace cardchecks;
using namespace pkcs15test;

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
