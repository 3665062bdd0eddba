// Card login over real HTTP: the contract's validation order, every refusal code it names, and
// the forged tokens, one per check (real OCSP responder, real CRLs, real server process).

#include "card_login.hpp"
#include "core/auth/auth_token.hpp"
#include "ocsp_responder.hpp"
#include "test_server.hpp"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <catch2/catch.hpp>

using namespace servertest;

namespace {

Reply postToken(const HttpClient& client, const QString& nonce, const QJsonObject& token)
{
    return client.sendJson("POST", "/api/v1/auth/certificate",
        QJsonObject { { "nonce", nonce }, { "authToken", token } });
}

/// A login with test certificate `cert`, signed with the key of `key` (by default its own).
Reply loginAs(const HttpClient& client, const QString& cert, const QString& key = {})
{
    const QString nonce = challenge(client);
    return postToken(
        client, nonce, loginToken(cert, key.isEmpty() ? cert : key, testOrigin, nonce));
}

/// A self-signed leaf with digitalSignature: well formed, chained to nothing we trust.
QString makeForeignCertificate(const QTemporaryDir& dir)
{
    QProcess openssl;
    openssl.start("openssl",
        { "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", dir.filePath("foreign.key"),
            "-out", dir.filePath("foreign.pem"), "-days", "30", "-subj", "/C=TW/CN=偽造測試",
            "-addext", "keyUsage=critical,digitalSignature", "-addext",
            "basicConstraints=critical,CA:FALSE", "-outform", "PEM" });
    REQUIRE(openssl.waitForFinished(30000));
    REQUIRE(openssl.exitCode() == 0);
    QProcess der;
    der.start("openssl",
        { "x509", "-in", dir.filePath("foreign.pem"), "-outform", "DER", "-out",
            dir.filePath("foreign.der") });
    REQUIRE(der.waitForFinished(10000));
    REQUIRE(der.exitCode() == 0);
    return dir.filePath("foreign");
}

} // namespace

TEST_CASE("A first card login asks for activation, then the session works", "[server][login]")
{
    TestServer server;
    const HttpClient client = server.client();

    const Reply first = cardLogin(client);
    INFO(first.body.toStdString());
    REQUIRE(first.status == 200);
    CHECK(first.json().value("activationRequired").toBool());
    CHECK_FALSE(first.json().value("activationTicket").toString().isEmpty());
    CHECK_FALSE(first.json().contains("session"));

    const QString token = clerkSession(client);
    const Reply account = client.get("/api/v1/account", token);
    REQUIRE(account.status == 200);
    CHECK(account.json().value("account").toString() == "wang01");
    CHECK(account.json().value("agency").toObject().value("code").toString() == "A29000000G");
    CHECK(account.json().value("agency").toObject().value("name").toString() == "測試機關");

    // The card is bound now: the next login goes straight to a session.
    const Reply again = cardLogin(client);
    REQUIRE(again.status == 200);
    CHECK(again.json().value("assurance").toString() == "certificate");
    CHECK_FALSE(again.json().value("accountSetupRequired").toBool());
    CHECK(again.json().value("account").toObject().value("account").toString() == "wang01");
    const QString session = again.json().value("session").toObject().value("token").toString();
    CHECK(session.size() >= 43); // 256 bits in base64url
}

TEST_CASE("The agency card logs in as its agency", "[server][login]")
{
    TestServer server;
    const HttpClient client = server.client();
    const Reply login = loginAs(client, "agency-sign");
    INFO(login.body.toStdString());
    REQUIRE(login.status == 200);
    CHECK(login.json().value("assurance").toString() == "certificate");
    CHECK_FALSE(login.json().value("accountSetupRequired").toBool());
    const QString token = login.json().value("session").toObject().value("token").toString();
    const Reply account = client.get("/api/v1/account", token);
    REQUIRE(account.status == 200);
    CHECK(account.json().value("agency").toObject().value("code").toString() == "A29000000G");
}

TEST_CASE("Nonces are single-use, expire and must be ours", "[server][login]")
{
    TestServer server({ .extraArguments = { "--nonce-lifetime", "1" } });
    const HttpClient client = server.client();

    SECTION("unknown nonce")
    {
        const QString made = QString::fromLatin1(QByteArray(32, 'x').toBase64());
        const Reply reply
            = postToken(client, made, loginToken("citizen-sign", "citizen-sign", testOrigin, made));
        CHECK(reply.status == 401);
        CHECK(reply.error() == "nonce-invalid");
    }
    SECTION("replayed nonce")
    {
        const QString nonce = challenge(client);
        const QJsonObject token = loginToken("agency-sign", "agency-sign", testOrigin, nonce);
        REQUIRE(postToken(client, nonce, token).status == 200);
        const Reply replay = postToken(client, nonce, token);
        CHECK(replay.status == 401);
        CHECK(replay.error() == "nonce-invalid");
    }
    SECTION("expired nonce")
    {
        const QString nonce = challenge(client);
        const QJsonObject token = loginToken("agency-sign", "agency-sign", testOrigin, nonce);
        QThread::msleep(1300);
        const Reply late = postToken(client, nonce, token);
        CHECK(late.status == 401);
        CHECK(late.error() == "nonce-invalid");
    }
    SECTION("a refused token spends the nonce too; the first check failing is reported")
    {
        const QString nonce = challenge(client);
        QJsonObject token = loginToken("agency-sign", "agency-sign", testOrigin, nonce);
        token.insert("algorithm", "ES256");
        CHECK(postToken(client, nonce, token).error() == "token-malformed");
        token.insert("algorithm", "RS256");
        const Reply again = postToken(client, nonce, token);
        CHECK(again.status == 401);
        CHECK(again.error() == "nonce-invalid");
    }
    SECTION("a body without a nonce presents none, so none is spent")
    {
        const QString nonce = challenge(client);
        const QJsonObject token = loginToken("agency-sign", "agency-sign", testOrigin, nonce);
        CHECK(
            client.sendJson("POST", "/api/v1/auth/certificate", { { "authToken", token } }).error()
            == "request-invalid");
        CHECK(postToken(client, nonce, token).status == 200);
    }
}

TEST_CASE("Forged and broken tokens get the contract's codes", "[server][login]")
{
    TestServer server;
    const HttpClient client = server.client();
    const QString nonce = challenge(client);
    const QJsonObject good = loginToken("citizen-sign", "citizen-sign", testOrigin, nonce);

    // Each refusal uses the nonce up: the good token cannot follow it.
    auto expect = [&](const QJsonObject& token, int status, const char* code) {
        const Reply reply = postToken(client, nonce, token);
        INFO(reply.body.toStdString());
        CHECK(reply.status == status);
        CHECK(reply.error() == code);
        const Reply replay = postToken(client, nonce, good);
        CHECK(replay.status == 401);
        CHECK(replay.error() == "nonce-invalid");
    };
    auto with = [&](const char* key, const QJsonValue& value) {
        QJsonObject token = good;
        token.insert(key, value);
        return token;
    };

    SECTION("wrong origin")
    {
        expect(loginToken("citizen-sign", "citizen-sign", "https://evil.example", nonce), 401,
            "signature-invalid");
    }
    SECTION("wrong signature: another key signed")
    {
        expect(
            loginToken("citizen-sign", "citizen-enc", testOrigin, nonce), 401, "signature-invalid");
    }
    SECTION("flipped signature bit")
    {
        QByteArray signature
            = QByteArray::fromBase64(good.value("signature").toString().toLatin1());
        signature[10] = char(signature[10] ^ 0x01);
        expect(
            with("signature", QString::fromLatin1(signature.toBase64())), 401, "signature-invalid");
    }
    SECTION("wrong algorithm")
    {
        expect(with("algorithm", "ES256"), 400, "token-malformed");
    }
    SECTION("wrong format")
    {
        expect(with("format", "web-eid:0.9"), 400, "token-malformed");
    }
    SECTION("garbage base64 signature")
    {
        expect(with("signature", "@@not base64@@"), 400, "token-malformed");
    }
    SECTION("garbage base64 certificate")
    {
        expect(with("unverifiedCertificate", "%%%"), 400, "token-malformed");
    }
    SECTION("certificate that does not parse")
    {
        expect(with("unverifiedCertificate",
                   QString::fromLatin1(QByteArray("not a certificate").toBase64())),
            400, "token-malformed");
    }
    SECTION("missing member")
    {
        QJsonObject token = good;
        token.remove("signature");
        expect(token, 400, "token-malformed");
    }
    SECTION("non-https appVersion")
    {
        expect(with("appVersion", "ftp://x/y"), 400, "token-malformed");
    }
    SECTION("expired certificate")
    {
        expect(loginToken("expired", "expired", testOrigin, nonce), 401, "certificate-expired");
    }
    SECTION("not yet valid")
    {
        expect(loginToken("not-yet-valid", "not-yet-valid", testOrigin, nonce), 401,
            "certificate-not-yet-valid");
    }
    SECTION("encryption certificate")
    {
        expect(
            loginToken("citizen-enc", "citizen-enc", testOrigin, nonce), 401, "certificate-usage");
    }
    SECTION("revoked certificate, by CRL")
    {
        expect(loginToken("revoked", "revoked", testOrigin, nonce), 401, "certificate-revoked");
    }
    SECTION("untrusted issuer, signed by the certificate's own key")
    {
        QTemporaryDir dir;
        const QString base = makeForeignCertificate(dir);
        QFile cert(base + ".der");
        REQUIRE(cert.open(QIODevice::ReadOnly));
        const QJsonObject token = core::auth::buildAuthToken(cert.readAll(),
            signLoginWithKeyFile(base + ".key", testOrigin, nonce),
            QStringLiteral("https://shiqiuren.example/shiqiuren/test"));
        expect(token, 401, "certificate-untrusted");
    }
    SECTION("untrusted issuer with a signature that does not verify: the signature comes first")
    {
        QTemporaryDir dir;
        QFile cert(makeForeignCertificate(dir) + ".der");
        REQUIRE(cert.open(QIODevice::ReadOnly));
        const QJsonObject token = core::auth::buildAuthToken(cert.readAll(),
            QByteArray(256, '\x01'), QStringLiteral("https://shiqiuren.example/shiqiuren/test"));
        expect(token, 401, "signature-invalid");
    }
    SECTION("an extended key usage without clientAuth")
    {
        expect(
            loginToken("eku-email", "citizen-sign", testOrigin, nonce), 401, "certificate-usage");
    }
    SECTION("a certificate policy that is not allowed (GPKI level 1)")
    {
        expect(loginToken("policy-level1", "citizen-sign", testOrigin, nonce), 401,
            "certificate-untrusted");
    }
    SECTION("no certificate policy at all")
    {
        expect(loginToken("no-policy", "citizen-sign", testOrigin, nonce), 401,
            "certificate-untrusted");
    }
    SECTION("an RSA key of 1024 bits")
    {
        expect(loginToken("weak-key", "weak-key", testOrigin, nonce), 401, "certificate-untrusted");
    }
    SECTION("the body itself is wrong")
    {
        const Reply reply
            = client.sendJson("POST", "/api/v1/auth/certificate", { { "authToken", good } });
        CHECK(reply.status == 400);
        CHECK(reply.error() == "request-invalid");
        CHECK(reply.json().value("fields").toObject().contains("nonce"));
    }
}

TEST_CASE("An extended key usage that allows clientAuth logs in", "[server][login]")
{
    TestServer server;
    const Reply reply = loginAs(server.client(), "eku-client", "citizen-sign");
    INFO(reply.body.toStdString());
    REQUIRE(reply.status == 200);
    CHECK(reply.json().value("activationRequired").toBool());
}

TEST_CASE("The card kind follows the issuer configured for it, never the leaf's attributes",
    "[server][login]")
{
    // xca-card carries the agency attribute of 測試機關, from a CA trusted but configured for
    // neither kind of card (as XCA's 組織及團體憑證 carry the same attribute).
    SECTION("an issuer configured for neither kind")
    {
        TestServer server({ .crls = { "xca-ca.crl.pem" }, .trust = QStringLiteral("trust-xca") });
        const Reply reply = loginAs(server.client(), "xca-card", "agency-sign");
        CHECK(reply.status == 401);
        CHECK(reply.error() == "certificate-untrusted");
    }
    SECTION("the same card once its issuer is configured for agencies")
    {
        TestServer server({ .crls = { "xca-ca.crl.pem" },
            .trust = QStringLiteral("trust-xca"),
            .extraArguments = { "--agency-issuer", "組織及團體憑證管理中心" } });
        const Reply reply = loginAs(server.client(), "xca-card", "agency-sign");
        INFO(reply.body.toStdString());
        REQUIRE(reply.status == 200);
        CHECK(reply.json().value("account").toObject().value("agency").toObject().value("code")
            == "A29000000G");
    }
}

TEST_CASE("A forged signature never reaches the OCSP responder", "[server][login][ocsp]")
{
    OcspResponder ocsp;
    TestServer server({ .crls = {}, .ocspUrl = ocsp.url() });
    const HttpClient client = server.client();
    const QString nonce = challenge(client);
    QJsonObject forged = loginToken("citizen-sign", "citizen-enc", testOrigin, nonce);
    CHECK(postToken(client, nonce, forged).error() == "signature-invalid");
    // The good login that follows is asked about once: had the forged one been asked about, the
    // responder would have counted two.
    REQUIRE(loginAs(client, "citizen-sign").status == 200);
    CHECK(ocsp.requestCount(1) == 1);
}

TEST_CASE("OCSP unknown is not good, whatever the CRL says", "[server][login][ocsp]")
{
    OcspResponder ocsp;
    // unlisted is on no CRL either; the responder that speaks for MOICA does not know it.
    TestServer server({ .ocspUrl = ocsp.url() });
    const Reply reply = loginAs(server.client(), "unlisted", "citizen-sign");
    CHECK(reply.status == 401);
    CHECK(reply.error() == "certificate-revoked");
}

TEST_CASE("Revocation: OCSP first, CRL as fallback, fail closed", "[server][login][ocsp]")
{
    SECTION("revoked by a real OCSP responder (no CRL configured)")
    {
        OcspResponder ocsp;
        TestServer server({ .crls = {}, .ocspUrl = ocsp.url() });
        const HttpClient client = server.client();
        CHECK(loginAs(client, "revoked").error() == "certificate-revoked");
        CHECK(loginAs(client, "citizen-sign").status == 200);
    }
    SECTION("OCSP unreachable, no CRL: revocation-unavailable")
    {
        TestServer server({ .crls = {},
            .ocspUrl = QStringLiteral("http://127.0.0.1:%1").arg(closedPort()),
            .extraArguments = { "--ocsp-timeout-ms", "1500" } });
        const Reply reply = loginAs(server.client(), "citizen-sign");
        CHECK(reply.status == 503);
        CHECK(reply.error() == "revocation-unavailable");
    }
    SECTION("OCSP unreachable, the CRL decides")
    {
        TestServer server({ .ocspUrl = QStringLiteral("http://127.0.0.1:%1").arg(closedPort()),
            .extraArguments = { "--ocsp-timeout-ms", "1500" } });
        const HttpClient client = server.client();
        CHECK(loginAs(client, "revoked").error() == "certificate-revoked");
        CHECK(loginAs(client, "citizen-sign").status == 200);
    }
    SECTION("neither OCSP nor CRL: revocation-unavailable")
    {
        TestServer server({ .crls = {} });
        CHECK(loginAs(server.client(), "citizen-sign").error() == "revocation-unavailable");
    }
}

TEST_CASE("An agency card of an agency the service does not know is refused", "[server][login]")
{
    TestServer server({ .seed = "other-agency-only.json" });
    const Reply reply = loginAs(server.client(), "agency-sign");
    CHECK(reply.status == 403);
    CHECK(reply.error() == "agency-not-found");
}
