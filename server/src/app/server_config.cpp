#include "server/app/server_config.hpp"

#include "core/auth/auth_token.hpp"
#include "server/app/config_file.hpp"

#include <QRegularExpression>
#include <QUrl>
#include <map>
#include <utility>
#include <vector>

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

int wholeNumber(const QString& option, const QString& text, int min, int max)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < min || value > max)
        throw ConfigError(QStringLiteral("%1 needs a whole number from %2 to %3, not \"%4\"")
                              .arg(option)
                              .arg(min)
                              .arg(max)
                              .arg(text)
                              .toStdString());
    return value;
}

bool yesNo(const QString& option, const QString& text)
{
    const QString value = text.toLower();
    if (value == u"true" || value == u"yes")
        return true;
    if (value == u"false" || value == u"no")
        return false;
    throw ConfigError(QStringLiteral("%1 is yes or no (true or false), not \"%2\"")
                          .arg(option, text)
                          .toStdString());
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

/// One long option: its name without "--", whether it may be given more than once, and what it
/// sets. The command line and the configuration file both go through this table. A flag takes no
/// value on the command line (it means "yes") and yes/no in the file.
struct OptionSpec {
    const char* name;
    bool repeatable;
    void (*apply)(ServerConfig&, const QString& option, const QString& value);
    bool flag = false;
};

const std::vector<OptionSpec>& optionTable()
{
    static const std::vector<OptionSpec> table {
        { "listen", false,
            [](ServerConfig& c, const QString&, const QString& v) { parseListen(c, v); } },
        { "db", false, [](ServerConfig& c, const QString&, const QString& v) { c.database = v; } },
        { "seed", false,
            [](ServerConfig& c, const QString&, const QString& v) { c.seedFile = v; } },
        { "origin", false,
            [](ServerConfig& c, const QString&, const QString& v) { c.origin = v; } },
        { "trust", false,
            [](ServerConfig& c, const QString&, const QString& v) { c.trustDir = v; } },
        { "ocsp", false, [](ServerConfig& c, const QString&, const QString& v) { c.ocspUrl = v; } },
        { "crl", true,
            [](ServerConfig& c, const QString&, const QString& v) { c.crlFiles.append(v); } },
        { "certificate-policy", true,
            [](ServerConfig& c, const QString& o, const QString& v) {
                static const QRegularExpression oid(QStringLiteral("^[0-2](\\.(0|[1-9][0-9]*))+$"));
                if (!oid.match(v).hasMatch())
                    throw ConfigError(QStringLiteral("%1 needs a dotted OID, not \"%2\"")
                                          .arg(o, v)
                                          .toStdString());
                c.certificatePolicies.append(v);
            } },
        { "citizen-issuer", false,
            [](ServerConfig& c, const QString&, const QString& v) { c.citizenIssuer = v; } },
        { "agency-issuer", false,
            [](ServerConfig& c, const QString&, const QString& v) { c.agencyIssuer = v; } },
        { "ocsp-timeout-ms", false,
            [](ServerConfig& c, const QString& o, const QString& v) {
                c.ocspTimeoutMs = positiveNumber(o, v, 60000);
            } },
        { "tls-cert", false,
            [](ServerConfig& c, const QString&, const QString& v) { c.tlsCertFile = v; } },
        { "tls-key", false,
            [](ServerConfig& c, const QString&, const QString& v) { c.tlsKeyFile = v; } },
        { "nonce-lifetime", false,
            [](ServerConfig& c, const QString& o, const QString& v) {
                c.nonceLifetimeSeconds = positiveNumber(o, v, 3600);
            } },
        { "session-idle", false,
            [](ServerConfig& c, const QString& o, const QString& v) {
                c.sessionIdleSeconds = positiveNumber(o, v, 86400);
            } },
        { "session-absolute", false,
            [](ServerConfig& c, const QString& o, const QString& v) {
                c.sessionAbsoluteSeconds = positiveNumber(o, v, 7 * 86400);
            } },
        { "password-lockout", false,
            [](ServerConfig& c, const QString& o, const QString& v) {
                c.passwordLockoutSeconds = positiveNumber(o, v, 86400);
            } },
        { "max-body", false,
            [](ServerConfig& c, const QString& o, const QString& v) {
                c.limits.maxBodyBytes = positiveNumber(o, v, 64 * 1024 * 1024);
            } },
        { "workers", false,
            [](ServerConfig& c, const QString& o, const QString& v) {
                c.service.workers = wholeNumber(o, v, 0, 256);
            } },
        { "queue", false,
            [](ServerConfig& c, const QString& o, const QString& v) {
                c.service.queue = positiveNumber(o, v, 100000);
            } },
        { "max-connections", false,
            [](ServerConfig& c, const QString& o, const QString& v) {
                c.service.maxConnections = positiveNumber(o, v, 100000);
            } },
        { "request-timeout", false,
            [](ServerConfig& c, const QString& o, const QString& v) {
                c.service.requestTimeoutSeconds = positiveNumber(o, v, 3600);
            } },
        { "password-client-limit", false,
            [](ServerConfig& c, const QString& o, const QString& v) {
                c.service.passwordClientPerMinute = positiveNumber(o, v, 100000);
            } },
        { "password-global-limit", false,
            [](ServerConfig& c, const QString& o, const QString& v) {
                c.service.passwordGlobalPerMinute = positiveNumber(o, v, 1000000);
            } },
        { "behind-proxy", false,
            [](ServerConfig& c, const QString& o, const QString& v) {
                c.service.behindProxy = yesNo(o, v);
            },
            true },
    };
    return table;
}

const OptionSpec* findOption(const QString& name)
{
    for (const OptionSpec& spec : optionTable()) {
        if (name == QLatin1String(spec.name))
            return &spec;
    }
    return nullptr;
}

/// Applies the file's entries. A key given on the command line is skipped here (the command line
/// wins); for the repeatable --crl that means the command line's list replaces the file's.
void applyConfigFile(ServerConfig& config, const QString& path, const QStringList& givenNames)
{
    std::map<QString, int> seenOnLine;
    for (const ConfigFileEntry& entry : readConfigFile(path)) {
        const auto fail = [&](const QString& problem) {
            throw ConfigError(
                QStringLiteral("%1:%2: %3").arg(path).arg(entry.line).arg(problem).toStdString());
        };
        const OptionSpec* spec = findOption(entry.key);
        if (spec == nullptr)
            fail(QStringLiteral("unknown key \"%1\" (the keys are the long options of --help, "
                                "without --)")
                     .arg(entry.key));
        const auto [seen, first] = seenOnLine.emplace(entry.key, entry.line);
        if (!first && !spec->repeatable)
            fail(QStringLiteral("%1 is already set on line %2").arg(entry.key).arg(seen->second));
        if (givenNames.contains(entry.key))
            continue;
        try {
            spec->apply(config, QStringLiteral("--") + entry.key, entry.value);
        } catch (const ConfigError& error) {
            fail(QString::fromStdString(error.what()));
        }
    }
}

void checkServerConfig(const ServerConfig& config)
{
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
    if (config.citizenIssuer.isEmpty() || config.agencyIssuer.isEmpty()
        || config.citizenIssuer == config.agencyIssuer)
        throw ConfigError("--citizen-issuer and --agency-issuer must be two different names");
    if (config.sessionIdleSeconds > config.sessionAbsoluteSeconds)
        throw ConfigError("--session-idle cannot be longer than --session-absolute");
}

} // namespace

ServerConfig parseServerConfig(const QStringList& arguments)
{
    // The command line as (name, value) pairs; the file named by --config is applied first, so
    // that every option given on the command line overrides it.
    QString configFile;
    std::vector<std::pair<const OptionSpec*, QString>> given;
    QStringList givenNames;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& option = arguments[i];
        const QString name = option.startsWith(QLatin1String("--")) ? option.mid(2) : QString();
        const OptionSpec* spec = findOption(name);
        if (spec == nullptr && name != QLatin1String("config"))
            throw ConfigError(("unknown option " + option + " (see --help)").toStdString());
        if (spec != nullptr && spec->flag) {
            given.emplace_back(spec, QStringLiteral("yes"));
            givenNames.append(name);
            continue;
        }
        if (i + 1 >= arguments.size())
            throw ConfigError((option + " needs a value").toStdString());
        const QString value = arguments[++i];
        if (spec == nullptr) {
            if (!configFile.isEmpty())
                throw ConfigError("--config can be given only once");
            configFile = value;
            continue;
        }
        given.emplace_back(spec, value);
        givenNames.append(name);
    }
    ServerConfig config;
    if (!configFile.isEmpty())
        applyConfigFile(config, configFile, givenNames);
    for (const auto& [spec, value] : given)
        spec->apply(config, QStringLiteral("--") + QLatin1String(spec->name), value);
    checkServerConfig(config);
    return config;
}

QString serverUsage()
{
    return QStringLiteral(
        "Usage: shiqiuren-server --config FILE [OPTION VALUE]...\n"
        "       shiqiuren-server --listen HOST:PORT --db PATH|postgresql://USER@HOST:PORT/DB\n"
        "                        --origin URL --trust DIR [--seed FILE] [--ocsp URL] [--crl "
        "FILE]...\n"
        "                        [--tls-cert FILE --tls-key FILE]\n"
        "\n"
        "  --config FILE          read options from FILE: one \"key = value\" a line, the keys\n"
        "                         being the long options below without --, # starts a comment;\n"
        "                         options on the command line override the file. Put the\n"
        "                         PostgreSQL password here, never on the command line\n"
        "  --listen HOST:PORT     where to listen (port 0 = any free port; the port is printed)\n"
        "  --db SPEC              SQLite file, or postgresql://user[:password]@host:port/db\n"
        "  --seed FILE            agencies, persons, applicants (e.g. server/seed/demo.json)\n"
        "  --origin URL           the public origin card logins are signed for\n"
        "  --trust DIR            CA certificates (PEM or DER): self-signed = anchors\n"
        "  --ocsp URL             OCSP responder; the CRLs are the fallback\n"
        "  --crl FILE             a CRL (PEM or DER); repeat for several issuers\n"
        "  --ocsp-timeout-ms N    give up on the responder after N ms (default 5000)\n"
        "  --certificate-policy OID  a policy login certificates may carry; repeat for several\n"
        "                         (default 2.16.886.101.0.3.3, GPKI assurance level 3)\n"
        "  --citizen-issuer OU    the issuing CA's OU for citizen cards (default "
        "內政部憑證管理中心)\n"
        "  --agency-issuer OU     the issuing CA's OU for agency cards (default 政府憑證管理中心)\n"
        "  --tls-cert/--tls-key   serve HTTPS with this certificate and key (PEM)\n"
        "  --nonce-lifetime S     login challenge lifetime (default 300)\n"
        "  --session-idle S       idle session expiry (default 1800)\n"
        "  --session-absolute S   absolute session expiry (default 28800)\n"
        "  --password-lockout S   lockout after repeated password failures (default 900)\n"
        "  --max-body BYTES       largest request body (default 262144)\n"
        "  --workers N            handler threads (default 4; 0 = all on the event loop)\n"
        "  --queue N              requests waiting for a worker before 503 (default 64)\n"
        "  --max-connections N    open connections before 503 (default 256)\n"
        "  --request-timeout S    a connection's time to send a whole request, also the idle\n"
        "                         keep-alive limit (default 20)\n"
        "  --password-client-limit N   password checks a minute per client address (default 20)\n"
        "  --password-global-limit N   password checks a minute in all (default 240)\n"
        "  --behind-proxy         a TLS-terminating reverse proxy forwards to us: plain HTTP off\n"
        "                         loopback is allowed and X-Forwarded-For names the client\n"
        "                         (in the file: behind-proxy = yes)\n"
        "\n"
        "       shiqiuren-server --hash-password   reads a password on stdin, prints its scrypt "
        "hash\n"
        "       shiqiuren-server --print-routes    lists every route the server serves\n"
        "       shiqiuren-server --help            prints this text\n");
}

} // namespace server::app
