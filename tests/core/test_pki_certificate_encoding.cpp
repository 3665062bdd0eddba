// core::pki reading PEM bundles and refusing damaged PEM and DER without crashing.
#include "core/pki/certificate.hpp"
#include "test_pki_fixture.hpp"

#include <catch2/catch.hpp>
#include <random>

using namespace core::pki;
using namespace testpki;

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
