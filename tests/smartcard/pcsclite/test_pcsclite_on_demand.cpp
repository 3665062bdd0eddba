// The SCard* entry points the programs link: PC/SC-lite is opened by the first call, every call
// reaches the real library, and a missing library is found missing rather than half-used.
#include "../mapped_library.hpp"
#include "pcsclite_on_demand.hpp"

#include <catch2/catch.hpp>

TEST_CASE("PC/SC-lite is opened by the first SCard call, not at start-up", "[smartcard][pcsc]")
{
    REQUIRE_FALSE(smartcardtest::mapped(smartcard::pcsclite::libraryName));
    // Answered by the library itself, without pcscd: a handle it never gave out.
    CHECK(SCardIsValidContext(0x1234) == SCARD_E_INVALID_HANDLE);
    CHECK(smartcardtest::mapped(smartcard::pcsclite::libraryName));
    DWORD length = 0;
    CHECK(SCardStatus(0x1234, nullptr, &length, nullptr, nullptr, nullptr, nullptr)
        == SCARD_E_INVALID_HANDLE);
}

TEST_CASE("every entry point is found in the real library", "[smartcard][pcsc]")
{
    const auto entries = smartcard::pcsclite::open(smartcard::pcsclite::libraryName);
    CHECK(entries.establishContext != nullptr);
    CHECK(entries.getStatusChange != nullptr);
    CHECK(entries.transmit != nullptr);
    CHECK(entries.endTransaction != nullptr);
}

TEST_CASE("a library that is not there leaves every entry point empty", "[smartcard][pcsc]")
{
    const auto entries = smartcard::pcsclite::open("libshiqiuren-no-such-pcsclite.so.1");
    CHECK(entries.establishContext == nullptr);
    CHECK(entries.transmit == nullptr);
    // A library without the PC/SC entry points is no PC/SC library either.
    const auto wrong = smartcard::pcsclite::open("libc.so.6");
    CHECK(wrong.establishContext == nullptr);
    CHECK(wrong.cancel == nullptr);
}
