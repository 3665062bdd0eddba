// The server's trust store (server/login): anchors, intermediates and CRLs loaded from the
// test PKI's files, and the loading errors.
#include "certificate_test_pki.hpp"

#include <QDir>
#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <openssl/x509.h>

using namespace server::login;
using namespace certtest;

TEST_CASE("trust store: the test PKI's trust directory gives one anchor and two intermediates",
    "[server][trust]")
{
    const TrustStore trust = pkiTrust();
    CHECK(trust.anchorCount() == 1);
    CHECK(trust.intermediateCount() == 2);
    CHECK(trust.crlCount() == 0);
    CHECK(trust.crlFor(pkiCertificate(QStringLiteral("moica-ca")).get()) == nullptr);
}

TEST_CASE("trust store: DER files and a PEM bundle load alike; hidden files and folders are "
          "skipped",
    "[server][trust]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    writeFile(dir.filePath(QStringLiteral("grca.der")), pkiFile(QStringLiteral("grca.der")));
    writeFile(dir.filePath(QStringLiteral("cas.pem")),
        pkiFile(QStringLiteral("moica-ca.pem")) + pkiFile(QStringLiteral("gca-ca.pem")));
    writeFile(dir.filePath(QStringLiteral(".notes")), "not a certificate, but hidden");
    REQUIRE(QDir(dir.path()).mkdir(QStringLiteral("old")));
    writeFile(dir.filePath(QStringLiteral("old/junk.txt")), "inside a sub-directory");

    const TrustStore trust = TrustStore::load(dir.path());
    CHECK(trust.anchorCount() == 1);
    CHECK(trust.intermediateCount() == 2);
    const RevocationChecker byCrl;
    const auto check = validateLoginCertificate(
        pkiFile(QStringLiteral("citizen-sign.der")), trust, byCrl, nowUtc());
    requireProblem(check, "revocation-unavailable"); // chained fine; no CRL, no OCSP
}

TEST_CASE("trust store: loading errors name the problem and the file", "[server][trust]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const auto put = [&dir](const char* name, const QByteArray& bytes) {
        writeFile(dir.filePath(QLatin1String(name)), bytes);
    };

    SECTION("a directory that does not exist")
    {
        CHECK_THROWS_WITH(TrustStore::load(dir.filePath(QStringLiteral("missing"))),
            Catch::Contains("missing") && Catch::Contains("does not exist"));
    }
    SECTION("an empty directory has no anchor")
    {
        CHECK_THROWS_WITH(TrustStore::load(dir.path()), Catch::Contains("no trust anchor"));
    }
    SECTION("intermediates alone are no anchor")
    {
        put("moica-ca.pem", pkiFile(QStringLiteral("moica-ca.pem")));
        CHECK_THROWS_AS(TrustStore::load(dir.path()), TrustStoreError);
        CHECK_THROWS_WITH(TrustStore::load(dir.path()), Catch::Contains("no trust anchor"));
    }
    SECTION("a text file that is not a certificate")
    {
        put("grca.pem", pkiFile(QStringLiteral("grca.pem")));
        put("README", "These are the CAs we trust.\n");
        CHECK_THROWS_WITH(TrustStore::load(dir.path()),
            Catch::Contains("README") && Catch::Contains("neither a certificate nor a CRL"));
    }
    SECTION("a PEM file with a damaged block")
    {
        put("grca.pem", pkiFile(QStringLiteral("grca.pem")));
        QByteArray damaged = pkiFile(QStringLiteral("moica-ca.pem"));
        damaged.remove(damaged.indexOf("-----END"), 8);
        put("moica-ca.pem", damaged);
        CHECK_THROWS_WITH(TrustStore::load(dir.path()), Catch::Contains("moica-ca.pem"));
    }
    SECTION("a DER file with trailing bytes")
    {
        put("grca.der", pkiFile(QStringLiteral("grca.der")) + QByteArray("\0", 1));
        CHECK_THROWS_WITH(TrustStore::load(dir.path()), Catch::Contains("grca.der"));
    }
    SECTION("a card certificate is not a CA")
    {
        put("grca.pem", pkiFile(QStringLiteral("grca.pem")));
        put("citizen-sign.pem", pkiFile(QStringLiteral("citizen-sign.pem")));
        CHECK_THROWS_WITH(TrustStore::load(dir.path()),
            Catch::Contains("citizen-sign.pem") && Catch::Contains("not a CA certificate"));
    }
    SECTION("a file that cannot be read")
    {
        put("grca.pem", pkiFile(QStringLiteral("grca.pem")));
        // A dangling link fails to open even for root, who reads a mode-000 file regardless.
        REQUIRE(QFile::link(
            dir.filePath(QStringLiteral("gone.pem")), dir.filePath(QStringLiteral("broken.pem"))));
        CHECK_THROWS_WITH(TrustStore::load(dir.path()), Catch::Contains("broken.pem"));
        if (::geteuid() != 0) {
            REQUIRE(QFile::remove(dir.filePath(QStringLiteral("broken.pem"))));
            put("locked.pem", pkiFile(QStringLiteral("moica-ca.pem")));
            REQUIRE(QFile::setPermissions(dir.filePath(QStringLiteral("locked.pem")), {}));
            CHECK_THROWS_WITH(TrustStore::load(dir.path()), Catch::Contains("locked.pem"));
        }
    }
}

TEST_CASE("trust store: CRLs load from PEM and DER and are verified against the CAs",
    "[server][trust][crl]")
{
    const X509Ptr moica = pkiCertificate(QStringLiteral("moica-ca"));
    const X509Ptr gca = pkiCertificate(QStringLiteral("gca-ca"));

    SECTION("PEM")
    {
        const TrustStore trust = pkiTrust({ QStringLiteral("moica-ca.crl.pem") });
        CHECK(trust.crlCount() == 1);
        CHECK(trust.crlFor(moica.get()) != nullptr);
        CHECK(trust.crlFor(gca.get()) == nullptr);
        // MOICA's name on another key is not MOICA.
        const X509Ptr impostor(X509_dup(moica.get()));
        const EvpPkeyPtr key(EVP_EC_gen("P-256"));
        REQUIRE(X509_set_pubkey(impostor.get(), key.get()) == 1);
        REQUIRE(X509_sign(impostor.get(), key.get(), EVP_sha256()) > 0);
        CHECK(trust.crlFor(impostor.get()) == nullptr);
    }
    SECTION("DER")
    {
        const TrustStore trust = pkiTrust({ QStringLiteral("gca-ca.crl.der") });
        CHECK(trust.crlCount() == 1);
        CHECK(trust.crlFor(gca.get()) != nullptr);
        CHECK(trust.crlFor(moica.get()) == nullptr);
    }
    SECTION("the same CRL twice counts once; two issuers count twice")
    {
        const TrustStore trust = pkiTrust({ QStringLiteral("moica-ca.crl.pem"),
            QStringLiteral("moica-ca.crl.der"), QStringLiteral("gca-ca.crl.pem") });
        CHECK(trust.crlCount() == 2);
    }
    SECTION("a CRL whose signature does not verify is refused")
    {
        QTemporaryDir dir;
        REQUIRE(dir.isValid());
        QByteArray tampered = pkiFile(QStringLiteral("moica-ca.crl.der"));
        tampered[tampered.size() - 1] = static_cast<char>(tampered.back() ^ 0x01); // signature
        const QString path = dir.filePath(QStringLiteral("tampered.crl"));
        writeFile(path, tampered);
        CHECK_THROWS_WITH(TrustStore::load(pkiPath(QStringLiteral("trust")), { path }),
            Catch::Contains("tampered.crl") && Catch::Contains("not signed by a CA"));
    }
    SECTION("a CRL of a CA that is not in the trust directory is refused")
    {
        QTemporaryDir dir;
        REQUIRE(dir.isValid());
        writeFile(dir.filePath(QStringLiteral("grca.pem")), pkiFile(QStringLiteral("grca.pem")));
        writeFile(
            dir.filePath(QStringLiteral("gca-ca.pem")), pkiFile(QStringLiteral("gca-ca.pem")));
        CHECK_THROWS_WITH(
            TrustStore::load(dir.path(), { pkiPath(QStringLiteral("moica-ca.crl.pem")) }),
            Catch::Contains("moica-ca.crl.pem") && Catch::Contains("Test MOICA"));
    }
    SECTION("a --crl file that holds no CRL, or is missing")
    {
        CHECK_THROWS_WITH(pkiTrust({ QStringLiteral("moica-ca.pem") }),
            Catch::Contains("moica-ca.pem") && Catch::Contains("holds no CRL"));
        CHECK_THROWS_WITH(
            pkiTrust({ QStringLiteral("nothing.crl") }), Catch::Contains("nothing.crl"));
    }
}

TEST_CASE(
    "trust store: partitioned CRLs and unknown critical extensions are refused", "[server][trust]")
{
    const auto refusal = [](const char* file) {
        try {
            TrustStore::load(pkiPath(QStringLiteral("trust")), { pkiPath(QLatin1String(file)) });
        } catch (const TrustStoreError& error) {
            return QString::fromUtf8(error.what());
        }
        return QString();
    };
    CHECK(refusal("moica-ca.idp.crl.pem").contains(QLatin1String("issuingDistributionPoint")));
    CHECK(refusal("moica-ca.critical.crl.pem")
              .contains(QLatin1String("critical extension the server does not know "
                                      "(1.3.6.1.4.1.55555.1)")));
    CHECK(refusal("moica-ca.crl.pem").isEmpty());
}
