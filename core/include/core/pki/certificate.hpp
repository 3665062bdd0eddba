#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <stdexcept>

namespace core::pki {

/// What a certificate's key is for, as a clerk would tell the card's two keys apart.
enum class CertificateUsage { Signing, Encryption, CertificateAuthority, Other };

/// The facts of one X.509 certificate that the client shows and the server checks.
struct CertificateInfo {
    QByteArray der;
    QString subject; // RFC 2253 order (most specific first), UTF-8 left readable: "CN=王小明,C=TW"
    QString issuer;
    QString holderName; // the subject's CN (the last one if there are several)
    /// Last four digits of the holder's ID number: subject directory attribute
    /// 2.16.886.1.100.2.51, or the older custom extension 2.16.886.1.100.1.1. Empty if absent.
    QString idLastFour;
    QString agencyCode; // subject directory attribute 2.16.886.1.100.2.102; empty if absent
    QString serialHex; // uppercase hex of the serial's bytes, no separators: "0A1B..."
    QDateTime notBefore; // UTC
    QDateTime notAfter; // UTC
    /// RFC 5280 bit names in bit order: "digitalSignature", "nonRepudiation", "keyEncipherment",
    /// "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly",
    /// "decipherOnly". Empty when the certificate has no key usage extension.
    QStringList keyUsage;
    bool isCa = false; // basicConstraints says CA
    CertificateUsage usage = CertificateUsage::Other;
    QByteArray sha256; // of `der`

    QString sha256Hex() const; // uppercase, no separators
    /// Within [notBefore, notAfter], both ends included (RFC 5280).
    bool isValidAt(const QDateTime& when) const;
};

class CertificateParseError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Parses one DER certificate. Throws CertificateParseError when it is not exactly one
/// well-formed certificate (empty, truncated, trailing bytes, malformed standard extensions).
/// A malformed Taiwan-specific attribute only leaves its field empty.
CertificateInfo parseCertificate(const QByteArray& der);

/// One block of a PEM text: its label ("CERTIFICATE", "X509 CRL", …) and its decoded bytes.
struct PemBlock {
    QByteArray label;
    QByteArray data;
};

/// Every block of `pem`, in order. Throws CertificateParseError ("PEM block 2 is damaged")
/// when a block is damaged (bad base64, missing END line).
QList<PemBlock> pemBlocks(const QByteArray& pem);

/// The DER of every CERTIFICATE block in `pem`, in order; other blocks are skipped.
/// Throws CertificateParseError when a block is damaged (bad base64, missing END line).
QList<QByteArray> certificatesFromPem(const QByteArray& pem);

/// One "-----BEGIN CERTIFICATE-----" block, base64 in 64-column lines.
QByteArray toPem(const QByteArray& der);

/// Stable identifiers for logs, JSON and tests (not UI text): "signing", "encryption", "ca",
/// "other".
QString usageName(CertificateUsage usage);

} // namespace core::pki
