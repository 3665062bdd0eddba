// The login certificate checks up to revocation (server/login): parsing, validity dates, the
// chain to an anchor, key usage, the Web eID validator's refusals and the result codes.
#include "certificate_test_pki.hpp"

#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <openssl/x509.h>

using namespace server::login;
using namespace certtest;

TEST_CASE("validation: bytes that are not exactly one certificate are token-malformed",
    "[server][validation]")
{
    const TrustStore trust = pkiTrust({ QStringLiteral("moica-ca.crl.pem") });
    const RevocationChecker byCrl;
    const QByteArray der = pkiFile(QStringLiteral("citizen-sign.der"));
    for (const QByteArray& bad : { QByteArray(), QByteArray("garbage, not DER at all"),
             der.left(der.size() / 2), der.left(der.size() - 1), der + QByteArray("\0", 1),
             der + der, pkiFile(QStringLiteral("citizen-sign.pem")) }) {
        INFO("input of " << bad.size() << " bytes");
        const auto check = validateLoginCertificate(bad, trust, byCrl, nowUtc());
        requireProblem(check, "token-malformed");
    }
}

TEST_CASE("validation: validity dates are checked before anything else about the chain",
    "[server][validation]")
{
    const TrustStore trust = pkiTrust({ QStringLiteral("moica-ca.crl.pem") });
    const RevocationChecker byCrl;
    requireProblem(validate(QStringLiteral("expired"), trust, byCrl), "certificate-expired");
    requireProblem(
        validate(QStringLiteral("not-yet-valid"), trust, byCrl), "certificate-not-yet-valid");

    // The bounds themselves are valid (RFC 5280), one second beyond them is not. (At notBefore
    // the CRL was not issued yet, so that check ends at revocation; only the dates matter here.)
    const auto info = validate(QStringLiteral("citizen-sign"), trust, byCrl).certificate;
    REQUIRE(info.notAfter.isValid());
    const auto atStart = validate(QStringLiteral("citizen-sign"), trust, byCrl, info.notBefore);
    CHECK(atStart.problem != LoginCertificateProblem::NotYetValid);
    CHECK_FALSE(atStart.issuerDer.isEmpty());
    requireProblem(validate(QStringLiteral("citizen-sign"), trust, byCrl, info.notAfter), "");
    requireProblem(
        validate(QStringLiteral("citizen-sign"), trust, byCrl, info.notBefore.addSecs(-1)),
        "certificate-not-yet-valid");
    requireProblem(validate(QStringLiteral("citizen-sign"), trust, byCrl, info.notAfter.addSecs(1)),
        "certificate-expired");
}

TEST_CASE("validation: certificates that do not chain to an anchor through an intermediate are "
          "certificate-untrusted",
    "[server][validation]")
{
    const TrustStore trust = pkiTrust({ QStringLiteral("moica-ca.crl.pem") });
    const RevocationChecker byCrl;
    const auto refused = [&](const QByteArray& der, const char* why) {
        INFO(why);
        const auto check = validateLoginCertificate(der, trust, byCrl, nowUtc());
        requireProblem(check, "certificate-untrusted");
        CHECK(check.issuerDer.isEmpty());
    };

    const Issued selfSigned
        = makeCertificate("王小明", false, "critical,digitalSignature", nullptr, nullptr);
    refused(derOf(selfSigned.certificate.get()), "self-signed");

    // An impostor CA with MOICA's name but its own key, and a card certificate under it.
    const Issued impostorRoot
        = makeCertificate("Impostor Root", true, "critical,keyCertSign,cRLSign", nullptr, nullptr);
    const Issued impostorCa = makeCertificate("Test MOICA", true, "critical,keyCertSign,cRLSign",
        impostorRoot.certificate.get(), impostorRoot.key.get());
    const Issued impostorCard = makeCertificate("王小明", false, "critical,digitalSignature",
        impostorCa.certificate.get(), impostorCa.key.get());
    refused(derOf(impostorCard.certificate.get()), "issued under another root");

    // Issued straight by the trusted root: the chain verifies but skips the issuing CA.
    const X509Ptr grca = pkiCertificate(QStringLiteral("grca"));
    const EvpPkeyPtr grcaKey = pkiKey(QStringLiteral("grca"));
    const Issued direct = makeCertificate(
        "直接簽發", false, "critical,digitalSignature", grca.get(), grcaKey.get());
    refused(derOf(direct.certificate.get()), "issued by the root itself");

    // A chain through an intermediate that has expired (the card itself is within its dates).
    {
        QTemporaryDir dir;
        REQUIRE(dir.isValid());
        const Issued oldCa = makeCertificate("Test MOICA 2019", true,
            "critical,keyCertSign,cRLSign", grca.get(), grcaKey.get(),
            Validity { -3 * 365L * 24 * 3600, -365L * 24 * 3600 }, "內政部憑證管理中心");
        const Issued card = makeCertificate("王小明", false, "critical,digitalSignature",
            oldCa.certificate.get(), oldCa.key.get(), Validity { -24 * 3600, 24 * 3600 });
        writeFile(dir.filePath(QStringLiteral("grca.pem")), pkiFile(QStringLiteral("grca.pem")));
        writeFile(dir.filePath(QStringLiteral("old-ca.pem")), pemOf(oldCa.certificate.get()));
        const TrustStore withOldCa = TrustStore::load(dir.path());
        const auto check
            = validateLoginCertificate(derOf(card.certificate.get()), withOldCa, byCrl, nowUtc());
        requireProblem(check, "certificate-untrusted");
        CHECK(check.detail.contains(QLatin1String("expired")));
    }

    // A trusted chain from a CA that issues neither citizen nor agency cards, to a certificate
    // without either Taiwan attribute: nothing to log in as.
    {
        QTemporaryDir dir;
        REQUIRE(dir.isValid());
        const Issued otherCa = makeCertificate("Test MOEACA", true, "critical,keyCertSign,cRLSign",
            grca.get(), grcaKey.get(), {}, "經濟部工商憑證管理中心");
        const Issued card = makeCertificate("某公司", false, "critical,digitalSignature",
            otherCa.certificate.get(), otherCa.key.get());
        writeFile(dir.filePath(QStringLiteral("grca.pem")), pkiFile(QStringLiteral("grca.pem")));
        writeFile(dir.filePath(QStringLiteral("moeaca.pem")), pemOf(otherCa.certificate.get()));
        const TrustStore withOtherCa = TrustStore::load(dir.path());
        const auto check
            = validateLoginCertificate(derOf(card.certificate.get()), withOtherCa, byCrl, nowUtc());
        requireProblem(check, "certificate-untrusted");
        CHECK(check.detail == QLatin1String("neither a citizen nor an agency card"));
    }

    // The CAs themselves are not login certificates either.
    refused(pkiFile(QStringLiteral("moica-ca.der")), "an intermediate");
    refused(pkiFile(QStringLiteral("grca.der")), "the root");
}

TEST_CASE("validation: a certificate without digitalSignature is certificate-usage",
    "[server][validation]")
{
    const TrustStore trust = pkiTrust({ QStringLiteral("moica-ca.crl.pem") });
    const RevocationChecker byCrl;
    const auto check = validate(QStringLiteral("citizen-enc"), trust, byCrl);
    requireProblem(check, "certificate-usage");
    CHECK_FALSE(check.issuerDer.isEmpty()); // it got past the chain
}

TEST_CASE("validation: result codes are the API's stable strings", "[server][validation]")
{
    using P = LoginCertificateProblem;
    CHECK(problemCode(P::None).isEmpty());
    CHECK(problemCode(P::TokenMalformed) == QLatin1String("token-malformed"));
    CHECK(problemCode(P::NotYetValid) == QLatin1String("certificate-not-yet-valid"));
    CHECK(problemCode(P::Expired) == QLatin1String("certificate-expired"));
    CHECK(problemCode(P::Untrusted) == QLatin1String("certificate-untrusted"));
    CHECK(problemCode(P::Usage) == QLatin1String("certificate-usage"));
    CHECK(problemCode(P::Revoked) == QLatin1String("certificate-revoked"));
    CHECK(problemCode(P::RevocationUnavailable) == QLatin1String("revocation-unavailable"));
}

TEST_CASE(
    "validation: the Web eID validator's refusals, one certificate each", "[server][validation]")
{
    const TrustStore trust = pkiTrust({ QStringLiteral("moica-ca.crl.pem") });
    const RevocationChecker byCrl;

    SECTION("an EKU without clientAuth is certificate-usage; one with it passes")
    {
        const auto email = validate(QStringLiteral("eku-email"), trust, byCrl);
        requireProblem(email, "certificate-usage");
        CHECK(email.detail == QLatin1String("extended key usage lacks clientAuth"));
        requireProblem(validate(QStringLiteral("eku-client"), trust, byCrl), "");
    }
    SECTION("a policy outside the allow-list, or none, is certificate-untrusted")
    {
        const auto level1 = validate(QStringLiteral("policy-level1"), trust, byCrl);
        requireProblem(level1, "certificate-untrusted");
        CHECK(level1.detail.contains(QLatin1String("2.16.886.101.0.3.1")));
        requireProblem(
            validate(QStringLiteral("no-policy"), trust, byCrl), "certificate-untrusted");
        // The allow-list is configuration: level 1 allowed, level 3 no longer.
        LoginCertificateRules rules;
        rules.allowedPolicies = QStringList { QStringLiteral("2.16.886.101.0.3.1") };
        const auto der = pkiFile(QStringLiteral("policy-level1.der"));
        requireProblem(validateLoginCertificate(der, trust, byCrl, nowUtc(), rules), "");
        requireProblem(validateLoginCertificate(pkiFile(QStringLiteral("citizen-sign.der")), trust,
                           byCrl, nowUtc(), rules),
            "certificate-untrusted");
    }
    SECTION("an RSA key under 2048 bits is certificate-untrusted")
    {
        const auto weak = validate(QStringLiteral("weak-key"), trust, byCrl);
        requireProblem(weak, "certificate-untrusted");
        CHECK(weak.detail == QLatin1String("key: RSA of 1024 bits, below 2048"));
    }
    SECTION("the kind comes from the configured issuer only")
    {
        QTemporaryDir dir;
        REQUIRE(dir.isValid());
        for (const char* name : { "grca.pem", "moica-ca.pem", "gca-ca.pem", "xca-ca.pem" })
            writeFile(dir.filePath(QLatin1String(name)), pkiFile(QLatin1String(name)));
        const TrustStore withXca
            = TrustStore::load(dir.path(), { pkiPath(QStringLiteral("xca-ca.crl.pem")) });
        const QByteArray xcaCard = pkiFile(QStringLiteral("xca-card.der"));
        // It carries the agency attribute, but XCA is configured for neither kind.
        const auto refused = validateLoginCertificate(xcaCard, withXca, byCrl, nowUtc());
        requireProblem(refused, "certificate-untrusted");
        CHECK(refused.detail == QLatin1String("neither a citizen nor an agency card"));
        LoginCertificateRules rules;
        rules.agencyIssuerUnit = QStringLiteral("組織及團體憑證管理中心");
        const auto accepted = validateLoginCertificate(xcaCard, withXca, byCrl, nowUtc(), rules);
        requireProblem(accepted, "");
        CHECK(accepted.kind == LoginCertificateKind::Agency);
    }
}
