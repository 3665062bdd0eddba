#include "core/cards/card_failure.hpp"

#include <QCoreApplication>

namespace core::cards {

CardFailure::CardFailure(CardProblem problem, const std::string& technicalDetail)
    : std::runtime_error(technicalDetail)
    , problem_(problem)
{ }

QString CardFailure::userMessage() const
{
    switch (problem_) {
    case CardProblem::ServiceUnavailable:
        return QCoreApplication::translate("CardFailure",
            "智慧卡服務（pcscd）沒有執行，無法使用讀卡機。請啟動智慧卡服務後再試一次。");
    case CardProblem::NoReaders:
        return QCoreApplication::translate("CardFailure", "找不到讀卡機。請確認讀卡機已接上電腦。");
    case CardProblem::ReaderNotFound:
        return QCoreApplication::translate(
            "CardFailure", "找不到指定的讀卡機。請以 readers 指令查看可用的讀卡機。");
    case CardProblem::NoCard:
        return QCoreApplication::translate("CardFailure", "讀卡機中沒有卡片。請插入憑證卡片。");
    case CardProblem::CardRemoved:
        return QCoreApplication::translate(
            "CardFailure", "讀取時卡片被取出。請重新插入卡片後再試一次。");
    case CardProblem::CardBusy:
        return QCoreApplication::translate(
            "CardFailure", "卡片正由其他程式使用中。請關閉該程式後再試一次。");
    case CardProblem::UnsupportedCard:
        return QCoreApplication::translate(
            "CardFailure", "不支援此卡片。請插入自然人憑證、機關憑證或健保卡。");
    case CardProblem::UnreadableCard:
        return QCoreApplication::translate("CardFailure", "卡片內容無法辨識，可能已損壞。");
    case CardProblem::Communication:
        break;
    }
    return QCoreApplication::translate(
        "CardFailure", "與卡片通訊時發生錯誤。請重新插入卡片後再試一次。");
}

QString CardFailure::code() const
{
    switch (problem_) {
    case CardProblem::ServiceUnavailable:
        return QStringLiteral("service-unavailable");
    case CardProblem::NoReaders:
        return QStringLiteral("no-readers");
    case CardProblem::ReaderNotFound:
        return QStringLiteral("reader-not-found");
    case CardProblem::NoCard:
        return QStringLiteral("no-card");
    case CardProblem::CardRemoved:
        return QStringLiteral("card-removed");
    case CardProblem::CardBusy:
        return QStringLiteral("card-busy");
    case CardProblem::UnsupportedCard:
        return QStringLiteral("unsupported-card");
    case CardProblem::UnreadableCard:
        return QStringLiteral("unreadable-card");
    case CardProblem::Communication:
        break;
    }
    return QStringLiteral("communication");
}

bool CardFailure::retryMakesSense() const noexcept
{
    return problem_ != CardProblem::UnsupportedCard && problem_ != CardProblem::UnreadableCard;
}

} // namespace core::cards
