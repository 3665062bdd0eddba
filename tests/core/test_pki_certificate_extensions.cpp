// core::pki on certificates the generator does not make: the citizen certificate edited and
// re-signed to carry other ID-digit encodings, key usages and broken extensions.
#include "core/pki/certificate.hpp"
#include "test_pki_fixture.hpp"

#include <catch2/catch.hpp>
#include <functional>
#include <memory>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <stdexcept>

using namespace core::pki;
using namespace testpki;

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
