#include "server/app/server_config.hpp"

#include "core/auth/auth_token.hpp"

#include <QUrl>

namespace server::app {
namespace {

int positiveNumber(const QString& option, const QString& text, int max)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value <= 0 || value > max)
        throw ConfigError(QStringLiteral("%1 needs a whole number from 1 to %2, not \"%3\"")
                              .arg(option)
                              .arg(max)
                              .arg(text)
                              .toStdString());
    return value;
}

void parseListen(ServerConfig& config, const QString& text)
{
    const qsizetype colon = text.lastIndexOf(u':');
    QString host = colon < 0 ? QString() : text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = colon < 0 ? 0 : text.mid(colon + 1).toUInt(&ok);
    QHostAddress address;
    if (host == QLatin1String("localhost"))
        address = QHostAddress::LocalHost;
    else if (!address.setAddress(host))
        ok = false;
    if (!ok || port > 65535)
        throw ConfigError(("--listen needs HOST:PORT (e.g. 127.0.0.1:8443, port 0 = any free), "
                           "not \""
            + text + "\"")
                              .toStdString());
    config.host = address;
    config.port = static_cast<quint16>(port);
}

} // namespace

ServerConfig parseServerConfig(const QStringList& arguments)
{
    ServerConfig config;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& option = arguments[i];
        auto value = [&]() -> QString {
            if (i + 1 >= arguments.size())
                throw ConfigError((option + " needs a value").toStdString());
            return arguments[++i];
        };
        if (option == QLatin1String("--listen"))
            parseListen(config, value());
        else if (option == QLatin1String("--db"))
            config.database = value();
        else if (option == QLatin1String("--seed"))
            config.seedFile = value();
        else if (option == QLatin1String("--origin"))
            config.origin = value();
        else if (option == QLatin1String("--trust"))
            config.trustDir = value();
        else if (option == QLatin1String("--ocsp"))
            config.ocspUrl = value();
        else if (option == QLatin1String("--crl"))
            config.crlFiles.append(value());
        else if (option == QLatin1String("--ocsp-timeout-ms"))
            config.ocspTimeoutMs = positiveNumber(option, value(), 60000);
        else if (option == QLatin1String("--tls-cert"))
            config.tlsCertFile = value();
        else if (option == QLatin1String("--tls-key"))
            config.tlsKeyFile = value();
        else if (option == QLatin1String("--nonce-lifetime"))
            config.nonceLifetimeSeconds = positiveNumber(option, value(), 3600);
        else if (option == QLatin1String("--session-idle"))
            config.sessionIdleSeconds = positiveNumber(option, value(), 86400);
        else if (option == QLatin1String("--session-absolute"))
            config.sessionAbsoluteSeconds = positiveNumber(option, value(), 7 * 86400);
        else if (option == QLatin1String("--password-lockout"))
            config.passwordLockoutSeconds = positiveNumber(option, value(), 86400);
        else if (option == QLatin1String("--max-body"))
            config.limits.maxBodyBytes = positiveNumber(option, value(), 64 * 1024 * 1024);
        else
            throw ConfigError(("unknown option " + option + " (see --help)").toStdString());
    }
    if (config.database.isEmpty())
        throw ConfigError("--db is required (a file path or a postgresql:// URL)");
    if (config.trustDir.isEmpty())
        throw ConfigError("--trust is required (a directory of CA certificates)");
    if (config.origin.isEmpty())
        throw ConfigError(
            "--origin is required (the public origin, e.g. https://recruit.example.gov.tw)");
    try {
        // authDigest refuses exactly what a client would refuse to sign for.
        core::auth::authDigest(
            config.origin, QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
    } catch (const core::auth::TokenError&) {
        throw ConfigError(("--origin must be https://host[:port] in canonical form (http only on "
                           "loopback), not \""
            + config.origin + "\"")
                              .toStdString());
    }
    if (config.tlsCertFile.isEmpty() != config.tlsKeyFile.isEmpty())
        throw ConfigError("--tls-cert and --tls-key go together");
    if (config.sessionIdleSeconds > config.sessionAbsoluteSeconds)
        throw ConfigError("--session-idle cannot be longer than --session-absolute");
    return config;
}

QString serverUsage()
{
    return QStringLiteral(
        "Usage: shiqiuren-server --listen HOST:PORT --db PATH|postgresql://USER@HOST:PORT/DB\n"
        "                        --origin URL --trust DIR [--seed FILE] [--ocsp URL] [--crl "
        "FILE]...\n"
        "                        [--tls-cert FILE --tls-key FILE]\n"
        "\n"
        "  --listen HOST:PORT     where to listen (port 0 = any free port; the port is printed)\n"
        "  --db SPEC              SQLite file, or postgresql://user[:password]@host:port/db\n"
        "  --seed FILE            agencies, persons, applicants (e.g. server/seed/demo.json)\n"
        "  --origin URL           the public origin card logins are signed for\n"
        "  --trust DIR            CA certificates (PEM or DER): self-signed = anchors\n"
        "  --ocsp URL             OCSP responder; the CRLs are the fallback\n"
        "  --crl FILE             a CRL (PEM or DER); repeat for several issuers\n"
        "  --ocsp-timeout-ms N    give up on the responder after N ms (default 5000)\n"
        "  --tls-cert/--tls-key   serve HTTPS with this certificate and key (PEM)\n"
        "  --nonce-lifetime S     login challenge lifetime (default 300)\n"
        "  --session-idle S       idle session expiry (default 1800)\n"
        "  --session-absolute S   absolute session expiry (default 28800)\n"
        "  --password-lockout S   lockout after repeated password failures (default 900)\n"
        "  --max-body BYTES       largest request body (default 262144)\n"
        "\n"
        "       shiqiuren-server --hash-password   reads a password on stdin, prints its scrypt "
        "hash\n"
        "       shiqiuren-server --print-routes    lists every route the server serves\n");
}

} // namespace server::app
