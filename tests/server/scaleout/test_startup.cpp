// Instances started together on a fresh PostgreSQL database: both set it up (schema, seed) and
// serve, taking turns rather than racing to create the same tables.

#include "concurrent_requests.hpp"
#include "server/storage/database_url.hpp"
#include "test_server.hpp"

#include <QCoreApplication>
#include <QProcess>
#include <QSqlQuery>
#include <QUrl>
#include <catch2/catch.hpp>

using namespace servertest;
using namespace scaletest;

namespace {

/// A new, empty database from the suite's PostgreSQL stack; its URL with the password.
QUrl freshDatabase()
{
    QProcess stack;
    stack.start(QStringLiteral("bash"),
        { qEnvironmentVariable("SHIQIUREN_PG_STACK"), QStringLiteral("newdb"),
            QStringLiteral("scaleout_start_%1").arg(QCoreApplication::applicationPid()) });
    REQUIRE(stack.waitForFinished(60000));
    INFO(stack.readAllStandardError().toStdString());
    REQUIRE(stack.exitCode() == 0);
    const QUrl url(QString::fromUtf8(stack.readAllStandardOutput().trimmed()));
    REQUIRE(url.isValid());
    return url;
}

QSqlDatabase connect(const QUrl& url, const QString& name)
{
    QUrl plain = url;
    plain.setPassword(QString());
    server::storage::DatabaseTarget target = server::storage::parseDatabaseTarget(plain.toString());
    target.password = url.password();
    return server::storage::openDatabase(target, name);
}

void startServer(QProcess& process, const QUrl& url)
{
    QUrl plain = url;
    plain.setPassword(QString());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("PGPASSWORD", url.password());
    process.setProcessEnvironment(environment);
    process.start(qEnvironmentVariable("SHIQIUREN_SERVER_BIN"),
        { "--listen", "127.0.0.1:0", "--db", plain.toString(), "--origin", testOrigin, "--trust",
            pkiPath("trust"), "--crl", pkiPath("moica-ca.crl.pem"), "--seed",
            seedPath("test.json") });
    REQUIRE(process.waitForStarted(10000));
}

/// The URL the server printed once it listens; empty when it stopped instead.
QString listeningUrl(QProcess& process)
{
    QByteArray out;
    waitUntil(
        [&] {
            out += process.readAllStandardOutput();
            return out.contains('\n') || process.state() == QProcess::NotRunning;
        },
        "the server to listen or stop");
    out += process.readAllStandardOutput();
    const QByteArray marker = "listening on ";
    if (!out.contains(marker))
        return {};
    return QString::fromLatin1(out.mid(out.indexOf(marker) + marker.size()).trimmed());
}

void stop(QProcess& process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(10000)) {
        process.kill();
        process.waitForFinished(5000);
    }
}

} // namespace

TEST_CASE("scale-out: instances started together on a fresh database take turns to set it up",
    "[server][scaleout]")
{
    REQUIRE(qEnvironmentVariable("SHIQIUREN_TEST_DB") == "postgres");
    const QUrl url = freshDatabase();
    const QString holderName = QStringLiteral("scaleout-start-holder");
    const QString watcherName = QStringLiteral("scaleout-start-watcher");
    QProcess first;
    QProcess second;
    {
        QSqlDatabase holder = connect(url, holderName);
        QSqlDatabase watcher = connect(url, watcherName);
        // Line both instances up at the very first step: the test begins creating the schema's
        // first table and holds it, so whatever the instances do first waits behind it.
        REQUIRE(holder.transaction());
        QSqlQuery create(holder);
        REQUIRE(create.exec("CREATE TABLE schema_version (component TEXT PRIMARY KEY, "
                            "version INTEGER NOT NULL)"));
        startServer(first, url);
        startServer(second, url);
        waitUntil([&] { return backendsWaitingForLocks(watcher) == 2; },
            "both instances to wait at their first step");
        REQUIRE(holder.rollback());

        const QString firstUrl = listeningUrl(first);
        const QString secondUrl = listeningUrl(second);
        INFO("first: " << first.readAllStandardError().toStdString());
        INFO("second: " << second.readAllStandardError().toStdString());
        CHECK_FALSE(firstUrl.isEmpty());
        CHECK_FALSE(secondUrl.isEmpty());
        // Both serve the one seeded database.
        for (const QString& base : { firstUrl, secondUrl })
            if (!base.isEmpty())
                CHECK(HttpClient(base)
                          .sendJson("POST", "/api/v1/auth/password",
                              { { "account", "chen01" }, { "password", "Chen!2345" } })
                          .status
                    == 200);
        holder.close();
        watcher.close();
    }
    stop(first);
    stop(second);
    QSqlDatabase::removeDatabase(holderName);
    QSqlDatabase::removeDatabase(watcherName);
}
