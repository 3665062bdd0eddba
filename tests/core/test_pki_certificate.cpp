// core::pki certificate parsing of every certificate the test PKI generator makes, checked
// against what openssl recorded about each in identity.env.
#include "core/pki/certificate.hpp"
#include "test_pki_fixture.hpp"

#include <QDateTime>
#include <catch2/catch.hpp>

using namespace core::pki;
using namespace testpki;

namespace {

/// "citizen-sign" -> "CITIZEN_SIGN", the prefix of that certificate's facts.
QString factPrefix(const QString& name)
{
    return name.toUpper().replace(QLatin1Char('-'), QLatin1Char('_'));
}

CertificateInfo parsePkiCertificate(const QString& name)
{
    return parseCertificate(pkiFile(name + QStringLiteral(".der")));
}

/// The facts every certificate has, against what openssl recorded in identity.env.
void checkRecordedFacts(const QString& name, const CertificateInfo& info)
{
    INFO("certificate " << name.toStdString());
    const QString prefix = factPrefix(name);
    CHECK(info.der == pkiFile(name + QStringLiteral(".der")));
    CHECK(info.subject == fact(prefix + QStringLiteral("_SUBJECT")));
    CHECK(info.issuer == fact(prefix + QStringLiteral("_ISSUER")));
    CHECK(info.serialHex == fact(prefix + QStringLiteral("_SERIAL")));
    CHECK(info.sha256Hex() == fact(prefix + QStringLiteral("_SHA256")));
    CHECK(info.sha256.size() == 32);
    CHECK(info.notBefore.toString(Qt::ISODate) == fact(prefix + QStringLiteral("_NOT_BEFORE")));
    CHECK(info.notAfter.toString(Qt::ISODate) == fact(prefix + QStringLiteral("_NOT_AFTER")));
    CHECK(info.notBefore.timeSpec() == Qt::UTC);
    CHECK(info.notAfter.timeSpec() == Qt::UTC);
}

const QStringList signingUsage { QStringLiteral("digitalSignature"),
    QStringLiteral("nonRepudiation") };
const QStringList caUsage { QStringLiteral("keyCertSign"), QStringLiteral("cRLSign") };

} // namespace

TEST_CASE("citizen signing certificate: every field", "[pki]")
{
    const CertificateInfo info = parsePkiCertificate(QStringLiteral("citizen-sign"));
    checkRecordedFacts(QStringLiteral("citizen-sign"), info);
    CHECK(info.subject == QStringLiteral("CN=王小明,C=TW"));
    CHECK(info.holderName == fact(QStringLiteral("HOLDER_NAME")));
    CHECK(info.idLastFour == fact(QStringLiteral("ID_LAST_FOUR")));
    CHECK(fact(QStringLiteral("ID_NUMBER")).endsWith(info.idLastFour));
    CHECK(info.agencyCode.isEmpty());
    CHECK(info.keyUsage == signingUsage);
    CHECK_FALSE(info.isCa);
    CHECK(info.usage == CertificateUsage::Signing);
    CHECK(info.isValidAt(QDateTime::currentDateTimeUtc()));
}

TEST_CASE("citizen encryption certificate: every field", "[pki]")
{
    const CertificateInfo info = parsePkiCertificate(QStringLiteral("citizen-enc"));
    checkRecordedFacts(QStringLiteral("citizen-enc"), info);
    CHECK(info.holderName == fact(QStringLiteral("HOLDER_NAME")));
    CHECK(info.idLastFour == fact(QStringLiteral("ID_LAST_FOUR")));
    CHECK(info.agencyCode.isEmpty());
    CHECK(info.keyUsage
        == QStringList { QStringLiteral("keyEncipherment"), QStringLiteral("dataEncipherment") });
    CHECK_FALSE(info.isCa);
    CHECK(info.usage == CertificateUsage::Encryption);
    CHECK(info.isValidAt(QDateTime::currentDateTimeUtc()));
}

TEST_CASE("agency signing certificate: every field", "[pki]")
{
    const CertificateInfo info = parsePkiCertificate(QStringLiteral("agency-sign"));
    checkRecordedFacts(QStringLiteral("agency-sign"), info);
    CHECK(info.holderName == fact(QStringLiteral("AGENCY_NAME")));
    CHECK(info.agencyCode == fact(QStringLiteral("AGENCY_CODE")));
    CHECK(info.idLastFour.isEmpty());
    CHECK(info.keyUsage == QStringList { QStringLiteral("digitalSignature") });
    CHECK_FALSE(info.isCa);
    CHECK(info.usage == CertificateUsage::Signing);
    CHECK(info.isValidAt(QDateTime::currentDateTimeUtc()));
}

TEST_CASE("CA certificates: every field", "[pki]")
{
    const auto name
        = GENERATE(QStringLiteral("grca"), QStringLiteral("moica-ca"), QStringLiteral("gca-ca"));
    const CertificateInfo info = parsePkiCertificate(name);
    checkRecordedFacts(name, info);
    CHECK_FALSE(info.holderName.isEmpty());
    CHECK(info.subject.startsWith(QStringLiteral("CN=") + info.holderName + QLatin1Char(',')));
    CHECK(info.idLastFour.isEmpty());
    CHECK(info.agencyCode.isEmpty());
    CHECK(info.keyUsage == caUsage);
    CHECK(info.isCa);
    CHECK(info.usage == CertificateUsage::CertificateAuthority);
    CHECK(info.isValidAt(QDateTime::currentDateTimeUtc()));
}

TEST_CASE("grca is self-signed under the test root's name", "[pki]")
{
    const CertificateInfo info = parsePkiCertificate(QStringLiteral("grca"));
    CHECK(info.holderName == QStringLiteral("Test Government Root Certification Authority"));
    CHECK(info.subject == info.issuer);
    CHECK(info.subject.contains(QStringLiteral("O=行政院")));
}

TEST_CASE("OCSP signer is a signing certificate", "[pki]")
{
    const CertificateInfo info = parsePkiCertificate(QStringLiteral("ocsp-signer"));
    checkRecordedFacts(QStringLiteral("ocsp-signer"), info);
    CHECK(info.keyUsage == QStringList { QStringLiteral("digitalSignature") });
    CHECK(info.usage == CertificateUsage::Signing);
    CHECK(info.idLastFour.isEmpty());
}

TEST_CASE("expired, revoked and not-yet-valid citizen certificates", "[pki]")
{
    struct Case {
        QString name;
        QString holder;
        QString lastFour;
        bool validNow;
    };
    const Case testCase = GENERATE(Case { QStringLiteral("expired"), QStringLiteral("過期測試"),
                                       QStringLiteral("1111"), false },
        Case {
            QStringLiteral("revoked"), QStringLiteral("撤銷測試"), QStringLiteral("2222"), true },
        Case { QStringLiteral("not-yet-valid"), QStringLiteral("未生效測試"),
            QStringLiteral("3333"), false });
    const CertificateInfo info = parsePkiCertificate(testCase.name);
    checkRecordedFacts(testCase.name, info);
    CHECK(info.holderName == testCase.holder);
    CHECK(info.idLastFour == testCase.lastFour);
    CHECK(info.agencyCode.isEmpty());
    CHECK(info.keyUsage == signingUsage);
    CHECK_FALSE(info.isCa);
    CHECK(info.usage == CertificateUsage::Signing);
    CHECK(info.isValidAt(QDateTime::currentDateTimeUtc()) == testCase.validNow);
}

TEST_CASE("validity includes both ends", "[pki]")
{
    const CertificateInfo info = parsePkiCertificate(QStringLiteral("expired"));
    CHECK(info.isValidAt(info.notBefore));
    CHECK(info.isValidAt(info.notAfter));
    CHECK_FALSE(info.isValidAt(info.notBefore.addSecs(-1)));
    CHECK_FALSE(info.isValidAt(info.notAfter.addSecs(1)));
    // The same instant in another zone is the same instant.
    CHECK(info.isValidAt(info.notAfter.toOffsetFromUtc(8 * 3600)));
}

TEST_CASE("usage names are stable identifiers", "[pki]")
{
    CHECK(usageName(CertificateUsage::Signing) == QStringLiteral("signing"));
    CHECK(usageName(CertificateUsage::Encryption) == QStringLiteral("encryption"));
    CHECK(usageName(CertificateUsage::CertificateAuthority) == QStringLiteral("ca"));
    CHECK(usageName(CertificateUsage::Other) == QStringLiteral("other"));
}
