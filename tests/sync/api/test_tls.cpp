// HTTPS: the pinned certificate, extra CAs, and what is refused.

#include "client_fixture.hpp"
#include "core/api/service_config.hpp"

#include <QProcess>
#include <QSslCertificate>
#include <QTemporaryDir>

using namespace apitest;

namespace {

/// A self-signed certificate for 127.0.0.1 and its key (`rsa:2048`, or e.g. `ec` with
/// `-pkeyopt ec_paramgen_curve:P-256`), made with the openssl CLI.
void makeCertificate(const QTemporaryDir& dir, const QString& name,
    const QStringList& keyArguments = { "-newkey", "rsa:2048" })
{
    QProcess openssl;
    openssl.start("openssl",
        QStringList { "req", "-x509" } + keyArguments
            + QStringList { "-nodes", "-keyout", dir.filePath(name + ".key"), "-out",
                dir.filePath(name + ".pem"), "-days", "2", "-subj", "/CN=127.0.0.1", "-addext",
                "subjectAltName=IP:127.0.0.1" });
    REQUIRE(openssl.waitForFinished(30000));
    REQUIRE(openssl.exitCode() == 0);
}

QSslCertificate certificate(const QTemporaryDir& dir, const QString& name)
{
    const QList<QSslCertificate> certificates
        = QSslCertificate::fromPath(dir.filePath(name + ".pem"));
    REQUIRE(certificates.size() == 1);
    return certificates.first();
}

} // namespace

TEST_CASE("TLS: the pin decides, extra CAs trust, anything else is a Tls failure", "[api][tls]")
{
    // One server for every case (no SECTIONs: each would make the keys and start it again).
    QTemporaryDir dir;
    makeCertificate(dir, "server");
    makeCertificate(dir, "other");
    const QSslCertificate served = certificate(dir, "server");
    const QSslCertificate other = certificate(dir, "other");
    servertest::TestServer server({ .extraArguments
        = { "--tls-cert", dir.filePath("server.pem"), "--tls-key", dir.filePath("server.key") } });
    REQUIRE(server.baseUrl().startsWith("https://"));

    {
        INFO("the right pin: the self-signed certificate is accepted, and a login works");
        ServiceConfig config = configFor(server);
        config.pinnedCertificateSha256 = core::api::certificatePin(served.toDer());
        ServiceClient client(config);
        const auto health = client.health();
        INFO(health.failure.summary().toStdString());
        REQUIRE(health.ok());
        CHECK(health->ok);
        clerkLogin(client);
        CHECK(client.listVacancies().ok());

        config.pinnedCertificateSha256
            = core::api::certificatePin(served.toDer()).toHex().toUpper();
        ServiceClient hex(config);
        CHECK(hex.health().ok());
    }
    {
        INFO("a wrong pin is refused");
        ServiceConfig config = configFor(server);
        config.pinnedCertificateSha256 = core::api::certificatePin(other.toDer());
        ServiceClient client(config);
        const auto health = client.health();
        REQUIRE_FALSE(health.ok());
        CHECK(health.failure.kind == ErrorKind::Tls);
        CHECK(health.failure.detail.contains(
            QString::fromLatin1(core::api::certificatePin(served.toDer()).toHex())));
        CHECK_FALSE(health.failure.retriable());
    }
    {
        INFO("no pin and no CA for it: refused");
        ServiceClient client(configFor(server));
        const auto health = client.health();
        REQUIRE_FALSE(health.ok());
        CHECK(health.failure.kind == ErrorKind::Tls);
        CHECK_FALSE(health.failure.detail.isEmpty());
    }
    {
        INFO("an extra CA that vouches for it: accepted");
        ServiceConfig config = configFor(server);
        config.extraCaCertificates = { served.toPem() };
        ServiceClient client(config);
        const auto health = client.health();
        INFO(health.failure.summary().toStdString());
        CHECK(health.ok());
    }
    {
        INFO("a trusted certificate that is not the pinned one: refused before any request");
        ServiceConfig config = configFor(server);
        config.extraCaCertificates = { served.toPem() };
        config.pinnedCertificateSha256 = core::api::certificatePin(other.toDer());
        ServiceClient client(config);
        const auto login = client.passwordLogin("chen01", "Chen!2345");
        REQUIRE_FALSE(login.ok());
        CHECK(login.failure.kind == ErrorKind::Tls);
        CHECK(login.failure.detail.contains("pinned"));
        CHECK_FALSE(server.log().contains("/api/v1/auth/password"));
    }
    {
        INFO("a pin needs https, and must be a SHA-256");
        ServiceConfig plain = configFor(server);
        plain.baseUrl.setScheme("http");
        plain.pinnedCertificateSha256 = core::api::certificatePin(served.toDer());
        CHECK(ServiceClient(plain).health().failure.kind == ErrorKind::Tls);

        ServiceConfig malformed = configFor(server);
        malformed.pinnedCertificateSha256 = QByteArray("abc");
        CHECK(ServiceClient(malformed).health().failure.kind == ErrorKind::Tls);
    }
}

TEST_CASE("plain http goes to this computer only, whatever the settings say", "[api][tls]")
{
    CHECK(core::api::isLoopbackHost(QStringLiteral("127.0.0.1")));
    CHECK(core::api::isLoopbackHost(QStringLiteral("127.1.2.3")));
    CHECK(core::api::isLoopbackHost(QStringLiteral("::1")));
    CHECK(core::api::isLoopbackHost(QStringLiteral("LocalHost")));
    CHECK(core::api::isLoopbackHost(QStringLiteral("0:0:0:0:0:0:0:1")));
    CHECK(core::api::isLoopbackHost(QStringLiteral("::ffff:127.0.0.1"))); // IPv4 written as IPv6
    CHECK_FALSE(core::api::isLoopbackHost(QStringLiteral("::ffff:10.0.0.1")));
    CHECK_FALSE(core::api::isLoopbackHost(QStringLiteral("::2")));
    CHECK_FALSE(core::api::isLoopbackHost(QStringLiteral("128.0.0.1")));
    CHECK_FALSE(core::api::isLoopbackHost(QString::fromLatin1("127.0.0.1\0.example", 18)));
    CHECK_FALSE(core::api::isLoopbackHost(QString()));
    CHECK_FALSE(core::api::isLoopbackHost(QStringLiteral("127.0.0.1.example.gov.tw")));
    CHECK_FALSE(core::api::isLoopbackHost(QStringLiteral("10.0.0.1")));
    CHECK_FALSE(core::api::isLoopbackHost(QStringLiteral("recruit.example.gov.tw")));

    // TEST-NET-1: nothing answers there, so a client that tried would time out or fail to
    // connect; the refusal comes first, as a Tls failure that names the reason.
    ServiceClient client(
        configFor(QStringLiteral("http://192.0.2.1:8443"), std::chrono::seconds(20)));
    const auto health = client.health();
    REQUIRE_FALSE(health.ok());
    CHECK(health.failure.kind == ErrorKind::Tls);
    CHECK(health.failure.detail.contains(QStringLiteral("http://")));
    const auto login = client.passwordLogin(QStringLiteral("wang01"), QStringLiteral("Passw0rd!"));
    REQUIRE_FALSE(login.ok());
    CHECK(login.failure.kind == ErrorKind::Tls);
}

TEST_CASE("the server serves TLS with an EC key too", "[api][tls]")
{
    QTemporaryDir dir;
    makeCertificate(dir, "ec", { "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256" });
    servertest::TestServer server({ .extraArguments
        = { "--tls-cert", dir.filePath("ec.pem"), "--tls-key", dir.filePath("ec.key") } });
    REQUIRE(server.baseUrl().startsWith("https://"));
    ServiceConfig config = configFor(server);
    config.pinnedCertificateSha256 = core::api::certificatePin(certificate(dir, "ec").toDer());
    ServiceClient client(config);
    const auto health = client.health();
    INFO(health.failure.summary().toStdString());
    CHECK(health.ok());
}
