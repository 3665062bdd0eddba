#include "server/app/server_app.hpp"

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

} // namespace

ServerApp::ServerApp(const ServerConfig& config)
    : connectionName_(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    context_.config = config;
    try {
        context_.db
            = storage::openDatabase(storage::parseDatabaseTarget(config.database), connectionName_);
        storage::migrate(context_.db);
        if (!config.seedFile.isEmpty())
            seed::loadSeed(context_, config.seedFile);
        context_.trust = std::make_shared<login::TrustStore>(
            login::TrustStore::load(config.trustDir, config.crlFiles));
        login::RevocationOptions revocation;
        revocation.ocspUrl = config.ocspUrl;
        revocation.ocspTimeout = std::chrono::milliseconds(config.ocspTimeoutMs);
        context_.revocation = std::make_shared<login::RevocationChecker>(revocation);
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
        config.limits);
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
    server_.reset();
    context_.db.close();
    context_.db = QSqlDatabase();
    QSqlDatabase::removeDatabase(connectionName_);
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
