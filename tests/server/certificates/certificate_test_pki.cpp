#include "certificate_test_pki.hpp"

#include <QFile>
#include <QHash>
#include <catch2/catch.hpp>
#include <ctime>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

using namespace server::login;

namespace certtest {

QString pkiPath(const QString& name)
{
    const QString dir = qEnvironmentVariable("SHIQIUREN_TEST_PKI");
    REQUIRE_FALSE(dir.isEmpty());
    return dir + QLatin1Char('/') + name;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    INFO("reading " << path.toStdString());
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

QByteArray pkiFile(const QString& name)
{
    return readAll(pkiPath(name));
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(file.write(bytes) == bytes.size());
}

/// identity.env: KEY=VALUE lines, values single-quoted when they hold spaces.
QString fact(const QString& key)
{
    static const QHash<QString, QString> facts = [] {
        QHash<QString, QString> parsed;
        for (const QByteArray& line : pkiFile(QStringLiteral("identity.env")).split('\n')) {
            const qsizetype equals = line.indexOf('=');
            if (equals < 1)
                continue;
            QString value = QString::fromUtf8(line.mid(equals + 1));
            if (value.size() >= 2 && value.startsWith(QLatin1Char('\''))
                && value.endsWith(QLatin1Char('\'')))
                value = value.mid(1, value.size() - 2);
            parsed.insert(QString::fromUtf8(line.left(equals)), value);
        }
        return parsed;
    }();
    INFO("identity.env key " << key.toStdString());
    REQUIRE(facts.contains(key));
    return facts.value(key);
}

X509Ptr certificateFromDer(const QByteArray& der)
{
    const auto* cursor = reinterpret_cast<const unsigned char*>(der.constData());
    X509Ptr certificate(d2i_X509(nullptr, &cursor, static_cast<long>(der.size())));
    REQUIRE(certificate);
    return certificate;
}

X509Ptr pkiCertificate(const QString& name)
{
    return certificateFromDer(pkiFile(name + QStringLiteral(".der")));
}

EvpPkeyPtr pkiKey(const QString& name)
{
    const QByteArray pem = pkiFile(name + QStringLiteral(".key"));
    const BioPtr bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    EvpPkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    REQUIRE(key);
    return key;
}

QDateTime utcOf(const ASN1_TIME* time)
{
    std::tm parts {};
    REQUIRE(ASN1_TIME_to_tm(time, &parts) == 1);
    return QDateTime(QDate(parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday),
        QTime(parts.tm_hour, parts.tm_min, parts.tm_sec), Qt::UTC);
}

QDateTime nowUtc()
{
    return QDateTime::currentDateTimeUtc();
}

TrustStore pkiTrust(const QStringList& crlNames)
{
    QStringList crlFiles;
    for (const QString& name : crlNames)
        crlFiles << pkiPath(name);
    return TrustStore::load(pkiPath(QStringLiteral("trust")), crlFiles);
}

namespace {

void addExtension(X509* certificate, X509* issuer, int nid, const char* value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
    std::unique_ptr<X509_EXTENSION, OpenSslDeleter<X509_EXTENSION_free>> extension(
        X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    REQUIRE(extension);
    REQUIRE(X509_add_ext(certificate, extension.get(), -1) == 1);
}

} // namespace

Issued makeCertificate(const char* commonName, bool ca, const char* keyUsage, X509* issuer,
    EVP_PKEY* issuerKey, Validity validity, const char* unit)
{
    Issued made { X509Ptr(X509_new()), EvpPkeyPtr(EVP_EC_gen("P-256")) };
    REQUIRE(made.certificate);
    REQUIRE(made.key);
    X509* certificate = made.certificate.get();
    REQUIRE(X509_set_version(certificate, 2) == 1);
    std::unique_ptr<BIGNUM, OpenSslDeleter<BN_free>> serial(BN_new());
    REQUIRE(BN_rand(serial.get(), 64, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ANY) == 1);
    REQUIRE(BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate)));
    REQUIRE(X509_gmtime_adj(X509_getm_notBefore(certificate), validity.fromSeconds));
    REQUIRE(X509_gmtime_adj(X509_getm_notAfter(certificate), validity.toSeconds));
    X509_NAME* subject = X509_get_subject_name(certificate);
    REQUIRE(X509_NAME_add_entry_by_txt(subject, "C", MBSTRING_UTF8,
                reinterpret_cast<const unsigned char*>("TW"), -1, -1, 0)
        == 1);
    if (unit)
        REQUIRE(X509_NAME_add_entry_by_txt(subject, "OU", MBSTRING_UTF8,
                    reinterpret_cast<const unsigned char*>(unit), -1, -1, 0)
            == 1);
    REQUIRE(X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8,
                reinterpret_cast<const unsigned char*>(commonName), -1, -1, 0)
        == 1);
    X509* signer = issuer ? issuer : certificate;
    REQUIRE(X509_set_issuer_name(certificate, X509_get_subject_name(signer)) == 1);
    REQUIRE(X509_set_pubkey(certificate, made.key.get()) == 1);
    addExtension(certificate, signer, NID_basic_constraints, ca ? "critical,CA:TRUE" : "CA:FALSE");
    addExtension(certificate, signer, NID_key_usage, keyUsage);
    addExtension(certificate, signer, NID_subject_key_identifier, "hash");
    if (issuer)
        addExtension(certificate, signer, NID_authority_key_identifier, "keyid:always");
    REQUIRE(X509_sign(certificate, issuer ? issuerKey : made.key.get(), EVP_sha256()) > 0);
    return made;
}

QByteArray derOf(X509* certificate)
{
    unsigned char* raw = nullptr;
    const int length = i2d_X509(certificate, &raw);
    REQUIRE(length > 0);
    const std::unique_ptr<unsigned char, OpenSslFree> der(raw);
    return QByteArray(reinterpret_cast<const char*>(der.get()), length);
}

QByteArray pemOf(X509* certificate)
{
    const BioPtr bio(BIO_new(BIO_s_mem()));
    REQUIRE(PEM_write_bio_X509(bio.get(), certificate) == 1);
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, static_cast<qsizetype>(length));
}

QByteArray pemOf(EVP_PKEY* key)
{
    const BioPtr bio(BIO_new(BIO_s_mem()));
    REQUIRE(PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) == 1);
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, static_cast<qsizetype>(length));
}

LoginCertificateCheck validate(const QString& name, const TrustStore& trust,
    const RevocationChecker& revocation, const QDateTime& now)
{
    return validateLoginCertificate(pkiFile(name + QStringLiteral(".der")), trust, revocation, now);
}

RevocationChecker withOcsp(const QString& url, std::chrono::milliseconds timeout)
{
    return RevocationChecker(RevocationOptions { url, timeout });
}

void requireProblem(const LoginCertificateCheck& check, const char* code)
{
    INFO("detail: " << check.detail.toStdString());
    CHECK(check.errorCode() == QLatin1String(code));
    CHECK(check.ok() == (*code == '\0'));
}

} // namespace certtest
