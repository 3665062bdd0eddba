// server::app::parseServerConfig with --config: what the packaged systemd unit runs
// (`shiqiuren-server --config …/server.conf`), so the database password stays off the command line.
#include "server/app/config_file.hpp"
#include "server/app/server_config.hpp"

#include <QFile>
#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <string>

using namespace server::app;

namespace {

const QString kOrigin = QStringLiteral("https://recruit.example.gov.tw");

// A temporary folder holding one configuration file with `text`.
struct ConfigFixture {
    QTemporaryDir dir;
    QString path;

    explicit ConfigFixture(const QByteArray& text)
        : path(dir.filePath(QStringLiteral("server.conf")))
    {
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        REQUIRE(file.write(text) == text.size());
    }

    ServerConfig parse(QStringList more = {}) const
    {
        return parseServerConfig(QStringList { QStringLiteral("--config"), path } + more);
    }

    // The ConfigError message of parsing; fails the test when the file is accepted.
    std::string error(QStringList more = {}) const
    {
        try {
            parse(more);
        } catch (const ConfigError& e) {
            return e.what();
        }
        FAIL("accepted");
        return {};
    }
};

const QByteArray kComplete = "# the reference service\n"
                             "\n"
                             "listen = 0.0.0.0:9443\n"
                             "db = /var/lib/shiqiuren-server/shiqiuren.sqlite\n"
                             "origin = https://recruit.example.gov.tw\n"
                             "   trust=/etc/shiqiuren-server/trust   \n"
                             "crl = /etc/shiqiuren-server/crl/moica.crl\n"
                             "crl = /etc/shiqiuren-server/crl/gca.crl\n"
                             "ocsp-timeout-ms = 2500\n"
                             "session-idle = 600\n";

} // namespace

TEST_CASE("every key of the file sets its option", "[config]")
{
    const ConfigFixture fixture(kComplete);
    const ServerConfig config = fixture.parse();
    CHECK(config.host.toString() == QStringLiteral("0.0.0.0"));
    CHECK(config.port == 9443);
    CHECK(config.database == QStringLiteral("/var/lib/shiqiuren-server/shiqiuren.sqlite"));
    CHECK(config.origin == kOrigin);
    CHECK(config.trustDir == QStringLiteral("/etc/shiqiuren-server/trust"));
    CHECK(config.crlFiles
        == QStringList { QStringLiteral("/etc/shiqiuren-server/crl/moica.crl"),
            QStringLiteral("/etc/shiqiuren-server/crl/gca.crl") });
    CHECK(config.ocspTimeoutMs == 2500);
    CHECK(config.sessionIdleSeconds == 600);
    CHECK(config.sessionAbsoluteSeconds == 8 * 60 * 60); // untouched keep their defaults
}

TEST_CASE("a value keeps its '=' and '#', so a password can hold them", "[config]")
{
    const ConfigFixture fixture("db = postgresql://hr:p=a#ss@db.example/recruit\n"
                                "origin = https://recruit.example.gov.tw\n"
                                "trust = /t\n");
    CHECK(fixture.parse().database == QStringLiteral("postgresql://hr:p=a#ss@db.example/recruit"));
}

TEST_CASE("the command line overrides the file, key by key", "[config]")
{
    const ConfigFixture fixture(kComplete);
    const ServerConfig config = fixture.parse({ QStringLiteral("--db"), QStringLiteral("/tmp/x.db"),
        QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0") });
    CHECK(config.database == QStringLiteral("/tmp/x.db"));
    CHECK(config.port == 0);
    CHECK(config.trustDir == QStringLiteral("/etc/shiqiuren-server/trust"));
    CHECK(config.crlFiles.size() == 2);

    SECTION("a --config after the options is read first all the same")
    {
        const ServerConfig late = parseServerConfig({ QStringLiteral("--db"),
            QStringLiteral("/tmp/y.db"), QStringLiteral("--config"), fixture.path });
        CHECK(late.database == QStringLiteral("/tmp/y.db"));
    }
    SECTION("--crl on the command line replaces the file's list")
    {
        const ServerConfig crls = fixture.parse({ QStringLiteral("--crl"), QStringLiteral("/c1"),
            QStringLiteral("--crl"), QStringLiteral("/c2") });
        CHECK(crls.crlFiles == QStringList { QStringLiteral("/c1"), QStringLiteral("/c2") });
    }
}

TEST_CASE("the file still has to name what the server needs", "[config]")
{
    const ConfigFixture fixture("db = /d.sqlite\ntrust = /t\n");
    CHECK_THAT(fixture.error(), Catch::Contains("--origin is required"));
    CHECK(fixture.parse({ QStringLiteral("--origin"), kOrigin }).origin == kOrigin);
}

TEST_CASE("problems in the file are named by FILE:LINE", "[config]")
{
    SECTION("an unknown key")
    {
        const ConfigFixture fixture("db = /d.sqlite\n\n# note\nport = 8443\n");
        const std::string message = fixture.error();
        CHECK_THAT(message, Catch::Contains(fixture.path.toStdString() + ":4:"));
        CHECK_THAT(message, Catch::Contains("unknown key \"port\""));
    }
    SECTION("a line that is not key = value never repeats its text (it may be a password)")
    {
        const ConfigFixture fixture("db = /d.sqlite\nhunter2-secret\n");
        const std::string message = fixture.error();
        CHECK_THAT(message, Catch::Contains(fixture.path.toStdString() + ":2:"));
        CHECK_THAT(message, Catch::Contains("key = value"));
        CHECK_THAT(message, !Catch::Contains("hunter2"));
    }
    SECTION("a key that is not an option name")
    {
        const ConfigFixture fixture("Tls Cert = /c.pem\n");
        CHECK_THAT(fixture.error(), Catch::Contains(":1: expected \"key = value\""));
    }
    SECTION("a key written as an option")
    {
        const ConfigFixture fixture("--db = /d.sqlite\n");
        CHECK_THAT(fixture.error(), Catch::Contains(":1: write the key without the leading --"));
    }
    SECTION("a key without a value")
    {
        const ConfigFixture fixture("origin = https://recruit.example.gov.tw\nseed =\n");
        CHECK_THAT(fixture.error(), Catch::Contains(":2: seed needs a value"));
    }
    SECTION("a key given twice, unless it is repeatable")
    {
        const ConfigFixture fixture("db = /a.sqlite\ncrl = /1\ncrl = /2\ndb = /b.sqlite\n");
        CHECK_THAT(fixture.error(), Catch::Contains(":4: db is already set on line 1"));
    }
    SECTION("a value the option refuses")
    {
        const ConfigFixture fixture("db = /d.sqlite\nocsp-timeout-ms = soon\n");
        const std::string message = fixture.error();
        CHECK_THAT(message, Catch::Contains(":2: --ocsp-timeout-ms needs a whole number"));
    }
    SECTION("--config is not a key of the file")
    {
        const ConfigFixture fixture("config = /etc/other.conf\n");
        CHECK_THAT(fixture.error(), Catch::Contains(":1: unknown key \"config\""));
    }
}

TEST_CASE("a file that cannot be read, or --config twice, is refused", "[config]")
{
    const QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("missing.conf"));
    try {
        parseServerConfig({ QStringLiteral("--config"), missing });
        FAIL("accepted a missing file");
    } catch (const ConfigError& e) {
        CHECK_THAT(std::string(e.what()), Catch::Contains(missing.toStdString()));
        CHECK_THAT(std::string(e.what()), Catch::Contains("cannot read"));
    }
    const ConfigFixture fixture(kComplete);
    CHECK_THAT(fixture.error({ QStringLiteral("--config"), fixture.path }),
        Catch::Contains("--config can be given only once"));
}

TEST_CASE("readConfigFile keeps the line numbers", "[config]")
{
    const ConfigFixture fixture("\n# c\nlisten = 127.0.0.1:1\r\n  # indented comment\nseed = /s\n");
    const std::vector<ConfigFileEntry> entries = readConfigFile(fixture.path);
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].key == QStringLiteral("listen"));
    CHECK(entries[0].value == QStringLiteral("127.0.0.1:1"));
    CHECK(entries[0].line == 3);
    CHECK(entries[1].key == QStringLiteral("seed"));
    CHECK(entries[1].line == 5);
}

TEST_CASE("the service limits: defaults, file keys, flags and bounds", "[config]")
{
    const ConfigFixture fixture(kComplete);
    const ServerConfig defaults = fixture.parse();
    CHECK(defaults.service.workers == 4);
    CHECK(defaults.service.queue == 64);
    CHECK(defaults.service.maxConnections == 256);
    CHECK(defaults.service.requestTimeoutSeconds == 20);
    CHECK(defaults.service.passwordClientPerMinute == 20);
    CHECK(defaults.service.passwordGlobalPerMinute == 240);
    CHECK_FALSE(defaults.service.behindProxy);

    const ConfigFixture limits(kComplete
        + "workers = 0\nqueue = 2\nmax-connections = 9\nrequest-timeout = 5\n"
          "password-client-limit = 3\npassword-global-limit = 30\nbehind-proxy = yes\n");
    const ServerConfig set = limits.parse();
    CHECK(set.service.workers == 0); // 0: every handler on the event loop
    CHECK(set.service.queue == 2);
    CHECK(set.service.maxConnections == 9);
    CHECK(set.service.requestTimeoutSeconds == 5);
    CHECK(set.service.passwordClientPerMinute == 3);
    CHECK(set.service.passwordGlobalPerMinute == 30);
    CHECK(set.service.behindProxy);
    CHECK(limits.parse({ "--workers", "8" }).service.workers == 8);

    // On the command line --behind-proxy is a flag: it takes no value.
    const ServerConfig flagged = fixture.parse({ "--behind-proxy", "--workers", "2" });
    CHECK(flagged.service.behindProxy);
    CHECK(flagged.service.workers == 2);

    CHECK_THAT(fixture.error({ "--workers", "-1" }), Catch::Contains("--workers"));
    CHECK_THAT(fixture.error({ "--queue", "0" }), Catch::Contains("--queue"));
    CHECK_THAT(
        fixture.error({ "--request-timeout", "soon" }), Catch::Contains("--request-timeout"));
    const ConfigFixture maybe(kComplete + "behind-proxy = maybe\n");
    CHECK_THAT(maybe.error(), Catch::Contains("yes or no"));
}
