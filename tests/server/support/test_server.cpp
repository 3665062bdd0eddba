#include "test_server.hpp"

#include "server/storage/database_url.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcessEnvironment>
#include <QThread>
#include <QUrl>
#include <atomic>
#include <catch2/catch.hpp>

namespace servertest {

namespace {

QString env(const char* name)
{
    return qEnvironmentVariable(name);
}

/// A new PostgreSQL database from the project's stack script; the URL without its password.
QString newPostgresDatabase(QString* password)
{
    static std::atomic<int> counter { 0 };
    const QString script = env("SHIQIUREN_PG_STACK");
    REQUIRE_FALSE(script.isEmpty());
    const QString name = QStringLiteral("srv_%1_%2")
                             .arg(QCoreApplication::applicationPid())
                             .arg(counter.fetch_add(1));
    QProcess process;
    process.start(QStringLiteral("bash"), { script, QStringLiteral("newdb"), name });
    REQUIRE(process.waitForFinished(60000));
    INFO(process.readAllStandardError().toStdString());
    REQUIRE(process.exitCode() == 0);
    QUrl url(QString::fromUtf8(process.readAllStandardOutput().trimmed()));
    REQUIRE(url.isValid());
    *password = url.password();
    url.setPassword(QString());
    return url.toString();
}

} // namespace

QString pkiPath(const QString& name)
{
    const QString dir = env("SHIQIUREN_TEST_PKI");
    REQUIRE_FALSE(dir.isEmpty());
    return dir + u'/' + name;
}

QString seedPath(const QString& name)
{
    if (QDir::isAbsolutePath(name))
        return name;
    return env("SHIQIUREN_TEST_SERVER_SEEDS") + u'/' + name;
}

TestServer::TestServer(ServerOptions options)
    : options_(std::move(options))
    , dir_(std::make_unique<QTemporaryDir>())
{
    const QString kind = env("SHIQIUREN_TEST_DB");
    postgres_ = kind == QLatin1String("postgres");
    if (!postgres_)
        REQUIRE((kind.isEmpty() || kind == QLatin1String("sqlite")));
    database_ = postgres_ ? newPostgresDatabase(&password_) : dir_->filePath("server.sqlite");
    start();
}

TestServer::TestServer(ServerOptions options, QString database, bool postgres, QString password)
    : options_(std::move(options))
    , database_(std::move(database))
    , password_(std::move(password))
    , postgres_(postgres)
{
    start();
}

std::unique_ptr<TestServer> TestServer::sibling() const
{
    return std::unique_ptr<TestServer>(new TestServer(options_, database_, postgres_, password_));
}

TestServer::~TestServer()
{
    stop();
}

void TestServer::start(const QString& listen)
{
    QStringList arguments { "--listen", listen, "--db", database_, "--origin", testOrigin,
        "--trust", pkiPath(options_.trust) };
    for (const QString& crl : options_.crls)
        arguments << "--crl" << pkiPath(crl);
    if (!options_.ocspUrl.isEmpty())
        arguments << "--ocsp" << options_.ocspUrl;
    if (!options_.seed.isEmpty())
        arguments << "--seed" << seedPath(options_.seed);
    arguments << options_.extraArguments;

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!password_.isEmpty())
        environment.insert("PGPASSWORD", password_); // never on the command line
    process_.setProcessEnvironment(environment);
    process_.start(env("SHIQIUREN_SERVER_BIN"), arguments);
    REQUIRE(process_.waitForStarted(10000));
    QElapsedTimer timer;
    timer.start();
    QByteArray out;
    while (!out.contains('\n') && timer.elapsed() < 30000) {
        if (!process_.waitForReadyRead(200) && process_.state() != QProcess::Running)
            break;
        out += process_.readAllStandardOutput();
    }
    stderr_ += process_.readAllStandardError();
    INFO("server stderr: " << stderr_.toStdString());
    const QByteArray marker = "listening on ";
    REQUIRE(out.contains(marker));
    baseUrl_ = QString::fromLatin1(out.mid(out.indexOf(marker) + marker.size()).trimmed());
}

QSqlDatabase TestServer::openDatabase(const QString& connectionName) const
{
    server::storage::DatabaseTarget target = server::storage::parseDatabaseTarget(database_);
    target.password = password_;
    return server::storage::openDatabase(target, connectionName);
}

QString TestServer::log()
{
    stderr_ += process_.readAllStandardError();
    return QString::fromUtf8(stderr_);
}

void TestServer::stop()
{
    if (process_.state() == QProcess::NotRunning)
        return;
    process_.terminate();
    if (!process_.waitForFinished(10000)) {
        process_.kill();
        process_.waitForFinished(5000);
    }
    stderr_ += process_.readAllStandardError();
}

void TestServer::restart()
{
    stop();
    start();
}

void TestServer::restartAtSameAddress()
{
    const QUrl url(baseUrl_);
    stop();
    start(QStringLiteral("%1:%2").arg(url.host()).arg(url.port()));
    REQUIRE(QUrl(baseUrl_).port() == url.port());
}

} // namespace servertest
