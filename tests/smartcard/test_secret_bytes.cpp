// The secret buffer the HiCOS code keeps PIN blocks and keys in, and the shared wipe helpers.

#include "smartcard/secret_bytes.hpp"

#include <catch2/catch.hpp>
#include <utility>

using smartcard::Bytes;
using smartcard::ByteView;
using smartcard::fromHex;
using smartcard::SecretBytes;
using smartcard::toHex;

TEST_CASE("SecretBytes holds a copy, or zeros, of a fixed size", "[secret]")
{
    const Bytes source = fromHex("0102030405");
    const SecretBytes copy(source);
    CHECK(copy.size() == 5);
    CHECK(copy.data() != source.data());
    CHECK(toHex(copy) == "0102030405");

    const SecretBytes zeros(std::size_t { 3 });
    CHECK(toHex(zeros) == "000000");
    CHECK(SecretBytes().empty());
    CHECK(SecretBytes(ByteView {}).empty());
}

TEST_CASE("SecretBytes::concat joins the parts in order", "[secret]")
{
    const SecretBytes joined = SecretBytes::concat({ fromHex("AA"), ByteView {}, fromHex("BBCC") });
    CHECK(toHex(joined) == "AABBCC");
    CHECK(joined.toBytes() == fromHex("AABBCC"));
}

TEST_CASE("a moved SecretBytes takes the bytes along and leaves nothing behind", "[secret]")
{
    SecretBytes first(fromHex("11223344"));
    const std::uint8_t* storage = first.data();

    SecretBytes second(std::move(first));
    CHECK(second.data() == storage); // moved, not copied
    CHECK(toHex(second) == "11223344");
    CHECK(first.empty()); // NOLINT(bugprone-use-after-move): checking the moved-from state
    CHECK(first.data() == nullptr);

    SecretBytes third(fromHex("99"));
    third = std::move(second);
    CHECK(toHex(third) == "11223344");
    CHECK(second.empty()); // NOLINT(bugprone-use-after-move)
}

TEST_CASE("wipe and WipeOnExit zero the caller's buffer", "[secret]")
{
    Bytes pin = fromHex("313233343536");
    smartcard::wipe(pin);
    CHECK(pin == Bytes(6, 0x00));

    Bytes block = fromHex("3132FFFF");
    {
        smartcard::WipeOnExit guard(block);
        CHECK(block == fromHex("3132FFFF"));
    }
    CHECK(block == Bytes(4, 0x00));

    Bytes early = fromHex("AB");
    smartcard::WipeOnExit guard(early);
    guard.wipeNow();
    CHECK(early == fromHex("00"));
}
