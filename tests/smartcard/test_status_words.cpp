// Every status word the card layer knows maps to one typed error; nothing else leaves smartcard/.
#include "smartcard/apdu.hpp"
#include "smartcard/errors.hpp"

#include <catch2/catch.hpp>

using namespace smartcard;

TEST_CASE("status words map to typed errors", "[apdu][status]")
{
    const struct {
        std::uint16_t sw;
        CardErrc code;
    } table[] = {
        { 0x6700, CardErrc::WrongLength },
        { 0x6982, CardErrc::SecurityStatusNotSatisfied },
        { 0x6983, CardErrc::AuthenticationBlocked },
        { 0x63C0, CardErrc::AuthenticationBlocked },
        { 0x63C1, CardErrc::PinIncorrect },
        { 0x63C2, CardErrc::PinIncorrect },
        { 0x6985, CardErrc::ConditionsNotSatisfied },
        { 0x6900, CardErrc::CommandNotAllowed },
        { 0x6981, CardErrc::CommandNotAllowed },
        { 0x6986, CardErrc::CommandNotAllowed },
        { 0x6A80, CardErrc::IncorrectData },
        { 0x6A81, CardErrc::FunctionNotSupported },
        { 0x6A82, CardErrc::FileNotFound },
        { 0x6A83, CardErrc::RecordNotFound },
        { 0x6A84, CardErrc::NotEnoughMemory },
        { 0x6A00, CardErrc::WrongParameters },
        { 0x6A86, CardErrc::WrongParameters },
        { 0x6B00, CardErrc::WrongParameters },
        { 0x6A88, CardErrc::ReferencedDataNotFound },
        { 0x6D00, CardErrc::InstructionNotSupported },
        { 0x6E00, CardErrc::ClassNotSupported },
        { 0x6581, CardErrc::MemoryFailure },
        { 0x6F00, CardErrc::UnknownStatus },
        { 0x9123, CardErrc::UnknownStatus },
        { 0x6110,
            CardErrc::MalformedResponse }, // the channel resolves these before anyone sees them
        { 0x6C10, CardErrc::MalformedResponse },
    };
    for (const auto& row : table) {
        INFO(std::hex << row.sw);
        try {
            throwForStatus(row.sw);
            FAIL("no exception");
        } catch (const CardError& e) {
            CHECK(e.code() == row.code);
            CHECK(e.isCardRefusal() == (row.code != CardErrc::MalformedResponse));
            CHECK_FALSE(e.isServiceFailure());
        }
    }
}

TEST_CASE("checkStatus accepts 9000, and warnings only when asked", "[apdu][status]")
{
    CHECK_NOTHROW(checkStatus(ResponseApdu { {}, 0x90, 0x00 }));
    CHECK_THROWS_AS(checkStatus(ResponseApdu { {}, 0x62, 0x82 }), CardError);
    CHECK_NOTHROW(checkStatus(ResponseApdu { {}, 0x62, 0x82 }, true));
    // A wrong PIN is never a warning.
    CHECK_THROWS_AS(checkStatus(ResponseApdu { {}, 0x63, 0xC2 }, true), CardError);
}

TEST_CASE("every error code has a stable name", "[errors]")
{
    for (int code = 0; code <= static_cast<int>(CardErrc::CardAuthenticationFailed); ++code) {
        const std::string name = errcName(static_cast<CardErrc>(code));
        CHECK(name != "unknown");
        CHECK(name.find(' ') == std::string::npos);
    }
}
