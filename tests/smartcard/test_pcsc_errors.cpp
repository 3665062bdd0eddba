// Every PC/SC return code we care about maps to its CardErrc, and the message names the code.

#include "smartcard/pcsc.hpp"

#include <catch2/catch.hpp>
#include <winscard.h>

using smartcard::CardErrc;
using smartcard::CardError;

TEST_CASE("pcscErrc maps every relevant SCARD_* code", "[pcsc][errors]")
{
    const auto [rv, expected] = GENERATE(table<long, CardErrc>({
        { SCARD_E_NO_SERVICE, CardErrc::ServiceUnavailable },
        { SCARD_E_SERVICE_STOPPED, CardErrc::ServiceUnavailable },
        { SCARD_F_COMM_ERROR, CardErrc::ServiceLost },
        { SCARD_P_SHUTDOWN, CardErrc::ServiceLost },
        { SCARD_E_NO_READERS_AVAILABLE, CardErrc::NoReaders },
        { SCARD_E_UNKNOWN_READER, CardErrc::ReaderNotFound },
        { SCARD_E_READER_UNAVAILABLE, CardErrc::ReaderNotFound },
        { SCARD_E_NO_SMARTCARD, CardErrc::NoCard },
        { SCARD_W_REMOVED_CARD, CardErrc::CardRemoved },
        { SCARD_W_RESET_CARD, CardErrc::CardReset },
        { SCARD_W_UNRESPONSIVE_CARD, CardErrc::CardUnresponsive },
        { SCARD_W_UNPOWERED_CARD, CardErrc::CardUnresponsive },
        { SCARD_E_SHARING_VIOLATION, CardErrc::SharingViolation },
        { SCARD_E_NOT_TRANSACTED, CardErrc::TransactionFailed },
        { SCARD_E_TIMEOUT, CardErrc::Timeout },
        { SCARD_E_CANCELLED, CardErrc::Cancelled },
        { SCARD_E_SYSTEM_CANCELLED, CardErrc::Cancelled },
        // A card handle can be invalid for reasons of our own: no guess at a restart here.
        { SCARD_E_INVALID_HANDLE, CardErrc::PcscFailure },
        { SCARD_F_INTERNAL_ERROR, CardErrc::PcscFailure },
        { SCARD_E_PROTO_MISMATCH, CardErrc::PcscFailure },
        { SCARD_E_INSUFFICIENT_BUFFER, CardErrc::PcscFailure },
        { 0x12345678L, CardErrc::PcscFailure },
    }));
    CAPTURE(rv);
    CHECK(smartcard::pcscErrc(rv) == expected);
}

TEST_CASE("throwPcscError throws the typed error with the code's name", "[pcsc][errors]")
{
    try {
        smartcard::throwPcscError(SCARD_E_NO_SMARTCARD, "SCardConnect(Reader 0)");
        FAIL("no exception");
    } catch (const CardError& error) {
        CHECK(error.code() == CardErrc::NoCard);
        const std::string text = error.what();
        CHECK(text.find("SCardConnect(Reader 0)") != std::string::npos);
        CHECK(text.find("SCARD_E_NO_SMARTCARD") != std::string::npos);
        CHECK(text.find("0x8010000C") != std::string::npos);
    }
}

TEST_CASE("service codes count as service failures", "[pcsc][errors]")
{
    const long rv = GENERATE(SCARD_E_NO_SERVICE, SCARD_F_COMM_ERROR, SCARD_E_SERVICE_STOPPED);
    CardError error(smartcard::pcscErrc(rv), "");
    CHECK(error.isServiceFailure());
    CHECK_FALSE(CardError(smartcard::pcscErrc(SCARD_W_REMOVED_CARD), "").isServiceFailure());
}
