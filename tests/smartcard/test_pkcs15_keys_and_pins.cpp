#include "card_error_checks.hpp"
#include "pkcs15_test_files.hpp"
#include "smartcard/errors.hpp"
#include "smartcard/pkcs15.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace smartcard;
using namespace cardchecks;
using namespace pkcs15test;

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
