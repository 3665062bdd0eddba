// The ATR table (pcsc-tools syntax) and the ATR's historical bytes.
#include "smartcard/atr_table.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

using namespace smartcard;

TEST_CASE("the built-in table knows the Taiwan cards", "[atr]")
{
    const auto& table = AtrTable::builtin();
    CHECK(table.size() >= 10);
    const auto* moica = table.match(fromHex("3B B8 13 00 81 31 FA 52 43 48 54 4D 4F 49 43 41 A5"));
    REQUIRE(moica);
    CHECK(moica->hint == AtrHint::HicosGen1);
    CHECK(moica->descriptions.front() == "citizen digital certificate (PKI)");
    const auto* gen2
        = table.match(fromHex("3B D8 96 00 81 B1 FE 45 1F 07 43 48 54 47 50 4B 49 4A DD"));
    REQUIRE(gen2);
    CHECK(gen2->hint == AtrHint::HicosGen2);
    const auto* nhi
        = table.match(fromHex("3B FC 18 00 00 81 31 FE 45 80 73 C8 21 13 66 02 04 03 55 00 02 D2"));
    REQUIRE(nhi);
    CHECK(nhi->hint == AtrHint::Nhi);
    CHECK(table.match(fromHex("3B 80 80 01 01")) == nullptr);
}

TEST_CASE("pcsc-tools syntax: wildcards, descriptions, skipped regexes", "[atr]")
{
    std::istringstream text("# comment\n"
                            "\n"
                            "3B 8F 80 01 80 4F 0C A0 00 00 03 06 .. .. .. .. .. .. .. ..\n"
                            "\tSome contactless card\n"
                            "\thttps://example.org\n"
                            "3B [89]1 00\n"
                            "\ta character class we do not evaluate\n"
                            "3b 02 14 50\n"
                            "\tlower case\n"
                            "\thint: nhi\n");
    const AtrTable table = AtrTable::parse(text);
    CHECK(table.size() == 2);
    const auto* wild
        = table.match(fromHex("3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 03 00 00 00 00 68"));
    REQUIRE(wild);
    CHECK(wild->descriptions.size() == 2);
    CHECK(wild->hint == AtrHint::None);
    // Same prefix, one byte shorter: no match.
    CHECK(table.match(fromHex("3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 03 00 00 00 00"))
        == nullptr);
    const auto* lower = table.match(fromHex("3B021450"));
    REQUIRE(lower);
    CHECK(lower->hint == AtrHint::Nhi);
    CHECK(table.match(fromHex("3B 91 00")) == nullptr);
}

TEST_CASE("the system's pcsc-tools list parses when it is installed", "[atr]")
{
    std::ifstream file("/usr/share/pcsc/smartcard_list.txt");
    if (!file)
        return; // optional at run time
    const AtrTable table = AtrTable::parse(file);
    CHECK(table.size() > 1000);
    CHECK(table.match(fromHex("3B B8 13 00 81 31 FA 52 43 48 54 4D 4F 49 43 41 A5")) != nullptr);
}

TEST_CASE("historical bytes come out of the ATR's interface bytes", "[atr]")
{
    CHECK(toHex(atrHistoricalBytes(fromHex("3B B8 13 00 81 31 FA 52 43 48 54 4D 4F 49 43 41 A5")))
        == toHex(
            Bytes { 'C', 'H', 'T', 'M', 'O', 'I', 'C', 'A' })); // after TA1 TB1 TD1 TD2 TA3 TB3
    CHECK(atrHistoricalBytes(fromHex("3B 80 80 01 01")).empty());
    CHECK(atrHistoricalBytes(fromHex("3B")).empty());
    CHECK(atrHistoricalBytes(fromHex("3B FF")).empty()); // announces bytes that are not there
}

TEST_CASE("our descriptions are pcsc-tools' own, word for word", "[atr]")
{
    // pcsc-tools is one of the packages the project installs; its list is older than the
    // snapshot ours comes from, so entries it lacks are not compared.
    std::ifstream file("/usr/share/pcsc/smartcard_list.txt");
    REQUIRE(file);
    const AtrTable system = AtrTable::parse(file);
    std::size_t compared = 0;
    const auto& builtin = AtrTable::builtin();
    for (std::size_t i = 0; i < builtin.size(); ++i) {
        const AtrEntry& entry = builtin.entry(i);
        INFO(entry.pattern);
        if (entry.pattern.find('.') != std::string::npos)
            continue;
        const AtrEntry* listed = system.match(fromHex(entry.pattern));
        if (!listed || listed->pattern != entry.pattern)
            continue;
        CHECK(entry.descriptions == listed->descriptions);
        ++compared;
    }
    CHECK(compared >= 8);
}

TEST_CASE("the NHI entries, the probable one marked as such", "[atr]")
{
    const auto& table = AtrTable::builtin();
    const auto* nhi = table.match(
        fromHex("3B FF 18 00 FF 81 31 FE 45 54 48 43 43 31 30 54 45 43 4F 47 44 49 4E 31 26"));
    REQUIRE(nhi);
    CHECK(nhi->hint == AtrHint::Nhi);
    CHECK(nhi->probable.empty());
    const auto* probable = table.match(
        fromHex("3B EE 00 00 81 31 FE 45 80 31 80 66 40 90 93 06 0F 17 83 01 90 00 FD"));
    REQUIRE(probable);
    CHECK(probable->hint == AtrHint::Nhi);
    CHECK_FALSE(probable->probable.empty());
    CHECK(probable->descriptions.front() == "Health insurance (HealthCare)");
}

TEST_CASE("a 00 a reader driver put before TS is dropped", "[atr]")
{
    const Bytes moica = fromHex("3B B8 13 00 81 31 FA 52 43 48 54 4D 4F 49 43 41 A5");
    CHECK(normalisedAtr(concat({ Bytes { 0x00 }, moica })) == moica);
    CHECK(normalisedAtr(moica) == moica);
    CHECK(normalisedAtr(fromHex("00 3F 11")) == fromHex("3F 11"));
    CHECK(normalisedAtr(fromHex("00 00 3B")) == fromHex("00 00 3B"));
    CHECK(normalisedAtr(fromHex("00 3B")) == fromHex("00 3B")); // nothing would be left
}
