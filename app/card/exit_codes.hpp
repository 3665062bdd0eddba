#pragma once

#include "core/cards/card_failure.hpp"

namespace card_cli {

/// The exit codes `shiqiuren-card` documents (README, man page); scripts rely on them.
enum ExitCode : int {
    Ok = 0,
    Failure = 1,
    Usage = 2,
    NoReader = 3,
    NoCard = 4,
    UnsupportedCard = 5,
    ServiceUnavailable = 6,
    WrongPin = 7,
    PinBlocked = 8,
    LastTryNeedsConfirmation = 9,
};

inline int exitCodeFor(core::cards::CardProblem problem)
{
    using core::cards::CardProblem;
    switch (problem) {
    case CardProblem::ServiceUnavailable:
        return ServiceUnavailable;
    case CardProblem::NoReaders:
    case CardProblem::ReaderNotFound:
        return NoReader;
    case CardProblem::NoCard:
    case CardProblem::CardRemoved:
        return NoCard;
    case CardProblem::UnsupportedCard:
        return UnsupportedCard;
    case CardProblem::WrongPin:
        return WrongPin;
    case CardProblem::PinBlocked:
        return PinBlocked;
    case CardProblem::LastTryNeedsConfirmation:
        return LastTryNeedsConfirmation;
    case CardProblem::PinLengthInvalid:
    case CardProblem::PinCharactersInvalid:
    case CardProblem::SigningModuleMissing:
    case CardProblem::SigningKeyNotFound:
    case CardProblem::NoSigningCertificate:
    case CardProblem::CardBusy:
    case CardProblem::UnreadableCard:
    case CardProblem::Communication:
        break;
    }
    return Failure;
}

} // namespace card_cli
