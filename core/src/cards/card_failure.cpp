#include "core/cards/card_failure.hpp"

#include "core/cards/card_access.hpp"

#include <QCoreApplication>

namespace core::cards {

CardFault CardFault::from(const CardFailure& failure)
{
    return { failure.problem(), failure.code(), failure.userMessage(), failure.retryMakesSense(),
        failure.triesLeft() };
}

CardFailure::CardFailure(
    CardProblem problem, const std::string& technicalDetail, std::optional<int> triesLeft)
    : std::runtime_error(technicalDetail)
    , problem_(problem)
    , triesLeft_(triesLeft)
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
    case CardProblem::WrongPin:
        if (triesLeft_ == 1)
            return QCoreApplication::translate("CardFailure",
                "憑證密碼（PIN 碼）錯誤。只剩最後 1 次機會，再錯一次卡片就會被鎖住。");
        if (triesLeft_)
            return QCoreApplication::translate(
                "CardFailure", "憑證密碼（PIN 碼）錯誤，還有 %n 次機會。", nullptr, *triesLeft_);
        return QCoreApplication::translate(
            "CardFailure", "憑證密碼（PIN 碼）錯誤。連續錯誤 3 次將會鎖卡。");
    case CardProblem::PinBlocked:
        // The seed's own wording and unblock addresses (人事服務網 login help).
        return QCoreApplication::translate("CardFailure",
            "憑證密碼（PIN 碼）已連續錯誤 3 次，卡片已鎖住，必須解卡後才能再使用。"
            "自然人憑證請至 MOICA 內政部憑證管理中心網站"
            "（https://moica.nat.gov.tw/html/unblockcard.htm#2）解卡；"
            "機關憑證請至 GCA "
            "政府憑證管理中心網站（https://gcaweb.nat.gov.tw/gcacms/04-04.html）解卡。");
    case CardProblem::PinLengthInvalid:
        return QCoreApplication::translate(
            "CardFailure", "憑證密碼（PIN 碼）長度不對，沒有送到卡片，也沒有用掉機會。");
    case CardProblem::PinCharactersInvalid:
        return QCoreApplication::translate("CardFailure",
            "憑證密碼（PIN 碼）含有這張卡片不接受的字元，沒有送到卡片，也沒有用掉機會。");
    case CardProblem::LastTryNeedsConfirmation:
        return QCoreApplication::translate("CardFailure",
            "只剩最後 1 次機會。再錯一次卡片就會被鎖住，請確認後再送出（--confirm-last-try）。");
    case CardProblem::SigningModuleMissing:
        return QCoreApplication::translate("CardFailure",
            "這張卡片需要中華電信 HiCOS 卡片管理工具的 PKCS#11 模組才能簽章，但找不到它。"
            "請安裝 HiCOS 卡片管理工具，或設定模組路徑（SHIQIUREN_PKCS11_MODULE）。");
    case CardProblem::SigningKeyNotFound:
        return QCoreApplication::translate(
            "CardFailure", "PKCS#11 模組中找不到這張卡片的簽章金鑰。");
    case CardProblem::NoSigningCertificate:
        return QCoreApplication::translate("CardFailure", "這張卡片上沒有簽章用的憑證。");
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
    case CardProblem::WrongPin:
        return QStringLiteral("pin-incorrect");
    case CardProblem::PinBlocked:
        return QStringLiteral("pin-blocked");
    case CardProblem::PinLengthInvalid:
        return QStringLiteral("pin-length-invalid");
    case CardProblem::PinCharactersInvalid:
        return QStringLiteral("pin-characters-invalid");
    case CardProblem::LastTryNeedsConfirmation:
        return QStringLiteral("last-try-needs-confirmation");
    case CardProblem::SigningModuleMissing:
        return QStringLiteral("signing-module-missing");
    case CardProblem::SigningKeyNotFound:
        return QStringLiteral("signing-key-not-found");
    case CardProblem::NoSigningCertificate:
        return QStringLiteral("no-signing-certificate");
    case CardProblem::Communication:
        break;
    }
    return QStringLiteral("communication");
}

bool CardFailure::retryMakesSense() const noexcept
{
    switch (problem_) {
    case CardProblem::UnsupportedCard:
    case CardProblem::UnreadableCard:
    case CardProblem::PinBlocked: // only unblocking at the CA's site helps
    case CardProblem::SigningModuleMissing:
    case CardProblem::SigningKeyNotFound:
    case CardProblem::NoSigningCertificate:
        return false;
    default:
        return true;
    }
}

} // namespace core::cards
