#include "core/cards/card_report.hpp"

#include "core/domain/roc_date.hpp"

#include <QCoreApplication>
#include <QJsonArray>

namespace core::cards {

namespace {

QString isoUtc(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODate);
}

QJsonObject rocDateToJson(const QString& compact)
{
    QJsonObject out { { QStringLiteral("roc"), compact } };
    if (const auto date = domain::RocDate::fromCompact(compact))
        out.insert(QStringLiteral("date"), date->toDate().toString(Qt::ISODate));
    return out;
}

} // namespace

QString NhiIdentity::maskedIdNumber() const
{
    if (idNumber.size() <= 5)
        return QString(idNumber.size(), QLatin1Char('*'));
    return idNumber.left(1) + QString(idNumber.size() - 5, QLatin1Char('*')) + idNumber.right(4);
}

const pki::CertificateInfo* CardReport::signingCertificate() const
{
    // The card layer's choice when it made one; a report built by hand has the first signer.
    for (const auto& cert : certificates)
        if (signingSha256.isEmpty() ? cert.usage == pki::CertificateUsage::Signing
                                    : cert.sha256 == signingSha256)
            return &cert;
    return nullptr;
}

QString signingPathText(const QString& reason)
{
    if (reason == QLatin1String("hicos-gen1"))
        return QCoreApplication::translate("core::cards::CardReport",
            "本程式直接以讀卡機簽章（HiCOS 第一代：受保護的密碼驗證），不需要廠商元件。");
    if (reason == QLatin1String("hicos-gen2"))
        return QCoreApplication::translate("core::cards::CardReport",
            "本程式直接以讀卡機簽章（HiCOS 第二代：GlobalPlatform 安全通道），不需要廠商元件。");
    if (reason == QLatin1String("pkcs15"))
        return QCoreApplication::translate(
            "core::cards::CardReport", "本程式直接以讀卡機簽章（PKCS#15 標準卡片）。");
    if (reason == QLatin1String("module-configured"))
        return QCoreApplication::translate(
            "core::cards::CardReport", "經由設定的 PKCS#11 模組簽章（資訊人員或使用者指定）。");
    if (reason == QLatin1String("hicos-variant-unknown"))
        return QCoreApplication::translate("core::cards::CardReport",
            "這個 HiCOS 卡片版本本程式無法直接簽章，需經由中華電信的 PKCS#11 模組；"
            "本程式不會送出任何可能用掉密碼機會的指令。");
    return QCoreApplication::translate("core::cards::CardReport", "這張卡片不能用來簽章登入。");
}

QJsonObject certificateToJson(const pki::CertificateInfo& info)
{
    return {
        { QStringLiteral("usage"), pki::usageName(info.usage) },
        { QStringLiteral("subject"), info.subject },
        { QStringLiteral("issuer"), info.issuer },
        { QStringLiteral("serial"), info.serialHex },
        { QStringLiteral("notBefore"), isoUtc(info.notBefore) },
        { QStringLiteral("notAfter"), isoUtc(info.notAfter) },
        { QStringLiteral("sha256"), info.sha256Hex() },
        { QStringLiteral("holderName"), info.holderName },
        { QStringLiteral("idLastFour"), info.idLastFour },
        { QStringLiteral("agencyCode"), info.agencyCode },
        { QStringLiteral("keyUsage"), QJsonArray::fromStringList(info.keyUsage) },
    };
}

QJsonObject cardReportToJson(const CardReport& report, IdDisplay idDisplay)
{
    QJsonArray certificates;
    for (const auto& cert : report.certificates)
        certificates.append(certificateToJson(cert));
    QJsonObject out {
        { QStringLiteral("reader"), report.reader },
        { QStringLiteral("atr"), QString::fromLatin1(report.atr.toHex(' ').toUpper()) },
        { QStringLiteral("kind"), report.kind },
        { QStringLiteral("atrDescription"), report.atrDescription },
        { QStringLiteral("cardNumber"), report.cardNumber },
        { QStringLiteral("certificates"), certificates },
        { QStringLiteral("certificatesFromCache"), report.certificatesFromCache },
    };
    if (!report.version.isEmpty())
        out.insert(QStringLiteral("version"), report.version);
    if (!report.signingPath.isEmpty())
        out.insert(QStringLiteral("signingPath"),
            QJsonObject { { QStringLiteral("path"), report.signingPath },
                { QStringLiteral("reason"), report.signingPathReason } });
    if (const auto* signing = report.signingCertificate())
        out.insert(QStringLiteral("signing"),
            QJsonObject { { QStringLiteral("sha256"), signing->sha256Hex() },
                { QStringLiteral("choice"), report.signingChoice } });
    if (report.nhi) {
        const auto& nhi = *report.nhi;
        out.insert(QStringLiteral("nhi"),
            QJsonObject {
                { QStringLiteral("cardNumber"), nhi.cardNumber },
                { QStringLiteral("name"), nhi.name },
                { QStringLiteral("idNumber"),
                    idDisplay == IdDisplay::Full ? nhi.idNumber : nhi.maskedIdNumber() },
                { QStringLiteral("birthDate"), rocDateToJson(nhi.birthDate) },
                { QStringLiteral("sex"), nhi.sex },
                { QStringLiteral("issueDate"), rocDateToJson(nhi.issueDate) },
            });
    }
    return out;
}

} // namespace core::cards
