#include "card_error_checks.hpp"
#include "smartcard/der.hpp"
#include "smartcard/errors.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <functional>
#include <random>
#include <utility>
#include <vector>

using namespace smartcard;

using namespace cardchecks;

namespace {

// The one element of `bytes`; it views into `bytes`, which must outlive it.
Tlv single(const Bytes& bytes)
{
    DerReader reader(bytes);
    Tlv tlv = reader.next();
    REQUIRE(reader.atEnd());
    return tlv;
}

// Reads everything below `data`, decoding every primitive element every possible way.
void walkAll(ByteView data, DerReader::Padding padding)
{
    std::vector<DerReader> stack;
    stack.emplace_back(data, padding);
    while (!stack.empty()) {
        if (stack.back().atEnd()) {
            stack.pop_back();
            continue;
        }
        const Tlv tlv = stack.back().next();
        if (tlv.constructed) {
            stack.push_back(tlv.children());
            continue;
        }
        parsesOrMalformed([&] { derInteger(tlv); });
        parsesOrMalformed([&] { derBoolean(tlv); });
        parsesOrMalformed([&] { derOctets(tlv); });
        parsesOrMalformed([&] { derString(tlv); });
        parsesOrMalformed([&] { derBitString(tlv); });
        parsesOrMalformed([&] { derOid(tlv); });
    }
}

} // namespace

TEST_CASE("DER reads short-form elements and their children", "[der]")
{
    const Bytes data = fromHex("30 06 02 01 05 04 01 AA 05 00");
    DerReader reader(data);
    REQUIRE_FALSE(reader.atEnd());
    const Tlv seq = reader.next();
    CHECK(seq.tag == 0x30);
    CHECK(seq.constructed);
    CHECK(seq.value.size() == 6);
    CHECK(seq.whole.size() == 8);
    CHECK(reader.offset() == 8);

    DerReader children = seq.children();
    CHECK(derInteger(children.expect(dertag::Integer, "int")) == 5);
    CHECK(derOctets(children.expect(dertag::OctetString, "octets")) == Bytes { 0xAA });
    CHECK(children.atEnd());

    const Tlv null = reader.next();
    CHECK(null.tag == dertag::Null);
    CHECK_FALSE(null.constructed);
    CHECK(null.value.empty());
    CHECK(reader.atEnd());
    CHECK(isMalformed([&] { reader.next(); }));
    CHECK(isMalformed([&] { reader.peek(); }));
    CHECK_FALSE(reader.nextIf(dertag::Null));
    CHECK(isMalformed([&] { reader.expect(dertag::Null, "null"); }));
}

TEST_CASE("DER peek, nextIf and expect", "[der]")
{
    const Bytes data = fromHex("02 01 01 80 01 02");
    DerReader reader(data);
    CHECK(reader.peek().tag == 0x02);
    CHECK(reader.peek().tag == 0x02); // peeking twice does not consume
    CHECK(reader.offset() == 0);
    CHECK_FALSE(reader.nextIf(0x80));
    CHECK(reader.nextIf(0x02).has_value());
    CHECK(isMalformed([&] { reader.expect(0x02, "integer"); }));
    const Tlv implicit = reader.expect(0x80, "[0]");
    CHECK(derInteger(implicit) == 2);
    CHECK(reader.atEnd());
}

TEST_CASE("DER multi-byte tags", "[der]")
{
    SECTION("two-byte application tag")
    {
        const Bytes data = fromHex("5F 20 03 41 42 43");
        const Tlv tlv = single(data);
        CHECK(tlv.tag == 0x5F20);
        CHECK_FALSE(tlv.constructed);
        CHECK(derString(tlv) == "ABC");
    }
    SECTION("constructed two-byte tag")
    {
        const Bytes data = fromHex("7F 49 03 86 01 04");
        const Tlv tlv = single(data);
        CHECK(tlv.tag == 0x7F49);
        CHECK(tlv.constructed);
        CHECK(tlv.children().expect(0x86, "point").value.size() == 1);
    }
    SECTION("three- and four-byte tags")
    {
        CHECK(single(fromHex("9F 81 01 00")).tag == 0x9F8101);
        CHECK(single(fromHex("BF 81 82 03 00")).tag == 0xBF818203);
    }
    SECTION("malformed tags")
    {
        CHECK(isMalformed([] { single(fromHex("1F 81 81 81 01 00")); })); // five bytes
        CHECK(isMalformed([] { single(fromHex("5F")); })); // truncated
        CHECK(isMalformed([] { single(fromHex("5F 81")); })); // truncated continuation
        CHECK(isMalformed([] { single(fromHex("5F 80 01 00")); })); // non-minimal
        CHECK(isMalformed([] { single(fromHex("00 00")); })); // end-of-contents
    }
}

TEST_CASE("DER long-form lengths", "[der]")
{
    Bytes big = fromHex("04 82 01 00");
    big.resize(4 + 256, 0x5A);
    const Tlv tlv = single(big);
    CHECK(tlv.value.size() == 256);
    CHECK(tlv.whole.size() == 260);

    CHECK(single(fromHex("04 81 02 01 02")).value.size() == 2);
    CHECK(single(fromHex("04 83 00 00 01 07")).value.size() == 1);
    CHECK(single(fromHex("04 84 00 00 00 01 07")).value.size() == 1);
    CHECK(single(fromHex("04 00")).value.empty());

    CHECK(isMalformed([] { single(fromHex("30 80 02 01 00 00 00")); })); // indefinite
    CHECK(isMalformed([] { single(fromHex("04 85 00 00 00 00 01 07")); })); // 5 length bytes
    CHECK(isMalformed([] { single(fromHex("04 FF")); }));
    CHECK(isMalformed([] { single(fromHex("04 84 FF FF FF FF 00")); })); // 4 GB claimed
    CHECK(isMalformed([] { single(fromHex("04 03 01 02")); })); // past the end
    CHECK(isMalformed([] { single(fromHex("04 82 01")); })); // truncated length
    CHECK(isMalformed([] { single(fromHex("04")); })); // no length at all
    // A child claiming more than its parent holds.
    const Bytes nested = fromHex("30 03 04 05 01 02 03 04 05");
    DerReader outer(nested);
    const Tlv seq = outer.next();
    CHECK(isMalformed([&] { seq.children().next(); }));
}

TEST_CASE("DER padding ends content only when asked", "[der]")
{
    CHECK(isPadding({}));
    CHECK(isPadding(fromHex("00 12")));
    CHECK(isPadding(fromHex("FF FF")));
    CHECK_FALSE(isPadding(fromHex("30 00")));

    const Bytes zeros = fromHex("02 01 07 00 00 00 00");
    DerReader padded(zeros, DerReader::Padding::EndsContent);
    CHECK(derInteger(padded.next()) == 7);
    CHECK(padded.atEnd());
    CHECK(padded.offset() == 3);
    CHECK_FALSE(padded.nextIf(0x02));

    const Bytes ffs = fromHex("02 01 07 FF FF");
    DerReader paddedFf(ffs, DerReader::Padding::EndsContent);
    paddedFf.next();
    CHECK(paddedFf.atEnd());

    DerReader strict(zeros);
    strict.next();
    CHECK_FALSE(strict.atEnd());
    CHECK(isMalformed([&] { strict.next(); }));
}

TEST_CASE("DER INTEGER", "[der]")
{
    auto integer = [](const char* hex) { return derInteger(single(fromHex(hex))); };
    CHECK(integer("02 01 00") == 0);
    CHECK(integer("02 01 7F") == 127);
    CHECK(integer("02 02 00 80") == 128);
    CHECK(integer("02 02 01 00") == 256);
    CHECK(integer("02 01 FF") == -1);
    CHECK(integer("02 01 80") == -128);
    CHECK(integer("02 02 FF 7F") == -129);
    CHECK(integer("02 02 06 08") == 0x0608);
    CHECK(integer("02 08 7F FF FF FF FF FF FF FF") == INT64_MAX);
    CHECK(integer("02 08 80 00 00 00 00 00 00 00") == INT64_MIN);
    CHECK(integer("02 09 00 00 00 00 00 00 00 00 2A") == 42); // redundant sign bytes (BER)
    CHECK(integer("80 01 03") == 3); // implicitly tagged
    CHECK(isMalformed([&] { integer("02 09 00 80 00 00 00 00 00 00 00"); })); // 2^63
    CHECK(isMalformed([&] { integer("02 09 01 00 00 00 00 00 00 00 00"); }));
    CHECK(isMalformed([&] { integer("02 00"); }));
    CHECK(isMalformed([&] { integer("22 03 02 01 01"); })); // constructed
}

TEST_CASE("DER BOOLEAN and OCTET STRING", "[der]")
{
    CHECK_FALSE(derBoolean(single(fromHex("01 01 00"))));
    CHECK(derBoolean(single(fromHex("01 01 FF"))));
    CHECK(derBoolean(single(fromHex("01 01 01"))));
    CHECK(isMalformed([] { derBoolean(single(fromHex("01 02 00 00"))); }));
    CHECK(isMalformed([] { derBoolean(single(fromHex("01 00"))); }));

    CHECK(derOctets(single(fromHex("04 03 3F 00 50"))) == fromHex("3F0050"));
    CHECK(derOctets(single(fromHex("04 00"))).empty());
    CHECK(isMalformed([] { derOctets(single(fromHex("24 03 04 01 AA"))); }));
}

TEST_CASE("DER strings", "[der]")
{
    auto text = [](const Bytes& bytes) { return derString(single(bytes)); };
    // UTF8String "事求人" is kept as its bytes.
    CHECK(text(fromHex("0C 09 E4 BA 8B E6 B1 82 E4 BA BA")) == "\u4e8b\u6c42\u4eba");
    CHECK(text(fromHex("13 03 43 48 54")) == "CHT");
    CHECK(text(fromHex("16 02 61 40")) == "a@");
    CHECK(text(fromHex("1A 01 5A")) == "Z");
    CHECK(text(fromHex("80 02 4F 4B")) == "OK"); // [0] IMPLICIT UTF8String
    CHECK(text(fromHex("0C 00")).empty());
    // BMPString "事求人" and "A" → UTF-8.
    CHECK(text(fromHex("1E 08 4E 8B 6C 42 4E BA 00 41")) == "\u4e8b\u6c42\u4ebaA");
    // A surrogate pair (U+1F600) written into a BMPString.
    CHECK(text(fromHex("1E 04 D8 3D DE 00")) == "\U0001F600");
    CHECK(isMalformed([&] { text(fromHex("1E 03 00 41 00")); })); // odd length
    CHECK(isMalformed([&] { text(fromHex("1E 02 D8 3D")); })); // lone surrogate
    CHECK(isMalformed([&] { text(fromHex("1E 04 DE 00 00 41")); })); // lone low surrogate
    // UniversalString (UCS-4).
    CHECK(text(fromHex("1C 08 00 00 4E 8B 00 01 F6 00")) == "\u4e8b\U0001F600");
    CHECK(isMalformed([&] { text(fromHex("1C 04 00 11 00 00")); })); // past U+10FFFF
    CHECK(isMalformed([&] { text(fromHex("1C 03 00 00 41")); }));
    CHECK(isMalformed([&] { text(fromHex("02 01 41")); })); // INTEGER is not a string
    CHECK(isMalformed([&] { text(fromHex("2C 03 0C 01 41")); })); // constructed
}

TEST_CASE("DER BIT STRING uses ASN.1 NamedBit numbering", "[der]")
{
    auto bits = [](const char* hex) { return derBitString(single(fromHex(hex))); };
    CHECK(bits("03 01 00") == 0);
    CHECK(bits("03 02 07 80") == 0x1); // bit 0 only
    CHECK(bits("03 02 06 C0") == 0x3); // X.509 digitalSignature + nonRepudiation
    CHECK(bits("03 02 05 20") == 0x4); // bit 2 (PKCS#15 sign)
    CHECK(bits("03 03 06 20 40") == (1u << 2 | 1u << 9)); // sign + nonRepudiation
    CHECK(bits("03 02 07 FF") == 0x1); // unused bits are ignored even when set
    CHECK(bits("03 05 00 00 00 00 01") == (1u << 31));
    CHECK(bits("03 06 00 80 00 00 00 FF") == 0x1); // bits past 31 are ignored
    CHECK(isMalformed([&] { bits("03 00"); }));
    CHECK(isMalformed([&] { bits("03 01 01"); })); // unused bits without content
    CHECK(isMalformed([&] { bits("03 02 08 00"); }));
    CHECK(isMalformed([&] { bits("23 03 03 01 00"); }));
}

TEST_CASE("DER OBJECT IDENTIFIER", "[der]")
{
    auto oid = [](const char* hex) { return derOid(single(fromHex(hex))); };
    CHECK(oid("06 09 2A 86 48 86 F7 0D 01 01 0B") == "1.2.840.113549.1.1.11");
    CHECK(oid("06 03 55 04 03") == "2.5.4.3");
    CHECK(oid("06 01 00") == "0.0");
    CHECK(oid("06 02 88 37") == "2.999");
    CHECK(oid("06 08 2B 06 01 04 01 82 37 15") == "1.3.6.1.4.1.311.21");
    CHECK(isMalformed([&] { oid("06 00"); }));
    CHECK(isMalformed([&] { oid("06 02 2A 86"); })); // arc cut off
    CHECK(isMalformed([&] { oid("06 03 2A 80 01"); })); // non-minimal arc
    CHECK(isMalformed([&] { oid("06 0B 2A FF FF FF FF FF FF FF FF FF 7F"); })); // > 64 bits
}

TEST_CASE("DER survives deep nesting", "[der]")
{
    // 100000 nested SEQUENCEs around an INTEGER, walked without recursion. Headers are built
    // inside out, then written outermost first.
    const Bytes core = fromHex("02 01 01");
    std::vector<Bytes> headers;
    std::size_t length = core.size();
    for (int depth = 0; depth < 100000; ++depth) {
        Bytes header { 0x30 };
        if (length < 0x80) {
            header.push_back(static_cast<std::uint8_t>(length));
        } else {
            header.push_back(0x83);
            header.push_back(static_cast<std::uint8_t>(length >> 16));
            header.push_back(static_cast<std::uint8_t>(length >> 8));
            header.push_back(static_cast<std::uint8_t>(length));
        }
        length += header.size();
        headers.push_back(std::move(header));
    }
    Bytes data;
    data.reserve(length);
    for (auto it = headers.rbegin(); it != headers.rend(); ++it)
        data.insert(data.end(), it->begin(), it->end());
    data.insert(data.end(), core.begin(), core.end());
    REQUIRE(data.size() == length);
    walkAll(data, DerReader::Padding::Forbidden);
    // The same with every length one short: the innermost element no longer fits.
    Bytes broken = data;
    broken.pop_back();
    CHECK(isMalformed([&] { walkAll(broken, DerReader::Padding::Forbidden); }));
}

TEST_CASE("DER hostile input: every cut and random bytes", "[der]")
{
    const Bytes valid = fromHex("30 1B 5F 20 02 41 42 1E 02 4E 8B 03 03 06 20 40"
                                "06 03 55 04 03 30 06 80 01 05 01 01 FF 00 00");
    for (std::size_t cut = 0; cut <= valid.size(); ++cut) {
        const ByteView prefix(valid.data(), cut);
        parsesOrMalformed([&] { walkAll(prefix, DerReader::Padding::Forbidden); });
        parsesOrMalformed([&] { walkAll(prefix, DerReader::Padding::EndsContent); });
    }

    std::mt19937 random(0x5eed);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<std::size_t> size(0, 64);
    std::size_t parsed = 0;
    for (int round = 0; round < 20000; ++round) {
        Bytes data(size(random));
        for (auto& b : data)
            b = static_cast<std::uint8_t>(byte(random));
        // Bias towards plausible headers so the walk gets past the first element.
        if (!data.empty() && round % 2 == 0)
            data[0] = 0x30;
        if (parsesOrMalformed([&] { walkAll(data, DerReader::Padding::Forbidden); }))
            ++parsed;
        parsesOrMalformed([&] { walkAll(data, DerReader::Padding::EndsContent); });
    }
    CHECK(parsed > 0);

    // Single-byte mutations of the valid blob.
    for (std::size_t at = 0; at < valid.size(); ++at) {
        for (int value = 0; value < 256; ++value) {
            Bytes mutated = valid;
            mutated[at] = static_cast<std::uint8_t>(value);
            parsesOrMalformed([&] { walkAll(mutated, DerReader::Padding::Forbidden); });
        }
    }
}
