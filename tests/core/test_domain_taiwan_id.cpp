// The 身分證 / 居留證 number check: letter value, then weights 1,9,8,7,…,1, sum divisible by 10.
#include "core/domain/taiwan_id.hpp"

#include <catch2/catch.hpp>

using core::domain::isValidTaiwanId;

TEST_CASE("valid national ID and resident certificate numbers pass", "[domain][taiwan-id]")
{
    // Sums worked by hand (letter value tens×1 + units×9, digits 2–9 × 8…1, check digit × 1):
    // A123456789: A=10 → 1+0; 1·8+2·7+3·6+4·5+5·4+6·3+7·2+8·1 = 120; +9 → 130
    // F222222222: F=15 → 1+45; 2·(8+7+…+1) = 72; +2 → 120
    // Z100000002: Z=33 → 3+27; 1·8 = 8; +2 → 40
    // O100000004: O=35 (out of alphabetical order) → 3+45; 8; +4 → 60
    // A800000014 (new 居留證): 1+0; 8·8 + 1·1 = 65; +4 → 70
    // H901234568 (new 居留證): H=17 → 1+63; 72+0+6+10+12+12+10+6 = 128; +8 → 200
    for (const char* id :
        { "A123456789", "F222222222", "Z100000002", "O100000004", "A800000014", "H901234568" }) {
        INFO(id);
        CHECK(isValidTaiwanId(QString::fromLatin1(id)));
    }
}

TEST_CASE("malformed or mis-summed numbers fail", "[domain][taiwan-id]")
{
    for (const char* id : {
             "A123456788", // checksum off by one (sum 129)
             "F222222223", // checksum
             "A323456789", // 3 is neither a sex digit nor a resident-certificate digit
             "A723456789", // 7 neither
             "AA23456789", // the old resident format (two letters) is not accepted here
             "a123456789", // lowercase: callers normalise first
             "A12345678", // too short
             "A1234567890", // too long
             "1123456789", // no letter
             "A12345678X", // letter as check digit
             "", //
         }) {
        INFO(id);
        CHECK_FALSE(isValidTaiwanId(QString::fromLatin1(id)));
    }
}
