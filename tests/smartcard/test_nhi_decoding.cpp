// 健保卡 basic data: the 57-byte record, Big5 names and ROC dates.
#include "smartcard/errors.hpp"
#include "smartcard/nhi_card.hpp"

#include <catch2/catch.hpp>

using namespace smartcard;

namespace {

Bytes record(const std::string& number, const Bytes& big5Name, const std::string& id,
    const std::string& birth, char sex, const std::string& issued)
{
    Bytes out(number.begin(), number.end());
    Bytes name = big5Name;
    name.resize(20, 0x00);
    out.insert(out.end(), name.begin(), name.end());
    out.insert(out.end(), id.begin(), id.end());
    out.insert(out.end(), birth.begin(), birth.end());
    out.push_back(static_cast<std::uint8_t>(sex));
    out.insert(out.end(), issued.begin(), issued.end());
    return out;
}

const Bytes wangXiaoMing = fromHex("A4FDA470A9FA"); // 王小明 in Big5

} // namespace

TEST_CASE("an NHI record decodes field by field", "[nhi]")
{
    const Bytes raw = record("000012345678", wangXiaoMing, "A123456789", "0700101", 'M', "1100315");
    REQUIRE(raw.size() == NhiCard::recordLength);
    const NhiBasicData data = parseNhiBasicData(raw);
    CHECK(data.cardNumber == "000012345678");
    CHECK(data.name == "王小明");
    CHECK(data.idNumber == "A123456789");
    CHECK(data.birthDate == "0700101");
    CHECK(data.sex == "M");
    CHECK(data.issueDate == "1100315");
}

TEST_CASE("the whole 20-byte name field is used, not the first three characters", "[nhi]")
{
    // 歐陽菲菲 (4 characters): a [12:18] slice, common in public snippets, would cut it.
    const Bytes name = fromHex("BC DA B6 A7 B5 E1 B5 E1");
    const auto data
        = parseNhiBasicData(record("000012345678", name, "F223456789", "0450526", 'F', "1091231"));
    CHECK(data.name == "歐陽菲菲");
    CHECK(data.sex == "F");
}

TEST_CASE("HKSCS characters in a name decode", "[nhi]")
{
    const auto data = parseNhiBasicData(
        record("000012345678", fromHex("A4FD FB69"), "A123456789", "0700101", 'M', "1100315"));
#if defined(_WIN32)
    // Code page 950 has no HKSCS: the character keeps the private-use code point Windows gives
    // the user-defined area (0xFA40 on → U+E000 on), which an installed EUDC font draws.
    CHECK(data.name == "王\uE0C6");
#else
    CHECK(data.name == "王堃");
#endif
}

TEST_CASE("a malformed NHI record is MalformedData", "[nhi]")
{
    const Bytes good
        = record("000012345678", wangXiaoMing, "A123456789", "0700101", 'M', "1100315");
    auto expectMalformed = [](const Bytes& raw) {
        try {
            parseNhiBasicData(raw);
            FAIL("accepted a malformed record");
        } catch (const CardError& e) {
            CHECK(e.code() == CardErrc::MalformedData);
        }
    };
    expectMalformed(Bytes(good.begin(), good.end() - 1)); // 56 bytes
    expectMalformed(
        record("000012345678", wangXiaoMing, "A123456789", "0701301", 'M', "1100315")); // month 13
    expectMalformed(
        record("000012345678", wangXiaoMing, "A123456789", "07O0101", 'M', "1100315")); // letter O
    expectMalformed(record("000012345678", wangXiaoMing, "A123456789", "0700101", 'X', "1100315"));
    expectMalformed(record(
        "000012345678", fromHex("FF FF"), "A123456789", "0700101", 'M', "1100315")); // not Big5
    Bytes badId = good;
    badId[33] = 0x85; // a non-ASCII byte in the ID number
    expectMalformed(badId);
}

TEST_CASE("a record longer than 57 bytes, or with a bad issue date, still reads", "[nhi]")
{
    Bytes longer = record("000012345678", wangXiaoMing, "A123456789", "0700101", 'M', "1100315");
    longer.insert(longer.end(), { 0x00, 0x12, 0x34 });
    const auto data = parseNhiBasicData(longer);
    CHECK(data.idNumber == "A123456789");
    CHECK(data.issueDate == "1100315");

    const auto badIssue = parseNhiBasicData(
        record("000012345678", wangXiaoMing, "A123456789", "0700101", 'F', "11O0315"));
    CHECK(badIssue.idNumber == "A123456789");
    CHECK(badIssue.sex == "F");
    CHECK(badIssue.issueDate.empty());
}
