#include "model/file_system.hpp"

#include <catch2/catch.hpp>

using namespace virtualcard;
using smartcard::fromHex;

namespace {

struct Tree {
    FileSystem fs;
    Tree()
    {
        FileNode& df = fs.addDf(fs.mf(), 0x5015, fromHex("A0000000635043"));
        fs.addEf(df, 0x4401, fromHex("00 11 22 33 44 55 66 77 88 99"));
        fs.addEf(df, 0x0810, fromHex("AA BB"), false);
        fs.addEf(fs.mf(), 0x2F00, fromHex("61 00"));
    }
};

} // namespace

TEST_CASE("READ BINARY edge cases")
{
    Tree t;
    REQUIRE(t.fs.readBinary(0, 1).sw == 0x6986); // nothing selected yet
    REQUIRE(t.fs.selectPath(fromHex("5015 4401"), true));

    auto r = t.fs.readBinary(0, 10);
    CHECK(r.sw == 0x9000);
    CHECK(r.data.size() == 10);

    r = t.fs.readBinary(4, 3);
    CHECK(r.sw == 0x9000);
    CHECK(r.data == fromHex("44 55 66"));

    r = t.fs.readBinary(8, 256); // Le beyond the end: the rest + 6282
    CHECK(r.sw == 0x6282);
    CHECK(r.data == fromHex("88 99"));

    r = t.fs.readBinary(10, 1); // offset at the end
    CHECK(r.sw == 0x6B00);
    CHECK(r.data.empty());
    CHECK(t.fs.readBinary(0x7FFF, 1).sw == 0x6B00);
}

TEST_CASE("An unreadable EF can be selected but not read")
{
    Tree t;
    REQUIRE(t.fs.selectFid(0x5015));
    REQUIRE(t.fs.selectFid(0x0810));
    CHECK(t.fs.readBinary(0, 2).sw == 0x6982);
}

TEST_CASE("SELECT by FID sees the MF, the current DF and its children only")
{
    Tree t;
    CHECK_FALSE(t.fs.selectFid(0x4401)); // not a child of the MF
    REQUIRE(t.fs.selectFid(0x5015));
    CHECK(t.fs.currentDf().fid == 0x5015);
    REQUIRE(t.fs.selectFid(0x4401));
    CHECK(t.fs.currentEf()->fid == 0x4401);
    CHECK(t.fs.currentDf().fid == 0x5015);
    CHECK(t.fs.selectFid(0x0810)); // sibling EF: child of the current DF
    CHECK_FALSE(t.fs.selectFid(0x2F00)); // child of the MF, not of 5015
    CHECK(t.fs.currentEf()->fid == 0x0810); // failed select leaves the selection alone
    CHECK(t.fs.selectFid(0x5015)); // the current DF itself
    CHECK(t.fs.currentEf() == nullptr);
    CHECK(t.fs.selectFid(0x3F00));
    CHECK(t.fs.currentDf().fid == 0x3F00);
}

TEST_CASE("SELECT by path and by AID")
{
    Tree t;
    CHECK_FALSE(t.fs.selectPath(fromHex("3F00 5015"), true)); // path from MF excludes 3F00
    CHECK_FALSE(t.fs.selectPath(fromHex("50"), true));
    CHECK_FALSE(t.fs.selectPath(fromHex("2F00 0001"), true)); // through an EF
    REQUIRE(t.fs.selectAid(fromHex("A0000000635043")));
    CHECK(t.fs.currentDf().fid == 0x5015);
    CHECK_FALSE(t.fs.selectAid(fromHex("A0000000635044")));
    REQUIRE(t.fs.selectPath(fromHex("4401"), false)); // relative to the current DF
    CHECK(t.fs.currentEf()->fid == 0x4401);
    t.fs.resetSelection();
    CHECK(t.fs.currentDf().fid == 0x3F00);
    CHECK(t.fs.currentEf() == nullptr);
}
