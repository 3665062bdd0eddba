// The gen2 model and the faithful gen1 layout: what the captures of real cards show.
#include "fake_certificate.hpp"
#include "model/atr.hpp"
#include "model/hicos_files.hpp"
#include "model/moica_card.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace virtualcard;
using smartcard::Bytes;
using smartcard::fromHex;
using virtualcard::testing::fakeCertificate;

namespace {

MoicaConfig faithful()
{
    MoicaConfig c;
    c.certificates = { fakeCertificate(1300, 0x11), fakeCertificate(1200, 0x22),
        fakeCertificate(1000, 0x33), fakeCertificate(0x700, 0x44), std::nullopt };
    return c;
}

std::uint16_t swAfter(Card& card, std::string_view hex)
{
    return swOf(card.process(fromHex(hex)));
}

Bytes readAllGen2(MoicaGen2Card& card, std::size_t offset, std::size_t length)
{
    Bytes out;
    while (out.size() < length) {
        const std::size_t at = offset + out.size();
        const std::size_t n = std::min<std::size_t>(0xC8, length - out.size());
        const auto r = card.process(Bytes { 0x00, 0xB0, static_cast<std::uint8_t>(at >> 8),
            static_cast<std::uint8_t>(at), static_cast<std::uint8_t>(n) });
        REQUIRE(swOf(r) == 0x9000);
        out.insert(out.end(), r.response.begin(), r.response.end() - 2);
    }
    return out;
}

bool contains(const Bytes& haystack, const Bytes& needle)
{
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end())
        != haystack.end();
}

} // namespace

TEST_CASE("MOICA gen2: CLA 00 only, the applet by AID, SELECT FID with P2 04 and Le")
{
    MoicaGen2Card card(faithful());
    CHECK(card.atr() == atr::moicaGen2());
    CHECK(atr::checkByteValid(card.atr()));
    // Nothing is reachable before the applet is selected.
    CHECK(swAfter(card, "00 A4 00 04 02 09 00 00") == 0x6A82);
    CHECK(swAfter(card, "80 A4 00 00 02 3F 00") == 0x6E00);
    CHECK(swAfter(card, "00 A4 04 0C 10 A0 00 00 02 83 00 00 06 22 01 69 64 00 01 01 01 00")
        == 0x9000);
    CHECK(swAfter(card, "00 A4 00 04 02 09 00") == 0x6700); // no Le
    CHECK(swAfter(card, "00 A4 00 00 02 09 00 00") == 0x6A86); // P2 00
    CHECK(swAfter(card, "00 A4 00 04 02 3F 00 00") == 0x6A82);
    CHECK(swAfter(card, "00 A4 00 04 02 7F FF 00") == 0x6A82);
    const auto r = card.process(fromHex("00 A4 00 04 02 09 00 00"));
    CHECK(swOf(r) == 0x9000);
    CHECK(r.response[0] == 0x62); // an FCP comes back
    CHECK(swAfter(card, "00 A4 00 04 02 09 03 00") == 0x9000);
    // The small info EFs refuse a large Le with 6987 and answer 16 bytes.
    CHECK(swAfter(card, "00 B0 00 00 18") == 0x6987);
    const auto number = card.process(fromHex("00 B0 00 00 10"));
    CHECK(std::string(number.response.begin(), number.response.end() - 2) == "TP03000000012345");
    CHECK(swAfter(card, "80 B0 00 00 10") == 0x6E00);
}

TEST_CASE("MOICA gen2 keeps the PKI files under the applet, with 7FFF paths")
{
    const auto c = faithful();
    MoicaGen2Card card(c);
    REQUIRE(swAfter(card, "00 A4 04 0C 10 A0 00 00 02 83 00 00 06 22 01 69 64 00 01 01 01 00")
        == 0x9000);
    REQUIRE(swAfter(card, "00 A4 00 04 02 50 30 00") == 0x9000);
    REQUIRE(swAfter(card, "00 A4 00 04 02 41 04 00") == 0x9000);
    const Bytes cdf = readAllGen2(card, 0, hicos::directorySize);
    CHECK(contains(cdf, fromHex("04 06 7F FF 50 30 08 F2")));
    CHECK_FALSE(contains(cdf, fromHex("04 06 3F 00 50 30 08 F2")));
    // Real-style object IDs: SIGN is certificate 1, at the first slot.
    CHECK(contains(cdf, fromHex("04 04 53 49 47 4E")));
    CHECK(contains(cdf, fromHex("04 04 4B 45 59 58")));
    CHECK(contains(cdf, fromHex("04 06 43 41 43 65 72 74")));
    CHECK(contains(cdf, fromHex("04 0A 52 4F 4F 54 43 41 43 65 72 74")));
    for (int fid : { 0x4100, 0x4101, 0x4108, 0x5032, 0x08F2, 0x0810 }) {
        INFO(fid);
        CHECK(swOf(card.process(Bytes { 0x00, 0xA4, 0x00, 0x04, 0x02,
                  static_cast<std::uint8_t>(fid >> 8), static_cast<std::uint8_t>(fid), 0x00 }))
            == 0x9000);
        REQUIRE(swAfter(card, "00 A4 04 0C 10 A0 00 00 02 83 00 00 06 22 01 69 64 00 01 01 01 00")
            == 0x9000);
        REQUIRE(swAfter(card, "00 A4 00 04 02 50 30 00") == 0x9000);
    }
    REQUIRE(swAfter(card, "00 A4 00 04 02 08 F2 00") == 0x9000);
    CHECK(readAllGen2(card, 0, 0x700) == c.certificates.signature);
}

TEST_CASE("MOICA gen2 burns a try on any VERIFY not in its protected form")
{
    MoicaGen2Card card(faithful());
    for (const char* verify : { "00 20 00 01 08 31 32 33 34 35 36 FF FF", "00 20 00 01",
             "80 20 00 01 0A 31 32 33 34 35 36 FF FF FF FF" }) {
        INFO(verify);
        const auto before = card.pin().left();
        const auto r = card.process(fromHex(verify));
        CHECK(card.pin().left() == before - 1);
        REQUIRE_FALSE(r.events.empty());
        CHECK(r.events[0].find("protected form") != std::string::npos);
    }
    CHECK(card.pin().blocked());
}

TEST_CASE("The contactless gen2 card and an ATR given on the command line")
{
    auto c = faithful();
    c.contactless = true;
    CHECK(MoicaGen2Card(c).atr() == atr::moicaContactless());
    c.atr = fromHex("3B 80 80 01 01");
    CHECK(MoicaGen2Card(c).atr() == fromHex("3B 80 80 01 01"));
    CHECK(MoicaGen1Card(c).atr() == fromHex("3B 80 80 01 01"));
}

TEST_CASE("The faithful gen1 layout: EF.DIR, TokenInfo, PuKDF, certificate 1 signs")
{
    const auto c = faithful();
    MoicaGen1Card card(c);
    REQUIRE(swAfter(card, "80 A4 00 00 02 3F 00") == 0x9000);
    REQUIRE(swAfter(card, "80 A4 00 00 02 2F 00") == 0x9000);
    const auto dir = card.process(fromHex("80 B0 00 00 40"));
    CHECK(contains(dir.response, fromHex("4F 0C A0 00 00 00 63 50 4B 43 53 2D 31 35")));
    const std::string label = "中華電信研究所";
    CHECK(contains(dir.response, Bytes(label.begin(), label.end())));
    REQUIRE(swAfter(card, "80 A4 00 00 02 50 30") == 0x9000);
    for (int fid : { 0x4101, 0x5032 }) {
        INFO(fid);
        CHECK(swOf(card.process(Bytes { 0x80, 0xA4, 0x00, 0x00, 0x02,
                  static_cast<std::uint8_t>(fid >> 8), static_cast<std::uint8_t>(fid) }))
            == 0x9000);
        CHECK(swAfter(card, "80 A4 00 00 02 50 30") == 0x9000);
    }
    const auto slots = hicos::slots(c.layout, c.certificates);
    REQUIRE(slots.front().id == Bytes { 'S', 'I', 'G', 'N' });
    CHECK(slots.front().offset == 0);
    CHECK(slots.front().certificate == &c.certificates.signature);
    CHECK(hicos::signKeyReference(slots) == 0x01);
}

TEST_CASE("A second signing certificate is listed first, as SIGN02")
{
    auto c = faithful();
    c.certificates.secondSignature = fakeCertificate(900, 0x55);
    const auto slots = hicos::slots(c.layout, c.certificates);
    REQUIRE(slots.size() == 5);
    CHECK(slots.front().id == Bytes { 'S', 'I', 'G', 'N', '0', '2' });
    CHECK(hicos::certificateBlob(slots).size() == 5 * hicos::slotSize);
    CHECK(hicos::signKeyReference(slots) == 0x01);
}
