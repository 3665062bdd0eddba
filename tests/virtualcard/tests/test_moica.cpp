#include "fake_certificate.hpp"
#include "model/atr.hpp"
#include "model/hicos_files.hpp"
#include "model/moica_card.hpp"

#include <catch2/catch.hpp>

using namespace virtualcard;
using smartcard::Bytes;
using smartcard::fromHex;
using virtualcard::testing::fakeCertificate;

namespace {

MoicaConfig config(hicos::Layout layout = hicos::Layout::Shuffled)
{
    MoicaConfig c;
    c.certificates = { fakeCertificate(1300, 0x11), fakeCertificate(1200, 0x22),
        fakeCertificate(1000, 0x33), fakeCertificate(0x700, 0x44), std::nullopt };
    c.layout = layout;
    return c;
}

Bytes sw(std::uint16_t v)
{
    return { static_cast<std::uint8_t>(v >> 8), static_cast<std::uint8_t>(v) };
}

Bytes readAll(MoicaGen1Card& card, std::size_t offset, std::size_t length)
{
    Bytes out;
    while (out.size() < length) {
        const std::size_t at = offset + out.size();
        const std::size_t n = std::min<std::size_t>(0xC8, length - out.size());
        const auto r = card.process(Bytes { 0x80, 0xB0, static_cast<std::uint8_t>(at >> 8),
            static_cast<std::uint8_t>(at), static_cast<std::uint8_t>(n) });
        REQUIRE(swOf(r) == 0x9000);
        out.insert(out.end(), r.response.begin(), r.response.end() - 2);
    }
    return out;
}

} // namespace

TEST_CASE("MOICA gen1 rejects CLA 00 and answers SELECT without FCP")
{
    MoicaGen1Card card(config());
    CHECK(card.atr() == atr::moicaGen1());
    CHECK(card.process(fromHex("00 A4 04 0C 0C A0 00 00 00 63 50 4B 43 53 2D 31 35")).response
        == sw(0x6E00));
    CHECK(card.process(fromHex("00 A4 00 0C 02 3F 00")).response == sw(0x6E00));
    CHECK(card.process(fromHex("80 A4 00 00 02 3F 00")).response == sw(0x9000));
    CHECK(card.process(fromHex("80 A4 00 00 02 50 15")).response == sw(0x6A82));
    CHECK(card.process(fromHex("80 A4 00 00 02 50 31")).response == sw(0x6A82));
    CHECK(card.process(fromHex("80 A4 00 00 02 2F 00")).response == sw(0x6A82));
    CHECK(card.process(fromHex("80 A4 00 00 02 09 00")).response == sw(0x9000));
    CHECK(card.process(fromHex("80 A4 00 00 02 09 05")).response == sw(0x9000));
    auto r = card.process(fromHex("80 B0 00 00 14"));
    CHECK(r.response
        == smartcard::concat(
            { Bytes { 'C', 'H', 'T', ' ', 'V', '3', '2', 'N' }, Bytes(12, 0), sw(0x9000) }));
    CHECK(card.process(fromHex("80 A4 00 00 02 09 03")).response == sw(0x9000));
    r = card.process(fromHex("80 B0 00 00 10"));
    CHECK(std::string(r.response.begin(), r.response.end() - 2) == "TP03000000012345");
    CHECK(card.process(fromHex("80 CA 00 00 00")).response == sw(0x6D00));
}

TEST_CASE("MOICA gen1 READ BINARY limits")
{
    MoicaGen1Card card(config());
    REQUIRE(swOf(card.process(fromHex("80 A4 00 00 02 3F 00"))) == 0x9000);
    CHECK(card.process(fromHex("80 B0 00 00 10")).response == sw(0x6986)); // no EF selected
    REQUIRE(swOf(card.process(fromHex("80 A4 00 00 02 50 30"))) == 0x9000);
    REQUIRE(swOf(card.process(fromHex("80 A4 00 00 02 08 F2"))) == 0x9000);
    CHECK(card.process(fromHex("80 B0 00 00 C9")).response == sw(0x6700));
    CHECK(card.process(fromHex("80 B0 00 00 00")).response == sw(0x6700)); // Le 256
    CHECK(card.process(fromHex("80 B0 00 00")).response == sw(0x6700));
    CHECK(card.process(fromHex("80 B0 1C 00 01")).response == sw(0x6B00));
    const auto r = card.process(fromHex("80 B0 1B F0 C8"));
    CHECK(swOf(r) == 0x6282);
    CHECK(r.response.size() == 16 + 2);
    REQUIRE(swOf(card.process(fromHex("80 A4 00 00 02 08 10"))) == 0x9000);
    CHECK(card.process(fromHex("80 B0 00 00 10")).response == sw(0x6982));
}

TEST_CASE("MOICA gen1 08F2 holds the certificates at their slots, FF elsewhere")
{
    const auto c = config();
    MoicaGen1Card card(c);
    card.process(fromHex("80 A4 00 00 02 3F 00"));
    card.process(fromHex("80 A4 00 00 02 50 30"));
    card.process(fromHex("80 A4 00 00 02 08 F2"));
    CHECK(readAll(card, 0x0000, 1300) == c.certificates.root);
    CHECK(readAll(card, 0x0700, 1200) == c.certificates.ca);
    CHECK(readAll(card, 0x0E00, 1000) == c.certificates.encryption);
    CHECK(readAll(card, 0x1500, 0x700) == c.certificates.signature);
    CHECK(readAll(card, 1300, 10) == Bytes(10, 0xFF));
}

TEST_CASE("MOICA gen1 directory files end in their content length, little-endian")
{
    const auto c = config();
    MoicaGen1Card card(c);
    card.process(fromHex("80 A4 00 00 02 3F 00"));
    card.process(fromHex("80 A4 00 00 02 50 30"));
    const auto slots = hicos::slots(c.layout, c.certificates);
    for (const auto& [fid, content] : { std::pair { 0x4104, hicos::cdf(slots, hicos::Root::Mf) },
             std::pair { 0x4100, hicos::prkdf(slots, hicos::Root::Mf, {}) },
             std::pair { 0x4108, hicos::aodf() } }) {
        REQUIRE(swOf(card.process(Bytes { 0x80, 0xA4, 0x00, 0x00, 0x02,
                    static_cast<std::uint8_t>(fid >> 8), static_cast<std::uint8_t>(fid) }))
            == 0x9000);
        const Bytes file = readAll(card, 0, hicos::directorySize);
        CHECK(Bytes(file.begin(), file.begin() + static_cast<long>(content.size())) == content);
        CHECK((file[hicos::directorySize - 2] | file[hicos::directorySize - 1] << 8)
            == static_cast<int>(content.size()));
        CHECK(file[content.size()] == 0x00);
    }
}

TEST_CASE("MOICA gen1 CDF entries point into 08F2 with index and length")
{
    const auto c = config();
    const Bytes cdf = hicos::cdf(hicos::slots(c.layout, c.certificates), hicos::Root::Mf);
    // First entry: cert1 = the encryption certificate at 0x0E00, 1000 (0x03E8) bytes, not
    // authority.
    const Bytes first
        = fromHex("30 25 30 07 0C 05 63 65 72 74 31 30 04 04 02 3C 71"
                  "A1 14 30 12 30 10 04 06 3F 00 50 30 08 F2 02 02 0E 00 80 02 03 E8");
    CHECK(Bytes(cdf.begin(), cdf.begin() + static_cast<long>(first.size())) == first);
    // The root at offset 0 is encoded as INTEGER 0, like the real-card capture.
    const Bytes rootPath = fromHex("04 06 3F 00 50 30 08 F2 02 01 00 80 02 05 14");
    CHECK(std::search(cdf.begin(), cdf.end(), rootPath.begin(), rootPath.end()) != cdf.end());
}

TEST_CASE("MOICA gen1 PrKDF and AODF encodings")
{
    const auto c = config();
    const Bytes prkdf = hicos::prkdf(hicos::slots(c.layout, c.certificates), hicos::Root::Mf, {});
    const Bytes keyx = fromHex("30 31 30 0D 0C 04 4B 45 59 58 03 02 07 80 04 01 01"
                               "30 0E 04 02 3C 71 03 02 02 44 01 01 FF 02 01 05"
                               "A1 10 30 0E 30 08 04 06 3F 00 50 30 08 10 02 02 08 00");
    CHECK(Bytes(prkdf.begin(), prkdf.begin() + static_cast<long>(keyx.size())) == keyx);
    const Bytes signUsage = fromHex("04 02 C5 0E 03 03 06 20 40 01 01 FF 02 01 01");
    CHECK(
        std::search(prkdf.begin(), prkdf.end(), signUsage.begin(), signUsage.end()) != prkdf.end());
    CHECK(hicos::aodf()
        == fromHex(
            "30 2F 30 0E 0C 08 55 73 65 72 20 50 49 4E 03 02 06 C0 30 03 04 01 01"
            "A1 18 30 16 03 02 02 4C 0A 01 02 02 01 06 02 01 0A 02 01 08 80 01 01 04 01 FF"));
}

TEST_CASE("MOICA gen1 VERIFY of any class burns a try and is refused")
{
    MoicaGen1Card card(config());
    auto r = card.process(fromHex("00 20 00 01 08 31 32 33 34 35 36 FF FF"));
    CHECK(r.response == sw(0x6982));
    CHECK(card.pin().left() == 2);
    REQUIRE(r.events.size() == 1);
    CHECK(r.events[0].find("tries left 2") != std::string::npos);
    // The protected form with data that does not decrypt to a PIN counts as a wrong PIN.
    CHECK(card.process(fromHex("8C 20 00 01 04 01 02 03 04")).response == sw(0x63C1));
    CHECK(card.process(fromHex("80 20 00 01")).response == sw(0x6983));
    CHECK(card.process(fromHex("80 20 00 01")).response == sw(0x6983));
    CHECK(card.pin().left() == 0);
}

TEST_CASE("MOICA gen1 rejects a malformed card number and oversized certificates")
{
    auto c = config();
    c.cardNumber = "TP0300000001234";
    CHECK_THROWS(MoicaGen1Card(c));
    c = config();
    c.certificates.ca = fakeCertificate(0x701, 0x22);
    CHECK_THROWS(MoicaGen1Card(c));
}

TEST_CASE("The yank hook asks the wire loop to drop the connection")
{
    MoicaGen1Card card(config());
    CHECK(card.process(fromHex("80 EE 00 00")).yank);
    CHECK_FALSE(card.process(fromHex("00 EE 00 00")).yank);
}

TEST_CASE("ATR check bytes")
{
    CHECK(atr::checkByteValid(atr::moicaGen1()));
    CHECK(atr::checkByteValid(atr::nhi()));
    const auto eid = atr::isoEid();
    CHECK(atr::checkByteValid(eid));
    CHECK(eid.size() == 19);
    CHECK(std::string(eid.begin() + 8, eid.begin() + 18) == "SQR-EID-01");
}
