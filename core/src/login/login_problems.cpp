#include "core/cards/card_access.hpp"
#include "core/login/login_types.hpp"

#include <QCoreApplication>

/// The translation context of these texts (outside any namespace, so lupdate and the runtime
/// agree on its name).
class LoginProblemText {
    Q_DECLARE_TR_FUNCTIONS(LoginProblemText)
};

namespace core::login {

namespace {

LoginProblem make(QString message, bool retry, LoginStep step = LoginStep::Waiting)
{
    LoginProblem problem;
    problem.message = std::move(message);
    problem.retryMakesSense = retry;
    problem.retryStep = step;
    return problem;
}

LoginProblem forHttp(const api::Failure& failure)
{
    using api::ServiceError;
    switch (failure.error) {
    // The seed: 插入之自然人憑證或機關憑證無效 …
    case ServiceError::CertificateExpired:
    case ServiceError::CertificateNotYetValid:
    case ServiceError::CertificateRevoked:
    case ServiceError::CertificateUntrusted:
    case ServiceError::CertificateUsage:
        return make(
            LoginProblemText::tr("插入之自然人憑證或機關憑證無效，可能為憑證已過期、廢止…等情形，"
                                 "請確認所持憑證之有效性。"),
            false);
    case ServiceError::RevocationUnavailable:
        return make(
            LoginProblemText::tr("目前無法向憑證中心確認憑證是否有效，請稍後再試一次。"), true);
    case ServiceError::SignatureInvalid:
    case ServiceError::TokenMalformed:
        return make(LoginProblemText::tr(
                        "伺服器無法驗證卡片的簽章。請重新插入卡片後再試一次；若仍失敗，"
                        "請資訊人員檢查「設定」中的伺服器網址與登入簽署的網址（origin）。"),
            true);
    case ServiceError::NonceInvalid:
        return make(LoginProblemText::tr("登入驗證已逾時，請重新登入。"), true);
    case ServiceError::AgencyNotFound:
        return make(
            LoginProblemText::tr("此機關憑證所屬機關尚未登錄於本系統，請洽人事人員。"), false);
    // The seed's three activation failures.
    case ServiceError::PersonNotFound:
        return make(LoginProblemText::tr(
                        "自訂帳號或身分證號驗證不存在於本總處公務人力資料庫中，如為現職公務人員，"
                        "請洽人事人員儘速將該員個人資料報送至本總處完成入檔後，"
                        "方可登入本總處「人事服務網」。"),
            true, LoginStep::Activation);
    case ServiceError::PersonInactive:
        return make(LoginProblemText::tr(
                        "驗證失敗\n失敗原因：此身份證字號已停用，可能是此帳號之人事資料為卸職狀態，"
                        "若有問題請先洽機關所屬人事部門洽詢。"),
            true, LoginStep::Activation);
    case ServiceError::CertificateOwnerMismatch:
        return make(LoginProblemText::tr(
                        "驗證失敗\n失敗原因：此身份證字號與使用的自然人憑證序號向憑證中心查詢回應"
                        "並不是同一個使用者，請確定輸入的eCPA自訂帳號或是身分證字號是否正確。"),
            true, LoginStep::Activation);
    case ServiceError::ActivationTicketInvalid:
        return make(
            LoginProblemText::tr("首次啟用的時限已過或嘗試次數已用完，請重新以憑證登入。"), true);
    case ServiceError::CredentialsInvalid:
        return make(LoginProblemText::tr("帳號或密碼錯誤。"), true, LoginStep::PasswordLogin);
    case ServiceError::TooManyAttempts:
        return make(LoginProblemText::tr("密碼錯誤次數過多，登入暫時鎖定，請稍後再試。"), true,
            LoginStep::PasswordLogin);
    case ServiceError::PasswordPolicy:
        return make(
            LoginProblemText::tr("密碼長度須 8 碼以上，且必須至少包含英文字母、數字及特殊符號；"
                                 "請勿使用下列特殊字元 % & + * ? < > \\ /"),
            true, LoginStep::AccountSetup);
    case ServiceError::AccountTaken:
        return make(LoginProblemText::tr("此自訂帳號已有人使用，請換一個。"), true,
            LoginStep::AccountSetup);
    case ServiceError::AccountAlreadySetUp:
        return make(LoginProblemText::tr("此帳號已設定完成，請重新登入。"), true);
    case ServiceError::ValidationFailed:
    case ServiceError::RequestInvalid:
        return make(LoginProblemText::tr("輸入的資料不正確，請檢查後再送出。"), true,
            LoginStep::AccountSetup);
    case ServiceError::DatabaseUnavailable:
    case ServiceError::ServerBusy:
    case ServiceError::InternalError:
        return make(LoginProblemText::tr("中央服務暫時無法處理，請稍後再試一次。"), true);
    default:
        break;
    }
    return make(LoginProblemText::tr("登入失敗，請稍後再試一次；若仍失敗，請洽資訊人員。"), true);
}

} // namespace

LoginProblem problemFor(const api::Failure& failure)
{
    LoginProblem problem;
    switch (failure.kind) {
    case api::ErrorKind::Network:
    case api::ErrorKind::Timeout:
        problem = make(
            LoginProblemText::tr("無法連線到中央服務。請確認網路後再試一次，或先離線作業。"), true);
        break;
    case api::ErrorKind::Tls:
        problem = make(
            LoginProblemText::tr("無法確認中央服務的身分（安全連線失敗），請洽資訊人員檢查設定。"),
            false);
        break;
    case api::ErrorKind::BadResponse:
        problem = make(LoginProblemText::tr("中央服務的回應無法辨識，請稍後再試一次。"), true);
        break;
    case api::ErrorKind::Http:
    case api::ErrorKind::None:
        problem = forHttp(failure);
        break;
    }
    problem.kind = failure.kind;
    problem.serviceError = failure.error;
    return problem;
}

LoginProblem problemFor(const cards::CardFault& fault, LoginStep retryStep)
{
    return make(fault.message, fault.retryMakesSense, retryStep);
}

PinLevel pinLevelOf(const auth::PinStatus& status)
{
    if (status.blocked || status.triesLeft == 0)
        return PinLevel::Locked;
    if (status.triesLeft == 1)
        return PinLevel::FinalTry;
    if (status.countLow || (status.triesLeft && *status.triesLeft < auth::PinLedger::allowedTries))
        return PinLevel::TriesLow;
    return PinLevel::Normal;
}

CertificateValidity certificateValidity(const cards::CardReport& report, const QDateTime& now)
{
    const pki::CertificateInfo* certificate = report.signingCertificate();
    if (!certificate)
        return CertificateValidity::Missing;
    if (now < certificate->notBefore)
        return CertificateValidity::NotYetValid;
    if (now > certificate->notAfter)
        return CertificateValidity::Expired;
    return CertificateValidity::Valid;
}

UnblockSite unblockSiteFor(const QString& cardKind)
{
    return cardKind == QLatin1String("gca") ? UnblockSite::Gca : UnblockSite::Moica;
}

QString unblockUrl(UnblockSite site)
{
    return site == UnblockSite::Gca
        ? QStringLiteral("https://gcaweb.nat.gov.tw/gcacms/04-04.html")
        : QStringLiteral("https://moica.nat.gov.tw/html/unblockcard.htm#2");
}

} // namespace core::login
