#include "report_text.hpp"

#include "cli_tr.hpp"
#include "core/domain/roc_date.hpp"

namespace card_cli {

namespace {

QString rocDisplay(const QDateTime& time)
{
    const auto date = core::domain::RocDate::fromDate(time.toLocalTime().date());
    return date ? date->display() : time.toString(Qt::ISODate);
}

QString rocCompactDisplay(const QString& compact)
{
    const auto date = core::domain::RocDate::fromCompact(compact);
    return date ? date->display() : compact;
}

} // namespace

QString kindDisplayName(const QString& kind)
{
    if (kind == QLatin1String("moica-gen1"))
        return CardCli::tr("自然人憑證（HiCOS 第一代）");
    if (kind == QLatin1String("moica-gen2"))
        return CardCli::tr("自然人憑證（HiCOS 第二代）");
    if (kind == QLatin1String("gca"))
        return CardCli::tr("機關憑證");
    if (kind == QLatin1String("nhi"))
        return CardCli::tr("健保卡");
    if (kind == QLatin1String("iso-eid"))
        return CardCli::tr("標準晶片卡（PKCS#15）");
    return CardCli::tr("無法辨識的卡片");
}

QString usageDisplayName(const QString& usage)
{
    if (usage == QLatin1String("signing"))
        return CardCli::tr("簽章");
    if (usage == QLatin1String("encryption"))
        return CardCli::tr("加密");
    if (usage == QLatin1String("ca"))
        return CardCli::tr("憑證機構");
    return CardCli::tr("其他");
}

// Which certificate signs the login, and why, when the card holds more than one that could.
QString signingChoiceText(
    const core::cards::CardReport& report, const core::pki::CertificateInfo& signing)
{
    const QString which = signing.sha256Hex().left(16);
    if (report.signingChoice == QLatin1String("object-id-SIGN"))
        return CardCli::tr(
            "登入簽章用憑證：SHA-256 %1…（卡上有多張簽章憑證，依物件 ID「SIGN」選定）\n")
            .arg(which);
    if (report.signingChoice == QLatin1String("first-of-several"))
        return CardCli::tr(
            "登入簽章用憑證：SHA-256 %1…（卡上有多張簽章憑證，無物件 ID「SIGN」，取第一張）\n")
            .arg(which);
    return CardCli::tr("登入簽章用憑證：SHA-256 %1…\n").arg(which);
}

QString certificateText(const core::pki::CertificateInfo& info)
{
    QString text = QStringLiteral("  [%1] %2\n")
                       .arg(usageDisplayName(core::pki::usageName(info.usage)),
                           info.holderName.isEmpty() ? info.subject : info.holderName);
    text += QStringLiteral("      %1%2\n").arg(CardCli::tr("主體："), info.subject);
    if (!info.idLastFour.isEmpty())
        text
            += QStringLiteral("      %1%2\n").arg(CardCli::tr("身分證號末四碼："), info.idLastFour);
    if (!info.agencyCode.isEmpty())
        text += QStringLiteral("      %1%2\n").arg(CardCli::tr("機關代碼："), info.agencyCode);
    text += QStringLiteral("      %1%2\n").arg(CardCli::tr("發行者："), info.issuer);
    text += QStringLiteral("      %1%2\n").arg(CardCli::tr("序號："), info.serialHex);
    text += QStringLiteral("      %1%2\n")
                .arg(CardCli::tr("有效期間："),
                    CardCli::tr("%1 至 %2")
                        .arg(rocDisplay(info.notBefore), rocDisplay(info.notAfter)));
    text += QStringLiteral("      SHA-256: %1\n").arg(info.sha256Hex());
    return text;
}

QString reportText(const core::cards::CardReport& report, bool revealId)
{
    QString text;
    text += QStringLiteral("%1%2\n").arg(CardCli::tr("讀卡機："), report.reader);
    text += QStringLiteral("ATR: %1%2\n")
                .arg(QString::fromLatin1(report.atr.toHex(' ').toUpper()),
                    report.atrDescription.isEmpty()
                        ? QString()
                        : QStringLiteral(" (%1)").arg(report.atrDescription));
    text += QStringLiteral("%1%2\n").arg(CardCli::tr("卡片種類："), kindDisplayName(report.kind));
    if (!report.version.isEmpty())
        text += QStringLiteral("%1%2\n").arg(CardCli::tr("晶片版本："), report.version);
    if (!report.cardNumber.isEmpty())
        text += QStringLiteral("%1%2\n").arg(CardCli::tr("卡號："), report.cardNumber);
    if (report.nhi) {
        const auto& nhi = *report.nhi;
        text += QStringLiteral("%1%2\n").arg(CardCli::tr("姓名："), nhi.name);
        text += QStringLiteral("%1%2\n").arg(
            CardCli::tr("身分證號："), revealId ? nhi.idNumber : nhi.maskedIdNumber());
        text += QStringLiteral("%1%2\n").arg(
            CardCli::tr("出生日期："), rocCompactDisplay(nhi.birthDate));
        text += QStringLiteral("%1%2\n").arg(CardCli::tr("性別："),
            nhi.sex == QLatin1String("M") ? CardCli::tr("男") : CardCli::tr("女"));
        text += QStringLiteral("%1%2\n").arg(
            CardCli::tr("發卡日期："), rocCompactDisplay(nhi.issueDate));
        text += CardCli::tr("健保卡資料僅供辨識身分，不能用來登入。") + QLatin1Char('\n');
    }
    if (!report.certificates.isEmpty()) {
        text += CardCli::tr("憑證：") + QLatin1Char('\n');
        for (const auto& cert : report.certificates)
            text += certificateText(cert);
    }
    if (const auto* signing = report.signingCertificate())
        text += signingChoiceText(report, *signing);
    if (!report.signingPathReason.isEmpty())
        text += CardCli::tr("簽章方式：%1\n")
                    .arg(core::cards::signingPathText(report.signingPathReason));
    return text;
}

} // namespace card_cli
