// PC/SC return codes → CardErrc. The only place in the program that knows SCARD_* values.

#include "pcsc_internal.hpp"
#include "smartcard/pcsc.hpp"

#include <cstdio>

namespace smartcard {

CardErrc pcscErrc(long rv) noexcept
{
    switch (rv) {
    case SCARD_E_NO_SERVICE:
    case SCARD_E_SERVICE_STOPPED:
#ifdef SCARD_E_NO_SERVER // Windows only; pcsc-lite has no such code
    case SCARD_E_NO_SERVER:
#endif
        return CardErrc::ServiceUnavailable;
    case SCARD_F_COMM_ERROR:
    case SCARD_P_SHUTDOWN: // pcscd is exiting under us
        return CardErrc::ServiceLost;
    case SCARD_E_NO_READERS_AVAILABLE:
        return CardErrc::NoReaders;
    case SCARD_E_UNKNOWN_READER:
    case SCARD_E_READER_UNAVAILABLE:
        return CardErrc::ReaderNotFound;
    case SCARD_E_NO_SMARTCARD:
        return CardErrc::NoCard;
    case SCARD_W_REMOVED_CARD:
        return CardErrc::CardRemoved;
    case SCARD_W_RESET_CARD:
        return CardErrc::CardReset;
    case SCARD_W_UNRESPONSIVE_CARD:
    case SCARD_W_UNPOWERED_CARD:
        return CardErrc::CardUnresponsive;
    case SCARD_E_SHARING_VIOLATION:
        return CardErrc::SharingViolation;
    case SCARD_E_NOT_TRANSACTED:
        return CardErrc::TransactionFailed;
    case SCARD_E_TIMEOUT:
        return CardErrc::Timeout;
    case SCARD_E_CANCELLED:
    case SCARD_E_SYSTEM_CANCELLED:
        return CardErrc::Cancelled;
    default:
        return CardErrc::PcscFailure;
    }
}

void throwPcscError(long rv, const std::string& what)
{
    throw CardError(pcscErrc(rv), what + ": " + detail::pcscCodeText(static_cast<LONG>(rv)));
}

namespace detail {

std::string pcscCodeText(LONG rv)
{
    const char* name = nullptr;
    switch (rv) {
    case SCARD_S_SUCCESS:
        name = "SCARD_S_SUCCESS";
        break;
    case SCARD_F_INTERNAL_ERROR:
        name = "SCARD_F_INTERNAL_ERROR";
        break;
    case SCARD_E_CANCELLED:
        name = "SCARD_E_CANCELLED";
        break;
    case SCARD_E_INVALID_HANDLE:
        name = "SCARD_E_INVALID_HANDLE";
        break;
    case SCARD_E_INVALID_PARAMETER:
        name = "SCARD_E_INVALID_PARAMETER";
        break;
    case SCARD_E_NO_MEMORY:
        name = "SCARD_E_NO_MEMORY";
        break;
    case SCARD_E_INSUFFICIENT_BUFFER:
        name = "SCARD_E_INSUFFICIENT_BUFFER";
        break;
    case SCARD_E_UNKNOWN_READER:
        name = "SCARD_E_UNKNOWN_READER";
        break;
    case SCARD_E_TIMEOUT:
        name = "SCARD_E_TIMEOUT";
        break;
    case SCARD_E_SHARING_VIOLATION:
        name = "SCARD_E_SHARING_VIOLATION";
        break;
    case SCARD_E_NO_SMARTCARD:
        name = "SCARD_E_NO_SMARTCARD";
        break;
    case SCARD_E_PROTO_MISMATCH:
        name = "SCARD_E_PROTO_MISMATCH";
        break;
    case SCARD_E_NOT_READY:
        name = "SCARD_E_NOT_READY";
        break;
    case SCARD_E_INVALID_VALUE:
        name = "SCARD_E_INVALID_VALUE";
        break;
    case SCARD_E_SYSTEM_CANCELLED:
        name = "SCARD_E_SYSTEM_CANCELLED";
        break;
    case SCARD_F_COMM_ERROR:
        name = "SCARD_F_COMM_ERROR";
        break;
    case SCARD_F_UNKNOWN_ERROR:
        name = "SCARD_F_UNKNOWN_ERROR";
        break;
    case SCARD_E_NOT_TRANSACTED:
        name = "SCARD_E_NOT_TRANSACTED";
        break;
    case SCARD_E_READER_UNAVAILABLE:
        name = "SCARD_E_READER_UNAVAILABLE";
        break;
    case SCARD_P_SHUTDOWN:
        name = "SCARD_P_SHUTDOWN";
        break;
    case SCARD_E_NO_SERVICE:
        name = "SCARD_E_NO_SERVICE";
        break;
    case SCARD_E_SERVICE_STOPPED:
        name = "SCARD_E_SERVICE_STOPPED";
        break;
    case SCARD_E_UNSUPPORTED_FEATURE:
        name = "SCARD_E_UNSUPPORTED_FEATURE";
        break;
    case SCARD_E_NO_READERS_AVAILABLE:
        name = "SCARD_E_NO_READERS_AVAILABLE";
        break;
    case SCARD_E_COMM_DATA_LOST:
        name = "SCARD_E_COMM_DATA_LOST";
        break;
    case SCARD_E_SERVER_TOO_BUSY:
        name = "SCARD_E_SERVER_TOO_BUSY";
        break;
    case SCARD_W_UNSUPPORTED_CARD:
        name = "SCARD_W_UNSUPPORTED_CARD";
        break;
    case SCARD_W_UNRESPONSIVE_CARD:
        name = "SCARD_W_UNRESPONSIVE_CARD";
        break;
    case SCARD_W_UNPOWERED_CARD:
        name = "SCARD_W_UNPOWERED_CARD";
        break;
    case SCARD_W_RESET_CARD:
        name = "SCARD_W_RESET_CARD";
        break;
    case SCARD_W_REMOVED_CARD:
        name = "SCARD_W_REMOVED_CARD";
        break;
    default:
        name = "PC/SC error";
        break;
    }
    char code[16];
    std::snprintf(code, sizeof code, "0x%08lX", static_cast<unsigned long>(rv) & 0xFFFFFFFFUL);
    return std::string(name) + " (" + code + ")";
}

bool isServiceLoss(LONG rv) noexcept
{
    const CardErrc code = pcscErrc(rv);
    return code == CardErrc::ServiceUnavailable || code == CardErrc::ServiceLost;
}

void throwContextError(LONG rv, const std::string& what)
{
    if (rv == SCARD_E_INVALID_HANDLE)
        throw CardError(CardErrc::ServiceLost, what + ": " + pcscCodeText(rv));
    throwPcscError(rv, what);
}

} // namespace detail

} // namespace smartcard
