#include "server/app/server_app.hpp"

#include "server/accounts/password_gate.hpp"
#include "server/accounts/session_store.hpp"
#include "server/app/routes.hpp"
#include "server/login/revocation_checker.hpp"
#include "server/login/trust_store.hpp"
#include "server/seed/seed_loader.hpp"
#include "server/storage/database_url.hpp"
#include "server/storage/schema.hpp"
#include "server/storage/sql.hpp"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QUuid>

namespace server::app {
namespace {

QSslConfiguration tlsConfiguration(const ServerConfig& config)
{
    QFile certFile(config.tlsCertFile);
    QFile keyFile(config.tlsKeyFile);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        throw StartupError("cannot read --tls-cert or --tls-key");
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll());
    // Read once: the RSA attempt must not use up the file an EC key is then parsed from.
    const QByteArray pem = keyFile.readAll();
    QSslKey key(pem, QSsl::Rsa);
    if (key.isNull())
        key = QSslKey(pem, QSsl::Ec);
    if (chain.isEmpty() || key.isNull())
        throw StartupError("--tls-cert or --tls-key does not hold a PEM certificate/key");
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    return tls;
}

/// Passwords and session tokens must not cross a network in clear: plain HTTP is served on
/// loopback only, unless a TLS-terminating reverse proxy in front is declared.
void refusePlainHttpOffLoopback(const ServerConfig& config)
{
    if (!config.tlsCertFile.isEmpty() || config.host.isLoopback() || config.service.behindProxy)
        return;
    throw StartupError("plain HTTP on " + config.host.toString().toStdString()
        + " would send passwords and session tokens in clear: give --tls-cert and --tls-key, "
          "listen on loopback, or give --behind-proxy when a TLS-terminating reverse proxy "
          "forwards to this address");
}

} // namespace

ServerApp::ServerApp(const ServerConfig& config)
    : connectionName_(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    refusePlainHttpOffLoopback(config);
    context_.config = config;
    try {
        context_.db.open(storage::parseDatabaseTarget(config.database), connectionName_);
        if (!context_.db.sharedAcrossThreads() && context_.config.service.workers > 0) {
            qInfo("an SQLite :memory: database lives in one connection: handling requests on the "
                  "event loop (--workers 0)");
            context_.config.service.workers = 0;
        }
        {
            const storage::StartupLock oneAtATime(context_.db);
            storage::migrate(context_.db);
            if (!config.seedFile.isEmpty())
                seed::loadSeed(context_, config.seedFile);
        }
        context_.trust = std::make_shared<login::TrustStore>(
            login::TrustStore::load(config.trustDir, config.crlFiles));
        login::RevocationOptions revocation;
        revocation.ocspUrl = config.ocspUrl;
        revocation.ocspTimeout = std::chrono::milliseconds(config.ocspTimeoutMs);
        context_.revocation = std::make_shared<login::RevocationChecker>(revocation);
        context_.passwordGate = std::make_shared<accounts::PasswordGate>(
            config.service.passwordClientPerMinute, config.service.passwordGlobalPerMinute);
        trustReloader_ = std::make_unique<login::TrustReloader>(context_);
    } catch (const StartupError&) {
        throw;
    } catch (const std::exception& error) {
        throw StartupError(error.what());
    }

    const ServiceContext& context = context_;
    server_ = std::make_unique<http::ApiServer>(
        buildRouter(context_),
        [&context](const http::HttpRequest& request, http::Access access) {
            return accounts::admit(context, request, access);
        },
        config.limits, context_.config.service);
    std::optional<QSslConfiguration> tls;
    if (!config.tlsCertFile.isEmpty())
        tls = tlsConfiguration(config);
    port_ = server_->listenOn(config.host, config.port, tls);
    if (port_ == 0)
        throw StartupError("cannot listen on " + config.host.toString().toStdString() + ":"
            + std::to_string(config.port));
}

ServerApp::~ServerApp()
{
    server_.reset(); // joins the workers, which close their own connections
    context_.db.close();
}

QString ServerApp::baseUrl() const
{
    const QString scheme = context_.config.tlsCertFile.isEmpty() ? "http" : "https";
    QString host = context_.config.host.toString();
    if (context_.config.host.protocol() == QAbstractSocket::IPv6Protocol)
        host = u'[' + host + u']';
    return QStringLiteral("%1://%2:%3").arg(scheme, host).arg(port_);
}

} // namespace server::app
