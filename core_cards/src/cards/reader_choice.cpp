#include "reader_choice.hpp"

#include "core/cards/card_failure.hpp"

#include <algorithm>

namespace core::cards {

std::string chooseReader(smartcard::Pcsc& pcsc, const QString& requested)
{
    if (!requested.isEmpty()) {
        const std::string name = requested.toStdString();
        const auto names = pcsc.listReaders();
        if (std::find(names.begin(), names.end(), name) == names.end())
            throw CardFailure(names.empty() ? CardProblem::NoReaders : CardProblem::ReaderNotFound,
                "reader not connected");
        return name;
    }
    const auto statuses = pcsc.readerStatuses();
    if (statuses.empty())
        throw CardFailure(CardProblem::NoReaders, "no readers");
    const auto withCard = std::find_if(statuses.begin(), statuses.end(),
        [](const smartcard::ReaderStatus& status) { return status.cardPresent; });
    if (withCard == statuses.end())
        throw CardFailure(CardProblem::NoCard, "no reader holds a card");
    return withCard->name;
}

} // namespace core::cards
