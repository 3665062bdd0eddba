#pragma once

// Starts the real shiqiuren-server binary for one test: a fresh database (SQLite file or a new
// PostgreSQL database, by SHIQIUREN_TEST_DB), the test PKI as trust, the test seed. Stopped by
// PID when the object goes.

#include "http_client.hpp"

#include <QProcess>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

namespace servertest {

/// The origin every test server is configured with and every test token is signed for.
inline const QString testOrigin = QStringLiteral("https://recruit.example.gov.tw");

/// `$SHIQIUREN_TEST_PKI/<name>`.
QString pkiPath(const QString& name);
/// A file under tests/server/seed, or `name` itself when it is an absolute path.
QString seedPath(const QString& name);

struct ServerOptions {
    QStringList crls { "moica-ca.crl.pem", "gca-ca.crl.der" }; ///< under the test PKI
    QString ocspUrl; ///< empty: the CRLs decide
    QString seed = QStringLiteral("test.json"); ///< see seedPath(); empty: none
    QString trust = QStringLiteral("trust"); ///< the trust directory under the test PKI
    QStringList extraArguments;
};

class TestServer {
public:
    explicit TestServer(ServerOptions options = {});
    ~TestServer();
    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;

    HttpClient client() const { return HttpClient(baseUrl_); }
    const QString& baseUrl() const { return baseUrl_; }
    /// The server process, for signals (SIGHUP reloads the CRLs).
    qint64 processId() const { return process_.processId(); }
    /// The database the server writes ("sqlite:…" path or a password-less postgresql:// URL).
    const QString& database() const { return database_; }
    bool isPostgres() const { return postgres_; }
    /// Everything the server wrote to stderr so far (its request log).
    QString log();
    /// Stops and starts the same server on the same database (new port).
    void restart();
    /// Stops and starts it again at the same address, as a service coming back after an outage
    /// (clients that knew it need no new address).
    void restartAtSameAddress();
    void stop();
    /// A direct connection to the server's database (to check what is stored, or to stage what
    /// another process would have written). Close it and QSqlDatabase::removeDatabase() after.
    QSqlDatabase openDatabase(const QString& connectionName) const;
    /// Starts a second server process on the same database (for two-writer tests).
    std::unique_ptr<TestServer> sibling() const;

private:
    TestServer(ServerOptions options, QString database, bool postgres, QString password);
    void start(const QString& listen = QStringLiteral("127.0.0.1:0"));

    ServerOptions options_;
    std::unique_ptr<QTemporaryDir> dir_;
    QString database_;
    QString password_;
    bool postgres_ = false;
    QProcess process_;
    QString baseUrl_;
    QByteArray stderr_;
};

} // namespace servertest
