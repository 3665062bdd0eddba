#include "model/apdu_log.hpp"

#include <catch2/catch.hpp>
#include <cstdio>
#include <string>

using namespace virtualcard;
using smartcard::fromHex;

TEST_CASE("VERIFY data never reaches the log, whatever the class")
{
    CHECK(describeCommand(fromHex("00 20 00 81 08 31 32 33 34 35 36 FF FF"))
        == "00 20 00 81 VERIFY <8 bytes redacted>");
    CHECK(describeCommand(fromHex("80 20 00 01 06 31 32 33 34 35 36"))
        == "80 20 00 01 VERIFY <6 bytes redacted>");
    CHECK(describeCommand(fromHex("00 20 00 81")) == "00 20 00 81 VERIFY <0 bytes redacted>");
    // Malformed length: everything after the header is hidden.
    CHECK(describeCommand(fromHex("8C 20 00 01 20 31 32 33"))
        == "8C 20 00 01 VERIFY <4 bytes redacted>");
    CHECK(describeCommand(fromHex("00 24 00 81 10 31 32 33 34 35 36 FF FF 36 35 34 33 32 31 FF FF"))
        == "00 24 00 81 CHANGE REFERENCE DATA <16 bytes redacted>");
    CHECK(describeCommand(fromHex("00 A4 00 0C 02 3F 00")) == "00 A4 00 0C 02 3F 00");
}

TEST_CASE("Responses are logged as a length and a status word")
{
    CHECK(describeResponse(fromHex("90 00")) == "0 bytes SW 9000");
    CHECK(describeResponse(fromHex("01 02 03 62 82")) == "3 bytes SW 6282");
    CHECK(describeResponse(fromHex("")) == "0 bytes, no status word");
}

TEST_CASE("Log lines carry a millisecond stamp and a kind")
{
    std::FILE* f = std::tmpfile();
    REQUIRE(f);
    ApduLog log(f);
    log.command(fromHex("00 20 00 81 08 31 32 33 34 35 36 FF FF"));
    log.response(fromHex("63 C2"));
    log.event("VERIFY wrong PIN; tries left 2");
    std::rewind(f);
    char buffer[512] = {};
    const std::size_t n = std::fread(buffer, 1, sizeof buffer - 1, f);
    std::fclose(f);
    const std::string text(buffer, n);
    CHECK(text.find("APDU > 00 20 00 81 VERIFY <8 bytes redacted>\n") != std::string::npos);
    CHECK(text.find("APDU < 0 bytes SW 63C2\n") != std::string::npos);
    CHECK(text.find("EVENT VERIFY wrong PIN; tries left 2\n") != std::string::npos);
    CHECK(text.find("31 32 33") == std::string::npos);
    CHECK(text.rfind("0 APDU >", 0) == 0);
}
