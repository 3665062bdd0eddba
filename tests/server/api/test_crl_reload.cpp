// CRLs are loaded again without a restart: when a CRL file changes, and on SIGHUP. A CRL the
// server cannot use (partitioned, an unknown critical extension) is refused, and the CRLs in
// force stay.

#include "card_login.hpp"
#include "test_server.hpp"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>
#include <catch2/catch.hpp>
#include <csignal>

using namespace servertest;

namespace {

Reply loginAs(const HttpClient& client, const QString& cert)
{
    const QString nonce = challenge(client);
    return client.sendJson("POST", "/api/v1/auth/certificate",
        { { "nonce", nonce }, { "authToken", loginToken(cert, cert, testOrigin, nonce) } });
}

/// Replaces `path` the way a download script does: a new file renamed over the old one.
void replaceFile(const QString& path, const QString& from)
{
    const QString next = path + ".next";
    QFile::remove(next);
    REQUIRE(QFile::copy(from, next));
    REQUIRE(std::rename(next.toLocal8Bit().constData(), path.toLocal8Bit().constData()) == 0);
}

/// Waits (boundedly) until the server's log has said `text` `times` times.
bool logSays(TestServer& server, const QString& text, int times = 1)
{
    QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired()) {
        if (server.log().count(text) >= times)
            return true;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(20);
    }
    return false;
}

} // namespace

TEST_CASE("CRLs reload without a restart", "[server][login][crl]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString crl = dir.filePath("moica.crl.pem");

    SECTION("when the file changes")
    {
        REQUIRE(QFile::copy(pkiPath("moica-ca.before.crl.pem"), crl));
        TestServer server({ .crls = { "gca-ca.crl.der" }, .extraArguments = { "--crl", crl } });
        const HttpClient client = server.client();
        // Not listed yet: it logs in (first use, so activation).
        REQUIRE(loginAs(client, "revoked").status == 200);
        replaceFile(crl, pkiPath("moica-ca.crl.pem"));
        REQUIRE(logSays(server, "trust: loaded again"));
        CHECK(loginAs(client, "revoked").error() == "certificate-revoked");
        CHECK(loginAs(client, "citizen-sign").status == 200);
    }
    SECTION("on SIGHUP")
    {
        // The configured path is a link; pointing it elsewhere changes no watched file, so
        // only the signal can make the server read the new CRL.
        const QString before = dir.filePath("before.pem");
        const QString after = dir.filePath("after.pem");
        REQUIRE(QFile::copy(pkiPath("moica-ca.before.crl.pem"), before));
        REQUIRE(QFile::copy(pkiPath("moica-ca.crl.pem"), after));
        REQUIRE(QFile::link(before, crl));
        TestServer server({ .crls = {}, .extraArguments = { "--crl", crl } });
        const HttpClient client = server.client();
        REQUIRE(loginAs(client, "revoked").status == 200);
        const QString link = dir.filePath("next-link");
        REQUIRE(QFile::link(after, link));
        REQUIRE(std::rename(link.toLocal8Bit().constData(), crl.toLocal8Bit().constData()) == 0);
        CHECK(loginAs(client, "revoked").status == 200); // still the old CRL
        REQUIRE(::kill(static_cast<pid_t>(server.processId()), SIGHUP) == 0);
        REQUIRE(logSays(server, "trust: loaded again"));
        CHECK(server.log().contains("trust: SIGHUP"));
        CHECK(loginAs(client, "revoked").error() == "certificate-revoked");
    }
    SECTION("a CRL the server cannot use is refused, and the one in force stays")
    {
        REQUIRE(QFile::copy(pkiPath("moica-ca.crl.pem"), crl));
        TestServer server({ .crls = {}, .extraArguments = { "--crl", crl } });
        const HttpClient client = server.client();
        REQUIRE(loginAs(client, "revoked").error() == "certificate-revoked");
        replaceFile(crl, pkiPath("moica-ca.idp.crl.pem"));
        REQUIRE(logSays(server, "trust: not loaded again"));
        CHECK(server.log().contains("issuingDistributionPoint"));
        replaceFile(crl, pkiPath("moica-ca.critical.crl.pem"));
        REQUIRE(logSays(server, "trust: not loaded again", 2));
        CHECK(server.log().contains("critical extension"));
        CHECK(loginAs(client, "revoked").error() == "certificate-revoked");
    }
}
