#include "ui/account/account_messages.hpp"

#include <QCoreApplication>
#include <QJsonArray>
#include <algorithm>

namespace ui {

namespace {

/// The rules a 422 password-policy answer names, in words.
QString failedRules(const QJsonObject& fields)
{
    QStringList rules;
    for (const QString& field : fields.keys()) {
        for (const QJsonValue& code : fields.value(field).toArray()) {
            const QString id = code.toString();
            if (id == QLatin1String("too-short"))
                rules << QCoreApplication::translate("ui::AccountDialog", "長度不足8碼");
            else if (id == QLatin1String("needs-letter"))
                rules << QCoreApplication::translate("ui::AccountDialog", "沒有英文字母");
            else if (id == QLatin1String("needs-digit"))
                rules << QCoreApplication::translate("ui::AccountDialog", "沒有數字");
            else if (id == QLatin1String("needs-symbol"))
                rules << QCoreApplication::translate("ui::AccountDialog", "沒有特殊符號");
            else if (id == QLatin1String("forbidden-character"))
                rules << QCoreApplication::translate("ui::AccountDialog", "含有不可使用的字元");
        }
    }
    return rules.join(QCoreApplication::translate("ui::AccountDialog", "、"));
}

} // namespace

QString commonServiceFailureText(const core::api::Failure& failure)
{
    using core::api::ErrorKind;
    using core::api::ServiceError;
    switch (failure.kind) {
    case ErrorKind::None:
        return {};
    case ErrorKind::Network:
    case ErrorKind::Timeout:
        return QCoreApplication::translate(
            "ui::AccountDialog", "無法連線到人事服務網，請確認網路後再試一次。");
    case ErrorKind::Tls:
        return QCoreApplication::translate("ui::AccountDialog",
            "無法與人事服務網建立安全連線。請執行「說明」→「環境檢測」查看原因。");
    case ErrorKind::BadResponse:
        return QCoreApplication::translate(
            "ui::AccountDialog", "人事服務網的回應有誤，請稍後再試一次。");
    case ErrorKind::Http:
        break;
    }
    switch (failure.error) {
    case ServiceError::Unauthenticated:
    case ServiceError::SessionExpired:
        return QCoreApplication::translate("ui::AccountDialog", "登入已逾時，請重新登入。");
    case ServiceError::PersonInactive:
        return QCoreApplication::translate(
            "ui::AccountDialog", "您的帳號已停用，請洽機關人事單位。");
    case ServiceError::AccountSetupRequired:
        return QCoreApplication::translate("ui::AccountDialog",
            "為增進個人資料之安全性，請先設定自訂帳號後才能使用本系統其他服務。");
    case ServiceError::DatabaseUnavailable:
    case ServiceError::ServerBusy:
    case ServiceError::InternalError:
        return QCoreApplication::translate(
            "ui::AccountDialog", "人事服務網暫時無法處理，請稍後再試一次。");
    default:
        break;
    }
    if (failure.httpStatus >= 500)
        return QCoreApplication::translate(
            "ui::AccountDialog", "人事服務網暫時無法處理，請稍後再試一次。");
    return {};
}

QString accountFailureText(const core::api::Failure& failure)
{
    using core::api::ServiceError;
    if (failure.kind == core::api::ErrorKind::Http) {
        switch (failure.error) {
        case ServiceError::PasswordPolicy: {
            const QString rules = failedRules(failure.fields);
            if (rules.isEmpty())
                return QCoreApplication::translate("ui::AccountDialog", "新密碼不符合密碼規則。");
            return QCoreApplication::translate("ui::AccountDialog", "新密碼不符合密碼規則：%1。")
                .arg(rules);
        }
        case ServiceError::CurrentPasswordInvalid:
            return QCoreApplication::translate("ui::AccountDialog", "目前密碼不正確，請重新輸入。");
        case ServiceError::CurrentPasswordRequired:
            return QCoreApplication::translate("ui::AccountDialog", "請輸入目前密碼。");
        case ServiceError::TooManyAttempts:
            if (failure.retryAfterSeconds) {
                const int minutes = std::max(1, (*failure.retryAfterSeconds + 59) / 60);
                return QCoreApplication::translate("ui::AccountDialog",
                    "密碼錯誤次數過多，請於 %n 分鐘後再試。", nullptr, minutes);
            }
            return QCoreApplication::translate(
                "ui::AccountDialog", "密碼錯誤次數過多，請稍後再試。");
        case ServiceError::ValidationFailed:
            if (failure.fields.contains(QLatin1String("email")))
                return QCoreApplication::translate("ui::AccountDialog", "電子郵件格式不正確。");
            if (failure.fields.contains(QLatin1String("phone")))
                return QCoreApplication::translate("ui::AccountDialog", "個人電話格式不正確。");
            return QCoreApplication::translate("ui::AccountDialog", "資料有誤，請依欄位說明修正。");
        case ServiceError::RequestInvalid:
            return QCoreApplication::translate("ui::AccountDialog", "資料有誤，請依欄位說明修正。");
        case ServiceError::NotFound:
            return QCoreApplication::translate(
                "ui::AccountDialog", "以機關憑證登入時沒有個人資料可修改。");
        default:
            break;
        }
    }
    const QString common = commonServiceFailureText(failure);
    if (!common.isEmpty())
        return common;
    return QCoreApplication::translate("ui::AccountDialog", "修改失敗（%1）。")
        .arg(failure.code.isEmpty() ? QString::number(failure.httpStatus) : failure.code);
}

} // namespace ui
