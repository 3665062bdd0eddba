#include "card_error_mapping.hpp"

namespace core::cards {

using smartcard::CardErrc;

CardFailure toCardFailure(const smartcard::CardError& error)
{
    const auto problem = [&] {
        switch (error.code()) {
        case CardErrc::ServiceUnavailable:
        case CardErrc::ServiceLost:
            return CardProblem::ServiceUnavailable;
        case CardErrc::NoReaders:
            return CardProblem::NoReaders;
        case CardErrc::ReaderNotFound:
            return CardProblem::ReaderNotFound;
        case CardErrc::NoCard:
            return CardProblem::NoCard;
        case CardErrc::CardRemoved:
        case CardErrc::CardReset:
            return CardProblem::CardRemoved;
        case CardErrc::SharingViolation:
            return CardProblem::CardBusy;
        case CardErrc::UnsupportedCard:
            return CardProblem::UnsupportedCard;
        case CardErrc::MalformedData:
            return CardProblem::UnreadableCard;
        case CardErrc::PinIncorrect:
            return CardProblem::WrongPin;
        case CardErrc::AuthenticationBlocked:
            return CardProblem::PinBlocked;
        case CardErrc::PinLengthInvalid:
            return CardProblem::PinLengthInvalid;
        case CardErrc::PinCharactersInvalid:
            return CardProblem::PinCharactersInvalid;
        case CardErrc::CardAuthenticationFailed:
            // A HiCOS card whose secure channel does not open with the keys derived for it: a
            // variant this program does not know (no PIN was sent).
            return CardProblem::UnsupportedCard;
        case CardErrc::LastTryNeedsConfirmation:
            return CardProblem::LastTryNeedsConfirmation;
        case CardErrc::ModuleNotFound:
            return CardProblem::SigningModuleMissing;
        case CardErrc::KeyNotFound:
            return CardProblem::SigningKeyNotFound;
        default:
            return CardProblem::Communication;
        }
    }();
    return CardFailure(problem, error.what(), error.triesLeft());
}

} // namespace core::cards
