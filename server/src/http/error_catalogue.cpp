#include "server/http/api_error.hpp"

#include <QHash>

// The server's sentences are for the contract's `message` member, which is zh-TW by definition;
// the client shows its own translated text per code, so these are not tr() strings.
namespace server::http {
namespace {

const QList<QPair<QString, QString>>& catalogue()
{
    static const QList<QPair<QString, QString>> entries {
        { "request-invalid", "請求內容有誤，請檢查標示的欄位。" },
        { "json-malformed", "請求內容不是有效的 JSON。" },
        { "json-too-deep", "請求內容的巢狀層次過深。" },
        { "body-too-large", "請求內容過大。" },
        { "unsupported-media-type", "請求內容須為 application/json。" },
        { "not-found", "找不到指定的資源。" },
        { "method-not-allowed", "此資源不支援這個操作。" },
        { "unauthenticated", "請先登入。" },
        { "session-expired", "登入已逾時，請重新登入。" },
        { "account-setup-required", "請先設定自訂帳號後才能使用本系統其他服務。" },
        { "certificate-login-required", "職缺資料須以憑證登入後才能登錄或異動。" },
        { "nonce-invalid", "登入挑戰碼無效或已逾時，請重新登入。" },
        { "token-malformed", "憑證登入資料格式不正確。" },
        { "certificate-expired", "憑證已逾有效期限。" },
        { "certificate-not-yet-valid", "憑證尚未生效。" },
        { "certificate-untrusted", "憑證不是由受信任的憑證管理中心所簽發。" },
        { "certificate-usage", "此憑證不能用於簽章登入。" },
        { "certificate-revoked", "憑證已被廢止。" },
        { "revocation-unavailable", "目前無法確認憑證狀態，請稍後再試。" },
        { "signature-invalid", "憑證簽章驗證失敗。" },
        { "agency-not-found", "此機關憑證所屬機關未在本系統登記，請洽人事人員。" },
        { "activation-ticket-invalid", "首次啟用的有效時間已過，請重新以憑證登入。" },
        { "person-not-found", "自訂帳號或身分證號不存在於本總處公務人力資料庫中，請洽人事人員。" },
        { "person-inactive",
            "此身份證字號已停用，可能是此帳號之人事資料為卸職狀態，請洽人事人員。" },
        { "certificate-owner-mismatch",
            "此身份證字號與使用的自然人憑證並不是同一個使用者，請確認後再試。" },
        { "password-policy",
            "密碼至少 8 碼，須含英文字母、數字及特殊符號，且不可含 % & + * ? < > \\ / 等字元。" },
        { "account-taken", "此自訂帳號已有人使用，請換一個。" },
        { "account-already-set-up", "自訂帳號已設定過。" },
        { "current-password-required", "以密碼登入時，變更資料須輸入目前的密碼。" },
        { "current-password-invalid", "目前的密碼不正確。" },
        { "credentials-invalid", "帳號或密碼錯誤。" },
        { "too-many-attempts", "登入失敗次數過多，請稍後再試。" },
        { "validation-failed", "職缺資料有誤，請依欄位說明修正。" },
        { "precondition-required", "異動須附上資料版本（If-Match）。" },
        { "precondition-failed", "資料已被他人異動，請以最新內容重新編輯。" },
        { "idempotency-key-required", "新增須附上 Idempotency-Key（UUID）。" },
        { "idempotency-key-reused", "此 Idempotency-Key 已用於另一筆不同的請求。" },
        { "idempotency-key-in-flight", "相同的請求仍在處理中，請稍後再試。" },
        { "vacancy-closed", "此職缺已截止或已撤銷，不能再異動。" },
        { "cursor-invalid", "同步游標無效，請重新同步。" },
        { "resume-access-disabled", "本職缺未啟用應徵人員調閱履歷功能，無法調閱履歷。" },
        { "server-busy", "伺服器忙碌中，請稍後再試。" },
        { "database-unavailable", "資料庫暫時無法使用，請稍後再試。" },
        { "internal-error", "系統發生錯誤，請稍後再試。" },
    };
    return entries;
}

} // namespace

QString catalogueMessage(const QString& code)
{
    for (const auto& [key, text] : catalogue())
        if (key == code)
            return text;
    return {};
}

QStringList allErrorCodes()
{
    QStringList codes;
    for (const auto& entry : catalogue())
        codes.append(entry.first);
    return codes;
}

} // namespace server::http
