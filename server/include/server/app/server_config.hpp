#pragma once

#include "server/http/json_body.hpp"
#include "server/http/service_limits.hpp"

#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <stdexcept>

namespace server::app {

/// Everything the command line (and its --config file) sets. Durations are configurable so an
/// administrator can follow local policy (and the tests can watch an expiry without waiting half an
/// hour).
struct ServerConfig {
    QHostAddress host = QHostAddress::LocalHost;
    quint16 port = 8443;
    QString database; ///< file path or postgresql:// URL
    QString seedFile; ///< optional
    QString origin; ///< the public origin card logins are signed for
    QString trustDir;
    QString ocspUrl; ///< optional; without it the CRLs decide
    QStringList crlFiles;
    int ocspTimeoutMs = 5000;
    /// certificatePolicies a login certificate may carry; empty: the defaults of
    /// login::LoginCertificateRules (GPKI assurance level 3).
    QStringList certificatePolicies;
    /// The issuing CAs' organizationalUnitName for citizen (MOICA) and agency (GCA) cards.
    QString citizenIssuer = QStringLiteral("內政部憑證管理中心");
    QString agencyIssuer = QStringLiteral("政府憑證管理中心");
    QString tlsCertFile, tlsKeyFile;

    int nonceLifetimeSeconds = 300;
    int activationLifetimeSeconds = 600;
    int sessionIdleSeconds = 30 * 60;
    int sessionAbsoluteSeconds = 8 * 60 * 60;
    int passwordLockoutSeconds = 15 * 60;
    int passwordLockoutAfter = 5; ///< consecutive failures
    int idempotencyKeepHours = 48;
    http::RequestLimits limits;
    http::ServiceLimits service;
};

class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Parses the arguments (without the program name). `--config FILE` reads a `key = value` file
/// (readConfigFile) whose keys are the long options without `--`; it is applied first, so the
/// command line overrides it key by key (a `--crl` on the command line replaces the file's list).
/// Throws ConfigError naming the option, or FILE:LINE for a problem in the file.
ServerConfig parseServerConfig(const QStringList& arguments);

/// The --help text.
QString serverUsage();

} // namespace server::app
