// core::pki certificate parsing, checked against the generated test PKI (tests/pki) and its
// identity.env, which records what openssl itself says about each certificate.
#include "core/pki/certificate.hpp"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <catch2/catch.hpp>
#include <functional>
#include <memory>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <random>
#include <stdexcept>

using namespace core::pki;

namespace {

QString pkiDir()
{
    const QString dir = qEnvironmentVariable("SHIQIUREN_TEST_PKI");
    REQUIRE_FALSE(dir.isEmpty());
    return dir;
}

QByteArray pkiFile(const QString& name)
{
    QFile file(pkiDir() + QLatin1Char('/') + name);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

/// identity.env: KEY=VALUE lines, values single-quoted when they hold spaces.
const QHash<QString, QString>& identity()
{
    static const QHash<QString, QString> facts = [] {
        QHash<QString, QString> parsed;
        for (const QByteArray& line : pkiFile(QStringLiteral("identity.env")).split('\n')) {
            const qsizetype equals = line.indexOf('=');
            if (line.isEmpty() || equals < 1)
                continue;
            QString value = QString::fromUtf8(line.mid(equals + 1));
            if (value.size() >= 2 && value.startsWith(QLatin1Char('\''))
                && value.endsWith(QLatin1Char('\'')))
                value = value.mid(1, value.size() - 2);
            parsed.insert(QString::fromUtf8(line.left(equals)), value);
        }
        return parsed;
    }();
    return facts;
}

QString fact(const QString& key)
{
    INFO("identity.env key " << key.toStdString());
    REQUIRE(identity().contains(key));
    return identity().value(key);
}

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

// ---- PEM ---------------------------------------------------------------------------------------

TEST_CASE("PEM round trip", "[pki]")
{
    const QByteArray der = pkiFile(QStringLiteral("citizen-sign.der"));
    const QByteArray pem = pkiFile(QStringLiteral("citizen-sign.pem"));
    CHECK(toPem(der) == pem); // the same layout openssl writes
    CHECK(certificatesFromPem(pem) == QList<QByteArray> { der });
    CHECK(certificatesFromPem(toPem(der)) == QList<QByteArray> { der });
}

TEST_CASE("PEM with several blocks keeps certificates in order and skips other blocks", "[pki]")
{
    const QByteArray bundle = "chain for the test\n" + pkiFile(QStringLiteral("grca.pem"))
        + pkiFile(QStringLiteral("moica-ca.crl.pem")) + "\r\n"
        + pkiFile(QStringLiteral("moica-ca.pem")).replace('\n', "\r\n")
        + pkiFile(QStringLiteral("citizen-sign.pem"));
    CHECK(certificatesFromPem(bundle)
        == QList<QByteArray> { pkiFile(QStringLiteral("grca.der")),
            pkiFile(QStringLiteral("moica-ca.der")), pkiFile(QStringLiteral("citizen-sign.der")) });
    CHECK(certificatesFromPem(QByteArray()).isEmpty());
    CHECK(certificatesFromPem("no PEM here").isEmpty());
}

TEST_CASE("damaged PEM throws", "[pki]")
{
    const QByteArray pem = pkiFile(QStringLiteral("citizen-sign.pem"));
    QByteArray badBase64 = pem;
    badBase64[40] = '*';
    CHECK_THROWS_AS(certificatesFromPem(badBase64), CertificateParseError);
    const QByteArray noEnd = pem.left(pem.indexOf("-----END"));
    CHECK_THROWS_AS(certificatesFromPem(noEnd), CertificateParseError);
}

// ---- broken DER --------------------------------------------------------------------------------

TEST_CASE("broken DER throws CertificateParseError", "[pki]")
{
    const QByteArray der = pkiFile(QStringLiteral("citizen-sign.der"));
    REQUIRE(der.size() > 8);
    REQUIRE(der.startsWith("\x30\x82"));

    SECTION("empty")
    {
        CHECK_THROWS_AS(parseCertificate(QByteArray()), CertificateParseError);
    }
    SECTION("every truncation")
    {
        for (qsizetype length = 0; length < der.size(); ++length) {
            INFO("length " << length);
            CHECK_THROWS_AS(parseCertificate(der.left(length)), CertificateParseError);
        }
    }
    SECTION("flipped length bytes")
    {
        // 30 82 LL LL (certificate) 30 82 LL LL (to-be-signed part)
        for (const int at : { 2, 3, 6, 7 }) {
            for (const char mask : { '\x01', '\x80' }) {
                QByteArray broken = der;
                broken[at] = static_cast<char>(broken[at] ^ mask);
                INFO("byte " << at << " mask " << int(mask));
                CHECK_THROWS_AS(parseCertificate(broken), CertificateParseError);
            }
        }
    }
    SECTION("trailing garbage")
    {
        CHECK_THROWS_AS(parseCertificate(der + '\0'), CertificateParseError);
        CHECK_THROWS_AS(parseCertificate(der + der), CertificateParseError);
    }
    SECTION("random bytes")
    {
        std::mt19937 random(20240601); // fixed seed: the same bytes on every run
        std::uniform_int_distribution<int> byte(0, 255);
        for (int round = 0; round < 200; ++round) {
            QByteArray noise(1 + round * 7, '\0');
            for (char& c : noise)
                c = static_cast<char>(byte(random));
            if (round % 2 == 0) // half of them look like a long SEQUENCE, to get past the header
                noise = QByteArray("\x30\x82\x04\x00", 4) + noise;
            INFO("round " << round);
            CHECK_THROWS_AS(parseCertificate(noise), CertificateParseError);
        }
    }
}

TEST_CASE("no single damaged byte crashes the parser", "[pki]")
{
    // Either a parse or CertificateParseError; anything else (another exception, a crash) fails.
    const QByteArray der = pkiFile(QStringLiteral("citizen-sign.der"));
    int parsed = 0;
    int rejected = 0;
    for (qsizetype at = 0; at < der.size(); ++at) {
        QByteArray damaged = der;
        damaged[at] = static_cast<char>(~damaged[at]);
        try {
            parseCertificate(damaged);
            ++parsed; // e.g. a byte inside the signature or the key
        } catch (const CertificateParseError&) {
            ++rejected;
        }
    }
    CHECK(parsed + rejected == der.size());
    CHECK(parsed > 0);
    CHECK(rejected > 0);
}

// ---- certificates the generator does not make --------------------------------------------------

namespace {

template <auto freeFunction> struct Free {
    template <typename T> void operator()(T* object) const { freeFunction(object); }
};
using X509Ptr = std::unique_ptr<X509, Free<X509_free>>;
using KeyPtr = std::unique_ptr<EVP_PKEY, Free<EVP_PKEY_free>>;
using BioPtr = std::unique_ptr<BIO, Free<BIO_free>>;
using ObjectPtr = std::unique_ptr<ASN1_OBJECT, Free<ASN1_OBJECT_free>>;
using OctetsPtr = std::unique_ptr<ASN1_OCTET_STRING, Free<ASN1_OCTET_STRING_free>>;
using ExtensionPtr = std::unique_ptr<X509_EXTENSION, Free<X509_EXTENSION_free>>;

const char* const sdaOid = "2.5.29.9";
const char* const legacyIdOid = "2.16.886.1.100.1.1";
const char* const keyUsageOid = "2.5.29.15";

void removeExtension(X509* certificate, const char* oid)
{
    const ObjectPtr object(OBJ_txt2obj(oid, 1));
    REQUIRE(object);
    int index = -1;
    while ((index = X509_get_ext_by_OBJ(certificate, object.get(), -1)) >= 0)
        X509_EXTENSION_free(X509_delete_ext(certificate, index));
}

/// Replaces the extension `oid` with one whose value is exactly `value` (any bytes at all).
void setExtension(X509* certificate, const char* oid, const QByteArray& value)
{
    removeExtension(certificate, oid);
    const ObjectPtr object(OBJ_txt2obj(oid, 1));
    const OctetsPtr octets(ASN1_OCTET_STRING_new());
    REQUIRE((object && octets));
    REQUIRE(ASN1_OCTET_STRING_set(octets.get(),
                reinterpret_cast<const unsigned char*>(value.constData()),
                static_cast<int>(value.size()))
        == 1);
    const ExtensionPtr extension(
        X509_EXTENSION_create_by_OBJ(nullptr, object.get(), 0, octets.get()));
    REQUIRE(extension);
    REQUIRE(X509_add_ext(certificate, extension.get(), -1) == 1);
}

/// citizen-sign with `edit` applied, re-signed with the holder's key so it stays a well-formed
/// certificate (the parser does not check signatures; this keeps the test honest anyway).
QByteArray editedCitizenCertificate(const std::function<void(X509*)>& edit)
{
    const QByteArray der = pkiFile(QStringLiteral("citizen-sign.der"));
    const auto* cursor = reinterpret_cast<const unsigned char*>(der.constData());
    const X509Ptr certificate(d2i_X509(nullptr, &cursor, static_cast<long>(der.size())));
    REQUIRE(certificate);
    const QByteArray keyPem = pkiFile(QStringLiteral("citizen-sign.key"));
    const BioPtr keyBio(BIO_new_mem_buf(keyPem.constData(), static_cast<int>(keyPem.size())));
    const KeyPtr key(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
    REQUIRE(key);
    edit(certificate.get());
    REQUIRE(X509_sign(certificate.get(), key.get(), EVP_sha256()) > 0);
    const int length = i2d_X509(certificate.get(), nullptr);
    REQUIRE(length > 0);
    QByteArray edited(length, '\0');
    auto* out = reinterpret_cast<unsigned char*>(edited.data());
    REQUIRE(i2d_X509(certificate.get(), &out) == length);
    return edited;
}

QByteArray withSda(const QByteArray& sdaValue)
{
    return editedCitizenCertificate(
        [&](X509* certificate) { setExtension(certificate, sdaOid, sdaValue); });
}

/// One DER element with a short-form length, enough for the small values below.
QByteArray der(unsigned char tag, const QByteArray& content)
{
    if (content.size() >= 128)
        throw std::invalid_argument("long-form lengths are not needed here");
    return QByteArray(1, static_cast<char>(tag)) + static_cast<char>(content.size()) + content;
}

// 2.16.886.1.100.2.51 (ID last four) and 2.16.886.1.100.2.1 (MOEACA's subject class).
const QByteArray lastFourOid = der(0x06, QByteArray::fromHex("60867601640233"));
const QByteArray subjectClassOid = der(0x06, QByteArray::fromHex("60867601640201"));

/// Attribute ::= SEQUENCE { type OBJECT IDENTIFIER, values SET OF ANY }
QByteArray attribute(const QByteArray& oid, const QByteArray& values)
{
    return der(0x30, oid + der(0x31, values));
}

QByteArray printable(const QByteArray& text)
{
    return der(0x13, text);
}

/// UTF-16BE of ASCII text.
QByteArray bmp(const char* ascii)
{
    QByteArray utf16;
    for (; *ascii; ++ascii)
        utf16 += QByteArray(1, '\0') + *ascii;
    return der(0x1e, utf16);
}

/// SubjectDirectoryAttributes ::= SEQUENCE OF Attribute
QByteArray directory(const QByteArray& attributes)
{
    return der(0x30, attributes);
}

} // namespace

TEST_CASE("the test's DER builder writes what the generator wrote", "[pki]")
{
    const QByteArray der = pkiFile(QStringLiteral("citizen-sign.der"));
    const auto* cursor = reinterpret_cast<const unsigned char*>(der.constData());
    const X509Ptr certificate(d2i_X509(nullptr, &cursor, static_cast<long>(der.size())));
    REQUIRE(certificate);
    const int index = X509_get_ext_by_NID(certificate.get(), NID_subject_directory_attributes, -1);
    REQUIRE(index >= 0);
    const ASN1_OCTET_STRING* generated
        = X509_EXTENSION_get_data(X509_get_ext(certificate.get(), index));
    const QByteArray generatedBytes(reinterpret_cast<const char*>(ASN1_STRING_get0_data(generated)),
        ASN1_STRING_length(generated));
    CHECK(generatedBytes == directory(attribute(lastFourOid, printable("6789"))));
    CHECK(parseCertificate(withSda(generatedBytes)).idLastFour == QStringLiteral("6789"));
}

TEST_CASE("directory string types of the ID digits", "[pki]")
{
    struct Case {
        const char* what;
        QByteArray value;
    };
    const Case testCase = GENERATE(Case { "UTF8String", der(0x0c, "6789") },
        Case { "IA5String", der(0x16, "6789") }, Case { "BMPString", bmp("6789") });
    INFO(testCase.what);
    const QByteArray sda = directory(attribute(lastFourOid, testCase.value));
    CHECK(parseCertificate(withSda(sda)).idLastFour == QStringLiteral("6789"));
}

TEST_CASE("other attributes before the ID digits are passed over", "[pki]")
{
    // MOEACA's subject class holds an OID, not a string: not ours, and not an error.
    const QByteArray subjectClass
        = attribute(subjectClassOid, der(0x06, QByteArray::fromHex("6086760164030202")));
    const QByteArray sda = directory(subjectClass + attribute(lastFourOid, printable("6789")));
    const CertificateInfo info = parseCertificate(withSda(sda));
    CHECK(info.idLastFour == QStringLiteral("6789"));
    CHECK(info.agencyCode.isEmpty());
}

TEST_CASE("a malformed subject directory attributes extension leaves the ID digits empty", "[pki]")
{
    const QByteArray valid = directory(attribute(lastFourOid, printable("6789")));
    QByteArray innerTooLong = valid;
    innerTooLong[3] = '\x7f';
    struct Case {
        const char* what;
        QByteArray sda;
    };
    const Case testCase = GENERATE_COPY(Case { "empty value", QByteArray() },
        Case { "truncated", valid.chopped(1) }, Case { "trailing byte", valid + '\0' },
        Case { "inner length too long", innerTooLong },
        Case { "not a SEQUENCE", der(0x04, "6789") }, Case { "empty SEQUENCE", directory({}) },
        Case { "element not an Attribute", directory(printable("6789")) },
        Case { "Attribute without values", directory(attribute(lastFourOid, {})) },
        Case { "value is an INTEGER", directory(attribute(lastFourOid, der(0x02, "\x05"))) },
        Case { "UTF8String with invalid UTF-8",
            directory(attribute(lastFourOid, der(0x0c, "\xff\xfe\xfd\xfc"))) });
    INFO(testCase.what);
    const CertificateInfo info = parseCertificate(withSda(testCase.sda));
    CHECK(info.idLastFour.isEmpty());
    CHECK(info.agencyCode.isEmpty());
    CHECK(info.holderName == fact(QStringLiteral("HOLDER_NAME"))); // the rest still parses
}

TEST_CASE("older profile: ID digits in the custom extension 2.16.886.1.100.1.1", "[pki]")
{
    const auto legacyOnly = [](const QByteArray& value) {
        return editedCitizenCertificate([&](X509* certificate) {
            removeExtension(certificate, sdaOid);
            setExtension(certificate, legacyIdOid, value);
        });
    };
    CHECK(parseCertificate(legacyOnly(der(0x0c, "4321"))).idLastFour == QStringLiteral("4321"));
    CHECK(parseCertificate(legacyOnly(printable("4321"))).idLastFour == QStringLiteral("4321"));
    CHECK(parseCertificate(legacyOnly(der(0x02, "\x05"))).idLastFour.isEmpty());
    CHECK(parseCertificate(legacyOnly(der(0x0c, "4321").chopped(1))).idLastFour.isEmpty());

    // Where both exist, the subject directory attribute wins.
    const QByteArray both = editedCitizenCertificate(
        [](X509* certificate) { setExtension(certificate, legacyIdOid, der(0x0c, "4321")); });
    CHECK(parseCertificate(both).idLastFour == fact(QStringLiteral("ID_LAST_FOUR")));
}

TEST_CASE("usage classification of other key usages", "[pki]")
{
    struct Case {
        const char* what;
        const char* keyUsageHex; // BIT STRING; nullptr removes the extension
        QStringList names;
        CertificateUsage usage;
    };
    const Case testCase
        = GENERATE(Case { "signature and key encipherment", "030205a0",
                       { QStringLiteral("digitalSignature"), QStringLiteral("keyEncipherment") },
                       CertificateUsage::Signing },
            Case { "non-repudiation only", "03020640", { QStringLiteral("nonRepudiation") },
                CertificateUsage::Signing },
            Case { "data encipherment only", "03020410", { QStringLiteral("dataEncipherment") },
                CertificateUsage::Encryption },
            // Key agreement protects confidentiality: an encryption certificate.
            Case { "key agreement only", "03020308", { QStringLiteral("keyAgreement") },
                CertificateUsage::Encryption },
            Case { "certificate signing without CA", "03020204", { QStringLiteral("keyCertSign") },
                CertificateUsage::CertificateAuthority },
            Case { "no key usage extension", nullptr, {}, CertificateUsage::Other });
    INFO(testCase.what);
    const CertificateInfo info = parseCertificate(editedCitizenCertificate([&](X509* certificate) {
        if (testCase.keyUsageHex)
            setExtension(certificate, keyUsageOid, QByteArray::fromHex(testCase.keyUsageHex));
        else
            removeExtension(certificate, keyUsageOid);
    }));
    CHECK(info.keyUsage == testCase.names);
    CHECK(info.usage == testCase.usage);
    CHECK_FALSE(info.isCa);
}

TEST_CASE("a malformed standard extension makes the certificate unusable", "[pki]")
{
    const QByteArray brokenKeyUsage = editedCitizenCertificate([](X509* certificate) {
        setExtension(certificate, keyUsageOid, QByteArray::fromHex("0302"));
    });
    CHECK_THROWS_AS(parseCertificate(brokenKeyUsage), CertificateParseError);
}
