#include "model/pin_counter.hpp"

#include <catch2/catch.hpp>

using namespace virtualcard;

TEST_CASE("Wrong PINs count down to 6983; the right PIN resets the counter")
{
    PinCounter pin(3);
    CHECK(pin.status() == 0x63C3);
    CHECK(pin.verify(false) == 0x63C2);
    CHECK(pin.verify(false) == 0x63C1);
    CHECK(pin.verify(true) == 0x9000);
    CHECK(pin.left() == 3);
    CHECK(pin.verified());
    CHECK(pin.status() == 0x9000);
    CHECK(pin.verify(false) == 0x63C2);
    CHECK_FALSE(pin.verified()); // a failure ends the earlier verification
    CHECK(pin.verify(false) == 0x63C1);
    CHECK(pin.verify(false) == 0x6983);
    CHECK(pin.blocked());
    CHECK(pin.verify(true) == 0x6983); // blocked stays blocked, even for the right PIN
    CHECK(pin.status() == 0x6983);
    CHECK(pin.left() == 0);
}

TEST_CASE("The status query uses no try and the session flag ends with the session")
{
    PinCounter pin(3);
    CHECK(pin.status() == 0x63C3);
    CHECK(pin.status() == 0x63C3);
    CHECK(pin.verify(true) == 0x9000);
    pin.endSession();
    CHECK(pin.status() == 0x63C3);
    CHECK(pin.left() == 3);
}

TEST_CASE("A burnt VERIFY costs a try and never goes below zero")
{
    PinCounter pin(2);
    CHECK(pin.burn() == 0x6982);
    CHECK(pin.left() == 1);
    CHECK(pin.burn() == 0x6983);
    CHECK(pin.burn() == 0x6983);
    CHECK(pin.left() == 0);
}

TEST_CASE("set-tries changes the count and raises the maximum when needed")
{
    PinCounter pin(3);
    pin.setLeft(1);
    CHECK(pin.status() == 0x63C1);
    CHECK(pin.verify(true) == 0x9000);
    CHECK(pin.left() == 3);
    pin.setLeft(5);
    CHECK(pin.max() == 5);
    pin.setLeft(0);
    CHECK(pin.blocked());
    CHECK_THROWS(pin.setLeft(16));
    CHECK_THROWS(PinCounter(-1));
}
