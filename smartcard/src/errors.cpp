#include "smartcard/errors.hpp"

namespace smartcard {

const char* errcName(CardErrc code) noexcept
{
    switch (code) {
    case CardErrc::ServiceUnavailable:
        return "service-unavailable";
    case CardErrc::ServiceLost:
        return "service-lost";
    case CardErrc::NoReaders:
        return "no-readers";
    case CardErrc::ReaderNotFound:
        return "reader-not-found";
    case CardErrc::NoCard:
        return "no-card";
    case CardErrc::CardRemoved:
        return "card-removed";
    case CardErrc::CardReset:
        return "card-reset";
    case CardErrc::CardUnresponsive:
        return "card-unresponsive";
    case CardErrc::SharingViolation:
        return "sharing-violation";
    case CardErrc::TransactionFailed:
        return "transaction-failed";
    case CardErrc::Timeout:
        return "timeout";
    case CardErrc::Cancelled:
        return "cancelled";
    case CardErrc::PcscFailure:
        return "pcsc-failure";
    case CardErrc::MalformedResponse:
        return "malformed-response";
    case CardErrc::WrongLength:
        return "wrong-length";
    case CardErrc::SecurityStatusNotSatisfied:
        return "security-status-not-satisfied";
    case CardErrc::AuthenticationBlocked:
        return "authentication-blocked";
    case CardErrc::PinIncorrect:
        return "pin-incorrect";
    case CardErrc::ConditionsNotSatisfied:
        return "conditions-not-satisfied";
    case CardErrc::CommandNotAllowed:
        return "command-not-allowed";
    case CardErrc::IncorrectData:
        return "incorrect-data";
    case CardErrc::FunctionNotSupported:
        return "function-not-supported";
    case CardErrc::FileNotFound:
        return "file-not-found";
    case CardErrc::RecordNotFound:
        return "record-not-found";
    case CardErrc::NotEnoughMemory:
        return "not-enough-memory";
    case CardErrc::WrongParameters:
        return "wrong-parameters";
    case CardErrc::ReferencedDataNotFound:
        return "referenced-data-not-found";
    case CardErrc::InstructionNotSupported:
        return "instruction-not-supported";
    case CardErrc::ClassNotSupported:
        return "class-not-supported";
    case CardErrc::MemoryFailure:
        return "memory-failure";
    case CardErrc::UnknownStatus:
        return "unknown-status";
    case CardErrc::MalformedData:
        return "malformed-data";
    case CardErrc::UnsupportedCard:
        return "unsupported-card";
    case CardErrc::InvalidArgument:
        return "invalid-argument";
    case CardErrc::PinLengthInvalid:
        return "pin-length-invalid";
    case CardErrc::PinCharactersInvalid:
        return "pin-characters-invalid";
    case CardErrc::LastTryNeedsConfirmation:
        return "last-try-needs-confirmation";
    case CardErrc::ModuleNotFound:
        return "module-not-found";
    case CardErrc::ModuleFailure:
        return "module-failure";
    case CardErrc::KeyNotFound:
        return "key-not-found";
    case CardErrc::CryptoFailure:
        return "crypto-failure";
    case CardErrc::CardAuthenticationFailed:
        return "card-authentication-failed";
    }
    return "unknown";
}

CardError::CardError(CardErrc code, const std::string& detail, std::optional<int> triesLeft)
    : std::runtime_error(std::string(errcName(code)) + (detail.empty() ? "" : ": " + detail))
    , code_(code)
    , triesLeft_(triesLeft)
{ }

bool CardError::isServiceFailure() const noexcept
{
    return code_ == CardErrc::ServiceUnavailable || code_ == CardErrc::ServiceLost;
}

bool CardError::isCardRefusal() const noexcept
{
    return code_ >= CardErrc::WrongLength && code_ <= CardErrc::UnknownStatus;
}

} // namespace smartcard
