#include "core/cards/card_report.hpp"
#include "core/diagnostics/check_result.hpp"

#include <QCoreApplication>
#include <QDateTime>

namespace core::diagnostics {

namespace {

QString fact(const CheckResult& result, qsizetype index)
{
    return result.facts.value(index);
}

/// "3 分 5 秒" / "12 秒": how far apart, without the sign.
QString duration(qint64 seconds)
{
    const qint64 magnitude = std::abs(seconds);
    if (magnitude >= 3600)
        return QCoreApplication::translate("core::diagnostics::EnvironmentCheck", "%1 小時 %2 分")
            .arg(magnitude / 3600)
            .arg((magnitude % 3600) / 60);
    if (magnitude >= 60)
        return QCoreApplication::translate("core::diagnostics::EnvironmentCheck", "%1 分 %2 秒")
            .arg(magnitude / 60)
            .arg(magnitude % 60);
    return QCoreApplication::translate("core::diagnostics::EnvironmentCheck", "%1 秒")
        .arg(magnitude);
}

QString cardsText(const CheckResult& result)
{
    QStringList lines;
    for (const QString& entry : result.facts) {
        const QString reader = entry.section(u'\t', 0, 0);
        const QString kind = entry.section(u'\t', 1, 1);
        const QString path = entry.section(u'\t', 2, 2);
        QString line = QCoreApplication::translate("core::diagnostics::EnvironmentCheck", "%1：%2")
                           .arg(reader, cardKindText(kind));
        if (!path.isEmpty() && path != QLatin1String("no-key"))
            line += u'\n' + cards::signingPathText(path);
        lines << line;
    }
    return lines.join(u'\n');
}

/// The part a 程式元件 fact ("part\tdetail") is about.
ProgramPart partOf(const QString& entry)
{
    return static_cast<ProgramPart>(entry.section(u'\t', 0, 0).toInt());
}

/// "網路元件：/usr/lib/…" per "part\tdetail" fact (the part by its enum's number).
QString partsText(const QStringList& facts)
{
    QStringList lines;
    for (const QString& entry : facts) {
        lines << QCoreApplication::translate("core::diagnostics::EnvironmentCheck", "%1：%2")
                     .arg(partText(partOf(entry)), entry.section(u'\t', 1));
    }
    return lines.join(u'\n');
}

} // namespace

QList<CheckId> allChecks()
{
    return { CheckId::ProgramParts, CheckId::SmartCardService, CheckId::Readers, CheckId::Cards,
        CheckId::SigningModule, CheckId::Service, CheckId::Clock };
}

QString partText(ProgramPart part)
{
    switch (part) {
    case ProgramPart::Network:
        return QCoreApplication::translate("core::diagnostics::EnvironmentCheck", "網路元件");
    case ProgramPart::Printing:
        return QCoreApplication::translate("core::diagnostics::EnvironmentCheck", "列印元件");
    }
    return {};
}

QString checkTitle(CheckId id)
{
    switch (id) {
    case CheckId::ProgramParts:
        return QCoreApplication::translate("core::diagnostics::EnvironmentCheck", "程式元件");
    case CheckId::SmartCardService:
        return QCoreApplication::translate(
            "core::diagnostics::EnvironmentCheck", "智慧卡服務（pcscd）");
    case CheckId::Readers:
        return QCoreApplication::translate("core::diagnostics::EnvironmentCheck", "讀卡機");
    case CheckId::Cards:
        return QCoreApplication::translate("core::diagnostics::EnvironmentCheck", "卡片");
    case CheckId::SigningModule:
        return QCoreApplication::translate(
            "core::diagnostics::EnvironmentCheck", "HiCOS PKCS#11 模組");
    case CheckId::Service:
        return QCoreApplication::translate("core::diagnostics::EnvironmentCheck", "人事服務網連線");
    case CheckId::Clock:
        return QCoreApplication::translate("core::diagnostics::EnvironmentCheck", "電腦時間");
    }
    return {};
}

QString statusText(CheckStatus status)
{
    switch (status) {
    case CheckStatus::Pending:
        return QCoreApplication::translate("core::diagnostics::EnvironmentCheck", "等待檢測");
    case CheckStatus::Running:
        return QCoreApplication::translate("core::diagnostics::EnvironmentCheck", "檢測中…");
    case CheckStatus::Ok:
        return QCoreApplication::translate("core::diagnostics::EnvironmentCheck", "正常");
    case CheckStatus::Warning:
        return QCoreApplication::translate("core::diagnostics::EnvironmentCheck", "注意");
    case CheckStatus::Failed:
        return QCoreApplication::translate("core::diagnostics::EnvironmentCheck", "失敗");
    case CheckStatus::Skipped:
        return QCoreApplication::translate("core::diagnostics::EnvironmentCheck", "略過");
    }
    return {};
}

QString cardKindText(const QString& kind)
{
    if (kind == QLatin1String("moica-gen1"))
        return QCoreApplication::translate(
            "core::diagnostics::EnvironmentCheck", "自然人憑證（HiCOS 第一代）");
    if (kind == QLatin1String("moica-gen2"))
        return QCoreApplication::translate(
            "core::diagnostics::EnvironmentCheck", "自然人憑證（HiCOS 第二代）");
    if (kind == QLatin1String("gca"))
        return QCoreApplication::translate(
            "core::diagnostics::EnvironmentCheck", "機關憑證（HiCOS）");
    if (kind == QLatin1String("nhi"))
        return QCoreApplication::translate(
            "core::diagnostics::EnvironmentCheck", "健保卡（不能用來登入）");
    if (kind == QLatin1String("iso-eid"))
        return QCoreApplication::translate(
            "core::diagnostics::EnvironmentCheck", "ISO 7816 憑證卡");
    return QCoreApplication::translate("core::diagnostics::EnvironmentCheck", "無法辨識的卡片");
}

QString findingText(const CheckResult& result)
{
    switch (result.finding) {
    case Finding::None:
        return {};
    case Finding::PartsComplete: {
        // Only the parts: the paths matter when one is missing, and are then shown.
        QStringList parts;
        for (const QString& entry : result.facts)
            parts << partText(partOf(entry));
        return QCoreApplication::translate("core::diagnostics::EnvironmentCheck", "已安裝：%1。")
            .arg(parts.join(
                QCoreApplication::translate("core::diagnostics::EnvironmentCheck", "、")));
    }
    case Finding::PartMissing:
        return QCoreApplication::translate(
                   "core::diagnostics::EnvironmentCheck", "有程式元件無法載入：")
            + u'\n' + partsText(result.facts);
    case Finding::PcscRunning:
        return QCoreApplication::translate(
            "core::diagnostics::EnvironmentCheck", "智慧卡服務正在執行。");
    case Finding::PcscUnavailable:
        return QCoreApplication::translate(
            "core::diagnostics::EnvironmentCheck", "智慧卡服務（pcscd）沒有執行，無法使用讀卡機。");
    case Finding::PcscError:
        return QCoreApplication::translate(
            "core::diagnostics::EnvironmentCheck", "智慧卡服務回報錯誤：%1")
            .arg(fact(result, 0));
    case Finding::ReadersFound: {
        // A plain variable: lupdate skips a translate() whose count argument holds a cast.
        const int readers = static_cast<int>(result.facts.size());
        return QCoreApplication::translate(
                   "core::diagnostics::EnvironmentCheck", "找到 %n 台讀卡機：", nullptr, readers)
            + u'\n' + result.facts.join(u'\n');
    }
    case Finding::NoReaders:
        return QCoreApplication::translate("core::diagnostics::EnvironmentCheck", "找不到讀卡機。");
    case Finding::CardsFound:
        return cardsText(result);
    case Finding::NoCard:
        return QCoreApplication::translate(
            "core::diagnostics::EnvironmentCheck", "讀卡機中沒有卡片。");
    case Finding::UnsupportedCard:
        return QCoreApplication::translate(
                   "core::diagnostics::EnvironmentCheck", "有無法用來登入的卡片：")
            + u'\n' + cardsText(result);
    case Finding::CardUnreadable:
        return QCoreApplication::translate(
            "core::diagnostics::EnvironmentCheck", "無法讀取 %1 中的卡片：%2")
            .arg(fact(result, 0), fact(result, 1));
    case Finding::ModuleFound:
        return QCoreApplication::translate("core::diagnostics::EnvironmentCheck", "已找到模組：%1")
            .arg(fact(result, 0));
    case Finding::ModuleConfiguredMissing:
        return QCoreApplication::translate(
            "core::diagnostics::EnvironmentCheck", "設定的模組檔案不存在：%1")
            .arg(fact(result, 0));
    case Finding::ModuleMissingForHicos:
        return QCoreApplication::translate("core::diagnostics::EnvironmentCheck",
            "讀卡機中的 HiCOS 卡片版本本程式無法直接簽章，需要 HiCOS PKCS#11 模組，但找不到它。");
    case Finding::ModuleMissing:
        return QCoreApplication::translate("core::diagnostics::EnvironmentCheck",
            "未安裝 HiCOS PKCS#11 "
            "模組。不需要它：第一代與第二代自然人憑證、機關憑證由本程式直接簽章。");
    case Finding::ServiceNotConfigured:
        return QCoreApplication::translate(
            "core::diagnostics::EnvironmentCheck", "尚未設定伺服器網址。");
    case Finding::ServiceReachable:
        return QCoreApplication::translate("core::diagnostics::EnvironmentCheck", "服務正常：%1")
            .arg(fact(result, 0));
    case Finding::ServiceDegraded:
        return QCoreApplication::translate(
            "core::diagnostics::EnvironmentCheck", "服務有回應，但它的資料庫沒有回應：%1")
            .arg(fact(result, 0));
    case Finding::ServiceUnreachable:
        return QCoreApplication::translate(
            "core::diagnostics::EnvironmentCheck", "無法連線到 %1（%2）")
            .arg(fact(result, 0), fact(result, 1));
    case Finding::ServiceTls:
        return QCoreApplication::translate(
            "core::diagnostics::EnvironmentCheck", "與 %1 的安全連線（TLS）失敗：%2")
            .arg(fact(result, 0), fact(result, 1));
    case Finding::ServiceTimeout:
        return QCoreApplication::translate(
            "core::diagnostics::EnvironmentCheck", "%1 沒有在時限內回應。")
            .arg(fact(result, 0));
    case Finding::ServiceBadAnswer:
        return QCoreApplication::translate(
            "core::diagnostics::EnvironmentCheck", "%1 的回應不是人事服務網的回應（HTTP %2）。")
            .arg(fact(result, 0), fact(result, 1));
    case Finding::ClockRight:
        return QCoreApplication::translate(
            "core::diagnostics::EnvironmentCheck", "電腦時間與伺服器相差 %1，在容許範圍內。")
            .arg(duration(result.seconds));
    case Finding::ClockSkewed:
        return result.seconds > 0
            ? QCoreApplication::translate(
                "core::diagnostics::EnvironmentCheck", "電腦時間比伺服器快 %1。")
                  .arg(duration(result.seconds))
            : QCoreApplication::translate(
                "core::diagnostics::EnvironmentCheck", "電腦時間比伺服器慢 %1。")
                  .arg(duration(result.seconds));
    case Finding::ClockUnknown:
        return QCoreApplication::translate(
            "core::diagnostics::EnvironmentCheck", "伺服器沒有提供時間，無法比對。");
    case Finding::SkippedNoPcsc:
        return QCoreApplication::translate(
            "core::diagnostics::EnvironmentCheck", "智慧卡服務沒有執行，無法檢測。");
    case Finding::SkippedNoService:
        return QCoreApplication::translate(
            "core::diagnostics::EnvironmentCheck", "無法連線到服務，無法比對時間。");
    case Finding::SkippedNoNetworkPart:
        return QCoreApplication::translate(
            "core::diagnostics::EnvironmentCheck", "網路元件無法載入，無法連線。");
    }
    return {};
}

QString adviceText(const CheckResult& result)
{
    switch (result.finding) {
    case Finding::PartMissing:
    case Finding::SkippedNoNetworkPart:
        return QCoreApplication::translate("core::diagnostics::EnvironmentCheck",
            "事求人沒有安裝完整：請資訊人員重新安裝事求人的套件"
            "（sudo apt install --reinstall shiqiuren）。");
    case Finding::PcscUnavailable:
        return QCoreApplication::translate("core::diagnostics::EnvironmentCheck",
            "請啟動智慧卡服務：在終端機執行 sudo systemctl enable --now pcscd.socket，"
            "或請資訊人員協助。");
    case Finding::PcscError:
        return QCoreApplication::translate("core::diagnostics::EnvironmentCheck",
            "請重新啟動智慧卡服務（sudo systemctl restart pcscd），再重新檢測。");
    case Finding::NoReaders:
        return QCoreApplication::translate("core::diagnostics::EnvironmentCheck",
            "請確認讀卡機已接上電腦；已接上時請拔下再插一次，或換一個 USB 插槽。");
    case Finding::NoCard:
        return QCoreApplication::translate("core::diagnostics::EnvironmentCheck",
            "請將自然人憑證或機關憑證插入讀卡機（晶片朝上、朝內），再重新檢測。");
    case Finding::UnsupportedCard:
        return QCoreApplication::translate(
            "core::diagnostics::EnvironmentCheck", "請改插自然人憑證或機關憑證。");
    case Finding::CardUnreadable:
        return QCoreApplication::translate("core::diagnostics::EnvironmentCheck",
            "請取出卡片再重新插入；仍無法讀取時請換一台讀卡機試試。");
    case Finding::ModuleConfiguredMissing:
        return QCoreApplication::translate("core::diagnostics::EnvironmentCheck",
            "請在設定中改正 PKCS#11 模組路徑，或清空它以使用預設安裝位置。");
    case Finding::ModuleMissingForHicos:
        return QCoreApplication::translate("core::diagnostics::EnvironmentCheck",
            "請安裝中華電信 HiCOS 卡片管理工具（內含 PKCS#11 模組），"
            "或在設定中指定模組路徑（例如 /usr/local/lib/libHicos_p11.so）。");
    case Finding::ServiceNotConfigured:
        return QCoreApplication::translate("core::diagnostics::EnvironmentCheck",
            "請在「設定」中輸入伺服器網址（由資訊人員提供）。");
    case Finding::ServiceDegraded:
        return QCoreApplication::translate("core::diagnostics::EnvironmentCheck",
            "這是伺服器端的問題，請稍後再試，或通知系統管理者。");
    case Finding::ServiceUnreachable:
    case Finding::ServiceTimeout:
        return QCoreApplication::translate("core::diagnostics::EnvironmentCheck",
            "請確認網路連線正常、設定中的伺服器網址正確；機關使用代理伺服器或防火牆時，"
            "請資訊人員開放這個網址。");
    case Finding::ServiceTls:
        return QCoreApplication::translate("core::diagnostics::EnvironmentCheck",
            "請確認電腦時間正確；伺服器憑證更換後，請更新設定中的憑證指紋，"
            "或請資訊人員確認機關的憑證設定。");
    case Finding::ServiceBadAnswer:
        return QCoreApplication::translate(
            "core::diagnostics::EnvironmentCheck", "請確認設定中的伺服器網址正確。");
    case Finding::ClockSkewed:
        return QCoreApplication::translate("core::diagnostics::EnvironmentCheck",
            "請校正電腦時間：開啟自動校時（sudo timedatectl set-ntp true），"
            "或請資訊人員協助。時間不對會使憑證登入失敗。");
    case Finding::ClockUnknown:
        return QCoreApplication::translate(
            "core::diagnostics::EnvironmentCheck", "請確認電腦已開啟自動校時。");
    case Finding::SkippedNoPcsc:
    case Finding::SkippedNoService:
    case Finding::None:
    case Finding::PartsComplete:
    case Finding::PcscRunning:
    case Finding::ReadersFound:
    case Finding::CardsFound:
    case Finding::ModuleFound:
    case Finding::ModuleMissing: // nothing to do: the cards that need no module sign directly
    case Finding::ServiceReachable:
    case Finding::ClockRight:
        break;
    }
    return {};
}

QString supportReport(const QList<CheckResult>& results)
{
    QStringList blocks;
    blocks << QCoreApplication::translate(
        "core::diagnostics::EnvironmentCheck", "人事服務網用戶端環境檢測 %1")
                  .arg(QDateTime::currentDateTime().toString(Qt::ISODate));
    for (const CheckResult& result : results) {
        QStringList lines;
        lines << QStringLiteral("[%1] %2").arg(statusText(result.status), checkTitle(result.id));
        const QString found = findingText(result);
        if (!found.isEmpty())
            lines << found;
        const QString advice = adviceText(result);
        if (!advice.isEmpty())
            lines << QCoreApplication::translate(
                "core::diagnostics::EnvironmentCheck", "處理方式：%1")
                         .arg(advice);
        blocks << lines.join(u'\n');
    }
    return blocks.join(QStringLiteral("\n\n")) + u'\n';
}

} // namespace core::diagnostics
