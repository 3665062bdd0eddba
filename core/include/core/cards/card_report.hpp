#pragma once

#include "core/pki/certificate.hpp"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace core::cards {

/// 健保卡 basic data, for identity display only.
struct NhiIdentity {
    QString cardNumber;
    QString name;
    QString idNumber; // full; show maskedIdNumber() unless the user asked for it
    QString birthDate; // ROC yyyMMdd as stored on the card
    QString sex; // "M" / "F"
    QString issueDate; // ROC yyyMMdd

    /// "A1*****789"-style: first letter and last four, the rest hidden.
    QString maskedIdNumber() const;
};

/// What the read side found on one card, in core's (Qt) types.
struct CardReport {
    QString reader;
    QByteArray atr;
    QString kind; // moica-gen1, moica-gen2, gca, nhi, iso-eid, unknown
    QString atrDescription;
    QString version;
    QString cardNumber;
    QList<pki::CertificateInfo> certificates; // usage judged from each certificate itself
    std::optional<NhiIdentity> nhi;
    bool certificatesFromCache = false;
    qsizetype certificateBytesRead = 0;
    /// Which certificate signs the login, as the card layer chose it, and why: "only",
    /// "object-id-SIGN" (several sign; the one HiCOS names SIGN), "first-of-several", "none".
    QByteArray signingSha256;
    QString signingChoice;
    /// How the card signs the login and why: "direct" / "module" / "none", and the card
    /// layer's reason code ("hicos-gen1", "hicos-gen2", "pkcs15", "module-configured",
    /// "hicos-variant-unknown", "no-key").
    QString signingPath;
    QString signingPathReason;

    bool isSupported() const { return kind != QLatin1String("unknown"); }
    const pki::CertificateInfo* signingCertificate() const;
};

/// One sentence for a signing path reason code (CardReport::signingPathReason): how the card
/// signs and why, in the user's language.
QString signingPathText(const QString& reason);

enum class IdDisplay { Masked, Full };

QJsonObject certificateToJson(const pki::CertificateInfo& info);
/// The `shiqiuren-card info --json` document.
QJsonObject cardReportToJson(const CardReport& report, IdDisplay idDisplay = IdDisplay::Masked);

} // namespace core::cards
