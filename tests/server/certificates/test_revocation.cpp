// Revocation in the login certificate checks (server/login): a real `openssl ocsp` responder,
// canned HTTP answers, and the test PKI's CRLs as the fallback.
#include "certificate_test_pki.hpp"
#include "revocation_peers.hpp"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <openssl/x509.h>

using namespace server::login;
using namespace certtest;
using namespace std::chrono_literals;

TEST_CASE("validation: with the OCSP responder answering", "[server][validation][ocsp]")
{
    const OcspResponder responder;
    const RevocationChecker ocsp = withOcsp(responder.url());

    SECTION("a good citizen card logs in as a citizen")
    {
        const TrustStore trust = pkiTrust();
        const auto check = validate(QStringLiteral("citizen-sign"), trust, ocsp);
        requireProblem(check, "");
        CHECK(check.kind == LoginCertificateKind::Citizen);
        CHECK(check.certificate.holderName == fact(QStringLiteral("HOLDER_NAME")));
        CHECK(check.certificate.idLastFour == fact(QStringLiteral("ID_LAST_FOUR")));
        CHECK(check.certificate.serialHex == fact(QStringLiteral("CITIZEN_SIGN_SERIAL")));
        CHECK(check.issuerDer == pkiFile(QStringLiteral("moica-ca.der")));
        CHECK(check.detail == QLatin1String("ocsp: good"));
    }
    SECTION("OCSP says revoked, with no CRL loaded")
    {
        const TrustStore trust = pkiTrust();
        const auto check = validate(QStringLiteral("revoked"), trust, ocsp);
        requireProblem(check, "certificate-revoked");
        CHECK(check.detail.contains(QLatin1String("ocsp: revoked (keyCompromise)")));
    }
    SECTION("OCSP's good wins over a CRL that does not list the card")
    {
        const TrustStore trust = pkiTrust({ QStringLiteral("moica-ca.crl.pem") });
        const auto check = validate(QStringLiteral("citizen-sign"), trust, ocsp);
        requireProblem(check, "");
        CHECK(check.detail == QLatin1String("ocsp: good"));
    }
    SECTION("the agency card: MOICA's responder cannot speak for GCA, so GCA's CRL decides")
    {
        const TrustStore trust = pkiTrust({ QStringLiteral("gca-ca.crl.der") });
        const auto check = validate(QStringLiteral("agency-sign"), trust, ocsp);
        requireProblem(check, "");
        CHECK(check.kind == LoginCertificateKind::Agency);
        CHECK(check.certificate.agencyCode == fact(QStringLiteral("AGENCY_CODE")));
        CHECK(check.certificate.holderName == fact(QStringLiteral("AGENCY_NAME")));
        CHECK(check.issuerDer == pkiFile(QStringLiteral("gca-ca.der")));
        CHECK(check.detail.startsWith(QLatin1String("ocsp: ")));
        CHECK(check.detail.endsWith(QLatin1String("crl: not listed")));
    }
    SECTION("the agency card without GCA's CRL: nobody can tell")
    {
        const TrustStore trust = pkiTrust({ QStringLiteral("moica-ca.crl.pem") });
        const auto check = validate(QStringLiteral("agency-sign"), trust, ocsp);
        requireProblem(check, "revocation-unavailable");
        CHECK(check.detail.contains(QLatin1String("crl: none for the issuer")));
    }
}

TEST_CASE("validation: by CRL alone (no OCSP responder configured)", "[server][validation][crl]")
{
    const RevocationChecker byCrl;
    const TrustStore trust
        = pkiTrust({ QStringLiteral("moica-ca.crl.pem"), QStringLiteral("gca-ca.crl.der") });
    requireProblem(validate(QStringLiteral("citizen-sign"), trust, byCrl), "");
    requireProblem(validate(QStringLiteral("agency-sign"), trust, byCrl), "");
    const auto revoked = validate(QStringLiteral("revoked"), trust, byCrl);
    requireProblem(revoked, "certificate-revoked");
    CHECK(revoked.detail == QLatin1String("ocsp: not configured; crl: listed"));

    const TrustStore noCrl = pkiTrust();
    const auto unknown = validate(QStringLiteral("citizen-sign"), noCrl, byCrl);
    requireProblem(unknown, "revocation-unavailable");
    CHECK(unknown.detail == QLatin1String("ocsp: not configured; crl: none for the issuer"));
}

TEST_CASE("revocation: a CRL past its nextUpdate (or before its thisUpdate) decides nothing",
    "[server][revocation][crl]")
{
    const TrustStore trust = pkiTrust({ QStringLiteral("moica-ca.crl.pem") });
    const RevocationChecker byCrl;
    const X509Ptr card = pkiCertificate(QStringLiteral("revoked"));
    const X509Ptr issuer = pkiCertificate(QStringLiteral("moica-ca"));
    const X509_CRL* crl = trust.crlFor(issuer.get());
    REQUIRE(crl);
    const auto check
        = [&](const QDateTime& when) { return byCrl.check(card.get(), issuer.get(), trust, when); };
    CHECK(check(nowUtc()).status == RevocationStatus::Revoked);
    // Five minutes of clock skew are tolerated on either side, an hour is not.
    const QDateTime issued = utcOf(X509_CRL_get0_lastUpdate(crl));
    const QDateTime expires = utcOf(X509_CRL_get0_nextUpdate(crl));
    CHECK(check(issued.addSecs(-240)).status == RevocationStatus::Revoked);
    CHECK(check(expires.addSecs(240)).status == RevocationStatus::Revoked);
    const auto stale = check(expires.addSecs(3600));
    CHECK(stale.status == RevocationStatus::Unavailable);
    CHECK(stale.reason.contains(QLatin1String("outside thisUpdate/nextUpdate")));
    CHECK(check(issued.addSecs(-3600)).status == RevocationStatus::Unavailable);
}

TEST_CASE("validation: an unreachable OCSP responder falls back to the CRL or fails closed",
    "[server][validation][ocsp]")
{
    const RevocationChecker closedPort
        = withOcsp(QStringLiteral("http://127.0.0.1:%1").arg(freePort()));

    const TrustStore noCrl = pkiTrust();
    const auto unavailable = validate(QStringLiteral("citizen-sign"), noCrl, closedPort);
    requireProblem(unavailable, "revocation-unavailable");
    CHECK(unavailable.detail.startsWith(QLatin1String("ocsp: cannot connect")));

    const TrustStore withCrl = pkiTrust({ QStringLiteral("moica-ca.crl.pem") });
    requireProblem(validate(QStringLiteral("citizen-sign"), withCrl, closedPort), "");
    requireProblem(validate(QStringLiteral("revoked"), withCrl, closedPort), "certificate-revoked");
}

TEST_CASE("validation: a responder that never answers costs the timeout, not forever",
    "[server][validation][ocsp]")
{
    // Listening, so connections complete in the kernel, but nothing ever reads or answers.
    QTcpServer silent;
    REQUIRE(silent.listen(QHostAddress::LocalHost, 0));
    const RevocationChecker slow
        = withOcsp(QStringLiteral("http://127.0.0.1:%1/").arg(silent.serverPort()), 1000ms);
    const TrustStore withCrl = pkiTrust({ QStringLiteral("moica-ca.crl.pem") });

    QElapsedTimer clock;
    clock.start();
    const auto check = validate(QStringLiteral("citizen-sign"), withCrl, slow);
    const qint64 elapsed = clock.elapsed();
    requireProblem(check, "");
    CHECK(check.detail.startsWith(QLatin1String("ocsp: no response")));
    CHECK(check.detail.endsWith(QLatin1String("crl: not listed")));
    CHECK(elapsed >= 900);
    CHECK(elapsed < 3000);
}

TEST_CASE("validation: HTTP errors and malformed OCSP answers fall back to the CRL",
    "[server][validation][ocsp]")
{
    const TrustStore withCrl = pkiTrust({ QStringLiteral("moica-ca.crl.pem") });
    const TrustStore noCrl = pkiTrust();
    const auto answer = [](const QByteArray& type, const QByteArray& body) {
        return "HTTP/1.0 200 OK\r\nContent-Type: " + type
            + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    };
    struct Case {
        const char* what;
        QByteArray reply;
    };
    // An OCSPResponse of status tryLater (3) carries no signed data: it must not count as good.
    const QByteArray tryLater("\x30\x03\x0a\x01\x03", 5);
    for (const Case& scripted : {
             Case { "HTTP 500", QByteArray("HTTP/1.0 500 Internal Server Error\r\n\r\n") },
             Case { "HTTP 404", QByteArray("HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n") },
             Case { "a garbage body", answer("application/ocsp-response", "not DER") },
             Case { "a web page", answer("text/html", "<html>captive portal</html>") },
             Case { "tryLater", answer("application/ocsp-response", tryLater) },
             Case { "a closed connection", QByteArray() },
         }) {
        INFO("the responder sends " << scripted.what);
        {
            const CannedHttpServer peer(scripted.reply);
            const auto check
                = validate(QStringLiteral("revoked"), withCrl, withOcsp(peer.url(), 2000ms));
            requireProblem(check, "certificate-revoked");
            CHECK(check.detail.endsWith(QLatin1String("crl: listed")));
        }
        {
            const CannedHttpServer peer(scripted.reply);
            requireProblem(
                validate(QStringLiteral("citizen-sign"), noCrl, withOcsp(peer.url(), 2000ms)),
                "revocation-unavailable");
        }
    }
}

TEST_CASE("validation: answers signed by a responder the CA did not delegate are ignored",
    "[server][validation][ocsp]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    // The rogue's database says `revoked` is fine: believing it would let a revoked card in.
    QByteArray index = pkiFile(QStringLiteral("moica-ca.index.txt"));
    QList<QByteArray> lines = index.split('\n');
    for (QByteArray& line : lines) {
        if (line.startsWith("R\t")) {
            QList<QByteArray> fields = line.split('\t');
            fields[0] = "V";
            fields[2] = QByteArray();
            line = fields.join('\t');
        }
    }
    const QString rogueIndex = dir.filePath(QStringLiteral("index.txt"));
    writeFile(rogueIndex, lines.join('\n'));
    writeFile(
        rogueIndex + QStringLiteral(".attr"), pkiFile(QStringLiteral("moica-ca.index.txt.attr")));

    const Issued rogue
        = makeCertificate("Rogue OCSP", false, "critical,digitalSignature", nullptr, nullptr);
    writeFile(dir.filePath(QStringLiteral("rogue.pem")), pemOf(rogue.certificate.get()));
    writeFile(dir.filePath(QStringLiteral("rogue.key")), pemOf(rogue.key.get()));

    struct Signer {
        const char* what;
        QString certificate, key;
    };
    for (const Signer& signer : {
             Signer { "a self-signed stranger", dir.filePath(QStringLiteral("rogue.pem")),
                 dir.filePath(QStringLiteral("rogue.key")) },
             // Chains to the trusted root, but lacks id-kp-OCSPSigning.
             Signer { "a card certificate of the CA", pkiPath(QStringLiteral("citizen-sign.pem")),
                 pkiPath(QStringLiteral("citizen-sign.key")) },
         }) {
        INFO("the responder signs with " << signer.what);
        const OcspResponder responder(signer.certificate, signer.key, rogueIndex);
        const RevocationChecker ocsp = withOcsp(responder.url());

        const TrustStore withCrl = pkiTrust({ QStringLiteral("moica-ca.crl.der") });
        const auto revoked = validate(QStringLiteral("revoked"), withCrl, ocsp);
        requireProblem(revoked, "certificate-revoked");
        CHECK(revoked.detail.startsWith(QLatin1String("ocsp: response signature not trusted")));
        CHECK(revoked.detail.endsWith(QLatin1String("crl: listed")));

        const TrustStore noCrl = pkiTrust();
        requireProblem(
            validate(QStringLiteral("citizen-sign"), noCrl, ocsp), "revocation-unavailable");
    }
}

TEST_CASE("revocation: unusable OCSP settings are refused up front", "[server][revocation]")
{
    for (const char* url : { "https://127.0.0.1:8443/", "ftp://127.0.0.1/", "127.0.0.1:8080",
             "http://user@127.0.0.1/", "http:///" }) {
        INFO(url);
        CHECK_THROWS_AS(RevocationChecker(RevocationOptions { QString::fromLatin1(url) }),
            RevocationConfigError);
    }
    CHECK_THROWS_AS(withOcsp(QStringLiteral("http://127.0.0.1/"), 0ms), RevocationConfigError);
    CHECK_NOTHROW(RevocationChecker(RevocationOptions { QStringLiteral("http://ocsp.example/a") }));
    CHECK_NOTHROW(RevocationChecker());
}

TEST_CASE("validation: OCSP unknown is revoked, the CRL is not asked", "[server][validation][ocsp]")
{
    const OcspResponder responder;
    const RevocationChecker ocsp = withOcsp(responder.url());
    // unlisted is on no CRL: a fallback would call it good.
    const TrustStore trust = pkiTrust({ QStringLiteral("moica-ca.crl.pem") });
    const auto check = validate(QStringLiteral("unlisted"), trust, ocsp);
    requireProblem(check, "certificate-revoked");
    CHECK(check.detail == QLatin1String("ocsp: unknown"));
}
