#include "model/der.hpp"

#include <catch2/catch.hpp>

using namespace virtualcard;
using smartcard::fromHex;

TEST_CASE("DER lengths use the short form below 128 and the minimal long form above")
{
    CHECK(der::length(0) == fromHex("00"));
    CHECK(der::length(127) == fromHex("7F"));
    CHECK(der::length(128) == fromHex("81 80"));
    CHECK(der::length(255) == fromHex("81 FF"));
    CHECK(der::length(256) == fromHex("82 01 00"));
    CHECK(der::length(0x10000) == fromHex("83 01 00 00"));
    const smartcard::Bytes big(300, 0xAB);
    const auto tlv = der::octetString(big);
    CHECK(smartcard::Bytes(tlv.begin(), tlv.begin() + 4) == fromHex("04 82 01 2C"));
    CHECK(tlv.size() == 304);
}

TEST_CASE("DER integers are minimal two's complement")
{
    CHECK(der::integer(0) == fromHex("02 01 00"));
    CHECK(der::integer(127) == fromHex("02 01 7F"));
    CHECK(der::integer(128) == fromHex("02 02 00 80"));
    CHECK(der::integer(0x81) == fromHex("02 02 00 81"));
    CHECK(der::integer(256) == fromHex("02 02 01 00"));
    CHECK(der::integer(2048) == fromHex("02 02 08 00"));
    CHECK(der::integer(0x1500) == fromHex("02 02 15 00"));
    CHECK(der::integer(-1) == fromHex("02 01 FF"));
    CHECK(der::integer(-128) == fromHex("02 01 80"));
    CHECK(der::integer(-129) == fromHex("02 02 FF 7F"));
    CHECK(der::integer(0x0608, 0x80) == fromHex("80 02 06 08"));
    CHECK(der::enumerated(2) == fromHex("0A 01 02"));
}

TEST_CASE("DER named bit strings drop trailing zero bits")
{
    CHECK(der::namedBits({}) == fromHex("03 01 00"));
    CHECK(der::namedBits({ 0 }) == fromHex("03 02 07 80"));
    CHECK(der::namedBits({ 0, 1 }) == fromHex("03 02 06 C0"));
    CHECK(der::namedBits({ 1, 5 }) == fromHex("03 02 02 44")); // decrypt + unwrap
    CHECK(der::namedBits({ 2, 9 }) == fromHex("03 03 06 20 40")); // sign + nonRepudiation
    CHECK(der::namedBits({ 7 }) == fromHex("03 02 00 01"));
    CHECK(der::namedBits({ 8 }) == fromHex("03 03 07 00 80"));
}

TEST_CASE("DER simple types")
{
    CHECK(der::boolean(true) == fromHex("01 01 FF"));
    CHECK(der::boolean(false) == fromHex("01 01 00"));
    CHECK(der::utf8String("SIGN") == fromHex("0C 04 53 49 47 4E"));
    CHECK(der::utf8String("王") == fromHex("0C 03 E7 8E 8B"));
    CHECK(der::utf8String("L", 0x80) == fromHex("80 01 4C"));
    CHECK(der::octetString(smartcard::Bytes {}) == fromHex("04 00"));
}

TEST_CASE("DER reproduces the real HiCOS CDF path capture byte for byte")
{
    const auto path = der::sequence(
        { der::octetString(fromHex("3F00503008F2")), der::integer(0), der::integer(0x0608, 0x80) });
    CHECK(path == fromHex("30 0F 04 06 3F 00 50 30 08 F2 02 01 00 80 02 06 08"));
    CHECK(der::context(1, { fromHex("05 00") }) == fromHex("A1 02 05 00"));
}
