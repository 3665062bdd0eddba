#include "core/pki/certificate.hpp"

#include "pki/openssl_handles.hpp"
#include "pki/taiwan_attributes.hpp"
#include "smartcard/certificate_facts.hpp"

#include <QCryptographicHash>
#include <QTimeZone>
#include <array>
#include <ctime>
#include <openssl/x509v3.h>
#include <utility>

namespace core::pki {

using namespace detail;

namespace {

[[noreturn]] void reject(const char* why)
{
    throw CertificateParseError(std::string("not a usable certificate: ") + why);
}

QString nameToString(const X509_NAME* name)
{
    // RFC 2253 escaping, except that UTF-8 stays as it is so Chinese names remain readable.
    const BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) < 0)
        reject("its name cannot be printed");
    char* text = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &text);
    return QString::fromUtf8(text, length);
}

QString lastCommonName(const X509_NAME* name)
{
    int found = -1;
    for (int index = -1; (index = X509_NAME_get_index_by_NID(name, NID_commonName, index)) >= 0;)
        found = index;
    if (found < 0)
        return {};
    const auto text = utf8Of(X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, found)));
    if (!text)
        reject("its common name is not valid text");
    return *text;
}

QString serialToHex(const ASN1_INTEGER* serial)
{
    const BignumPtr number(ASN1_INTEGER_to_BN(serial, nullptr));
    if (!number)
        reject("its serial number is malformed");
    const OpenSslBuffer<char> hex(BN_bn2hex(number.get()));
    if (!hex)
        reject("its serial number cannot be printed");
    return QString::fromLatin1(hex.get());
}

QDateTime toUtc(const ASN1_TIME* time)
{
    std::tm parts {};
    if (ASN1_TIME_to_tm(time, &parts) != 1)
        reject("its validity dates are malformed");
    const QDate date(parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday);
    const QTime clock(parts.tm_hour, parts.tm_min, parts.tm_sec);
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return QDateTime(date, clock, QTimeZone(QTimeZone::UTC));
#else
    return QDateTime(date, clock, Qt::UTC); // before 6.5 a QTimeZone gives Qt::TimeZone, not UTC
#endif
}

QStringList keyUsageNames(std::uint32_t bits)
{
    static constexpr std::array<std::pair<std::uint32_t, const char*>, 9> names { {
        { KU_DIGITAL_SIGNATURE, "digitalSignature" },
        { KU_NON_REPUDIATION, "nonRepudiation" },
        { KU_KEY_ENCIPHERMENT, "keyEncipherment" },
        { KU_DATA_ENCIPHERMENT, "dataEncipherment" },
        { KU_KEY_AGREEMENT, "keyAgreement" },
        { KU_KEY_CERT_SIGN, "keyCertSign" },
        { KU_CRL_SIGN, "cRLSign" },
        { KU_ENCIPHER_ONLY, "encipherOnly" },
        { KU_DECIPHER_ONLY, "decipherOnly" },
    } };
    QStringList result;
    for (const auto& [bit, name] : names) {
        if (bits & bit)
            result.append(QString::fromLatin1(name));
    }
    return result;
}

// One rule for the whole program: the card layer's, which classifies what it reads off cards.
CertificateUsage classify(const QByteArray& der)
{
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(der.constData());
    switch (smartcard::inspectCertificate({ bytes, static_cast<std::size_t>(der.size()) }).usage) {
    case smartcard::CertUsage::Signing:
        return CertificateUsage::Signing;
    case smartcard::CertUsage::Encryption:
        return CertificateUsage::Encryption;
    case smartcard::CertUsage::CertificateAuthority:
        return CertificateUsage::CertificateAuthority;
    case smartcard::CertUsage::Other:
        break;
    }
    return CertificateUsage::Other;
}

} // namespace

QString CertificateInfo::sha256Hex() const
{
    return QString::fromLatin1(sha256.toHex().toUpper());
}

bool CertificateInfo::isValidAt(const QDateTime& when) const
{
    return notBefore <= when && when <= notAfter;
}

CertificateInfo parseCertificate(const QByteArray& der)
{
    const ErrorQueueScope errors;
    if (der.isEmpty())
        reject("no bytes");
    const auto* start = reinterpret_cast<const unsigned char*>(der.constData());
    const unsigned char* cursor = start;
    const X509Ptr certificate(d2i_X509(nullptr, &cursor, static_cast<long>(der.size())));
    if (!certificate)
        reject("the bytes are not a DER certificate");
    if (cursor != start + der.size())
        reject("bytes follow the certificate");
    // Caches the standard extensions; EXFLAG_INVALID marks one OpenSSL could not decode.
    const std::uint32_t flags = X509_get_extension_flags(certificate.get());
    if (flags & EXFLAG_INVALID)
        reject("a standard extension is malformed");

    CertificateInfo info;
    info.der = der;
    info.subject = nameToString(X509_get_subject_name(certificate.get()));
    info.issuer = nameToString(X509_get_issuer_name(certificate.get()));
    info.holderName = lastCommonName(X509_get_subject_name(certificate.get()));
    auto attributes = readTaiwanAttributes(certificate.get());
    info.idLastFour = std::move(attributes.idLastFour);
    info.agencyCode = std::move(attributes.agencyCode);
    info.serialHex = serialToHex(X509_get0_serialNumber(certificate.get()));
    info.notBefore = toUtc(X509_get0_notBefore(certificate.get()));
    info.notAfter = toUtc(X509_get0_notAfter(certificate.get()));
    // Without the extension X509_get_key_usage reports "everything"; we report nothing.
    const std::uint32_t keyUsage
        = (flags & EXFLAG_KUSAGE) ? X509_get_key_usage(certificate.get()) : 0;
    info.keyUsage = keyUsageNames(keyUsage);
    info.isCa = (flags & EXFLAG_CA) != 0;
    info.usage = classify(der);
    info.sha256 = QCryptographicHash::hash(der, QCryptographicHash::Sha256);
    return info;
}

QString usageName(CertificateUsage usage)
{
    switch (usage) {
    case CertificateUsage::Signing:
        return QStringLiteral("signing");
    case CertificateUsage::Encryption:
        return QStringLiteral("encryption");
    case CertificateUsage::CertificateAuthority:
        return QStringLiteral("ca");
    case CertificateUsage::Other:
        break;
    }
    return QStringLiteral("other");
}

} // namespace core::pki
