#include "model/nhi_card.hpp"
#include "model/nhi_record.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace virtualcard;
using smartcard::fromHex;

namespace {
std::string text(const smartcard::Bytes& b, std::size_t offset, std::size_t n)
{
    return std::string(
        b.begin() + static_cast<long>(offset), b.begin() + static_cast<long>(offset + n));
}
} // namespace

TEST_CASE("The NHI record has the documented 57-byte layout")
{
    const auto r = nhi::record(nhi::Holder {});
    REQUIRE(r.size() == 57);
    CHECK(text(r, 0, 12) == "000012345678");
    // 王小明 in Big5: A4FD A470 A9FA, then NUL padding to 20 bytes.
    CHECK(smartcard::Bytes(r.begin() + 12, r.begin() + 18) == fromHex("A4FD A470 A9FA"));
    CHECK(smartcard::Bytes(r.begin() + 18, r.begin() + 32) == smartcard::Bytes(14, 0x00));
    CHECK(text(r, 32, 10) == "A123456789");
    CHECK(text(r, 42, 7) == "0700101");
    CHECK(text(r, 49, 1) == "M");
    CHECK(text(r, 50, 7) == "1100315");
}

TEST_CASE("NHI holder data that does not fit is refused with a message")
{
    nhi::Holder h;
    h.nameUtf8 = "歐陽一二三四五六七八九"; // 11 characters = 22 Big5 bytes
    CHECK_THROWS_WITH(nhi::record(h), Catch::Contains("Big5 bytes"));
    h.nameUtf8 = "王😀"; // no Big5 code
    CHECK_THROWS_WITH(nhi::record(h), Catch::Contains("cannot be encoded in Big5"));
    h = {};
    h.nameUtf8 = "歐陽一二三四五六七八"; // exactly 20 bytes: fits, no terminator
    CHECK(nhi::record(h).size() == 57);
    h = {};
    h.idNumber = "a123456789";
    CHECK_THROWS(nhi::record(h));
    h = {};
    h.sex = "X";
    CHECK_THROWS(nhi::record(h));
    h = {};
    h.birthDate = "700101";
    CHECK_THROWS(nhi::record(h));
    h = {};
    h.cardNumber = "12345678901";
    CHECK_THROWS(nhi::record(h));
}

TEST_CASE("NHI card: GET DATA only after the AID select")
{
    NhiCard card(nhi::Holder {}, 3);
    const auto getData = fromHex("00 CA 11 00 02 00 00");
    CHECK(card.process(getData).response == fromHex("69 85"));
    CHECK(card.process(fromHex("00 A4 04 00 10 D1 58 00 00 01 00 00 00 00 00 00 00 00 00 31 00"))
              .response
        == fromHex("6A 82"));
    CHECK(card.process(fromHex("00 A4 04 00 10 D1 58 00 00 01 00 00 00 00 00 00 00 00 00 11 00 00"))
              .response
        == fromHex("90 00"));
    const auto r = card.process(getData);
    REQUIRE(r.response.size() == 59);
    CHECK(swOf(r) == 0x9000);
    CHECK(card.process(fromHex("80 CA 11 00 02 00 00")).response == fromHex("6E 00"));
    CHECK(card.process(fromHex("00 84 00 00 08")).response == fromHex("6D 00"));
    card.endSession();
    CHECK(card.process(getData).response == fromHex("69 85"));
    CHECK(card.process(fromHex("00 A4 04 0C 10 D1 58 00 00 01 00 00 00 00 00 00 00 00 00 11 00"))
              .response
        == fromHex("90 00"));
    CHECK(card.process(getData).response.size() == 59);
}
