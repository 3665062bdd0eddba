// server::storage::parseDatabaseTarget / openDatabase: `--db` forms, the password kept out of
// every message, SQLite opened private and in WAL mode, and a real PostgreSQL (the private
// cluster of tests/support/postgres-stack.sh, which scripts/test starts).
#include "server/storage/database_url.hpp"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <catch2/catch.hpp>
#include <functional>
#include <string>
#include <sys/stat.h>

namespace Catch {
template <> struct StringMaker<QString> {
    static std::string convert(const QString& text) { return '"' + text.toStdString() + '"'; }
};
} // namespace Catch

using namespace server::storage;

namespace {

const QString kSecret = QStringLiteral("Sup3rS3cret");

// The message of the DatabaseUrlError `spec` raises; fails the test when it parses.
std::string urlError(const QString& spec)
{
    try {
        parseDatabaseTarget(spec);
    } catch (const DatabaseUrlError& error) {
        return error.what();
    } catch (const std::exception& error) {
        FAIL("wrong exception type for " << spec.toStdString() << ": " << error.what());
    }
    FAIL("accepted: " << spec.toStdString());
    return {};
}

std::string openError(const DatabaseTarget& target, const QString& connection)
{
    try {
        openDatabase(target, connection);
    } catch (const DatabaseOpenError& error) {
        return error.what();
    }
    FAIL("opened " << describeForLog(target).toStdString());
    return {};
}

bool contains(const std::string& text, const QString& part)
{
    return text.find(part.toStdString()) != std::string::npos;
}

QString pragma(const QSqlDatabase& db, const QString& name)
{
    QSqlQuery query(db);
    REQUIRE(query.exec(QStringLiteral("PRAGMA ") + name));
    REQUIRE(query.next());
    return query.value(0).toString();
}

// Removes the named connection when the test ends, also when it fails.
struct ConnectionGuard {
    QString name;
    ~ConnectionGuard()
    {
        if (QSqlDatabase::contains(name)) {
            QSqlDatabase::database(name, false).close();
            QSqlDatabase::removeDatabase(name);
        }
    }
};

// SHIQIUREN_TEST_PG_URL, or empty after a clear failure (or a warning when PG is optional).
QString postgresUrl()
{
    const QString url = qEnvironmentVariable("SHIQIUREN_TEST_PG_URL");
    if (!url.isEmpty())
        return url;
    const char* why = "SHIQIUREN_TEST_PG_URL is not set: run ./scripts/test (it starts a private "
                      "PostgreSQL), or start tests/support/postgres-stack.sh and export "
                      "SHIQIUREN_TEST_PG_URL=$(tests/support/postgres-stack.sh url); "
                      "SHIQIUREN_TEST_PG_OPTIONAL=1 skips the PostgreSQL cases";
    if (qEnvironmentVariable("SHIQIUREN_TEST_PG_OPTIONAL") == u"1") {
        WARN(why);
        return {};
    }
    FAIL(why);
    return {};
}

} // namespace

TEST_CASE("a plain path or sqlite:PATH is an SQLite file", "[server][database]")
{
    auto target = parseDatabaseTarget(QStringLiteral("/var/lib/shiqiuren/db.sqlite"));
    CHECK(target.kind == DatabaseTarget::Sqlite);
    CHECK(target.sqlitePath == QStringLiteral("/var/lib/shiqiuren/db.sqlite"));

    CHECK(parseDatabaseTarget(QStringLiteral("data.sqlite")).sqlitePath
        == QStringLiteral("data.sqlite"));
    CHECK(parseDatabaseTarget(QStringLiteral("  data.sqlite\n")).sqlitePath
        == QStringLiteral("data.sqlite"));

    target = parseDatabaseTarget(QStringLiteral("sqlite:relative/db.sqlite"));
    CHECK(target.kind == DatabaseTarget::Sqlite);
    CHECK(target.sqlitePath == QStringLiteral("relative/db.sqlite"));
    CHECK(parseDatabaseTarget(QStringLiteral("sqlite:///abs/db.sqlite")).sqlitePath
        == QStringLiteral("/abs/db.sqlite"));
    CHECK(parseDatabaseTarget(QStringLiteral("SQLITE::memory:")).sqlitePath
        == QStringLiteral(":memory:"));
    CHECK(describeForLog(parseDatabaseTarget(QStringLiteral("/x/db.sqlite")))
        == QStringLiteral("sqlite:/x/db.sqlite"));
}

TEST_CASE("postgresql:// URLs", "[server][database]")
{
    SECTION("user, password, host, port, database")
    {
        const auto target = parseDatabaseTarget(
            QStringLiteral("postgresql://svc:Sup3rS3cret@db.example.gov.tw:6543/shiqiuren"));
        CHECK(target.kind == DatabaseTarget::Postgres);
        CHECK(target.user == QStringLiteral("svc"));
        CHECK(target.password == kSecret);
        CHECK(target.host == QStringLiteral("db.example.gov.tw"));
        CHECK(target.port == 6543);
        CHECK(target.database == QStringLiteral("shiqiuren"));
        CHECK(target.socketDir.isEmpty());
        CHECK(target.options.isEmpty());
        CHECK(target.sqlitePath.isEmpty());
    }
    SECTION("postgres:// with the default port and no password")
    {
        const auto target = parseDatabaseTarget(QStringLiteral("postgres://svc@127.0.0.1/db"));
        CHECK(target.kind == DatabaseTarget::Postgres);
        CHECK(target.port == 5432);
        CHECK(target.password.isEmpty());
        CHECK(describeForLog(target) == QStringLiteral("postgresql://svc@127.0.0.1:5432/db"));
    }
    SECTION("percent-encoding in user, password and database")
    {
        const auto target = parseDatabaseTarget(
            QStringLiteral("postgresql://hr%40agency:p%2Fw%3A%40%25x@h/%E4%BA%8B%E6%B1%82"));
        CHECK(target.user == QStringLiteral("hr@agency"));
        CHECK(target.password == QStringLiteral("p/w:@%x"));
        CHECK(target.database == QStringLiteral("事求"));
    }
    SECTION("IPv6 host in brackets")
    {
        const auto target = parseDatabaseTarget(QStringLiteral("postgresql://u@[::1]:5433/db"));
        CHECK(target.host == QStringLiteral("::1"));
        CHECK(target.port == 5433);
        CHECK(describeForLog(target) == QStringLiteral("postgresql://u@[::1]:5433/db"));
    }
    SECTION("a unix socket directory, in the query or percent-encoded as the host")
    {
        auto target = parseDatabaseTarget(
            QStringLiteral("postgresql://u@/db?host=/run/postgresql&sslmode=disable"));
        CHECK(target.socketDir == QStringLiteral("/run/postgresql"));
        CHECK(target.host.isEmpty());
        CHECK(target.options == QStringLiteral("sslmode='disable'"));
        CHECK(describeForLog(target)
            == QStringLiteral("postgresql://u@:5432/db?host=/run/postgresql&sslmode=disable"));

        target = parseDatabaseTarget(
            QStringLiteral("postgresql://u@%2Fvar%2Frun%2Fpostgresql:5433/db"));
        CHECK(target.socketDir == QStringLiteral("/var/run/postgresql"));
        CHECK(target.port == 5433);
    }
    SECTION("libpq parameters become QPSQL connect options")
    {
        const auto target = parseDatabaseTarget(QStringLiteral(
            "postgresql://u@h/"
            "db?sslmode=verify-full&connect_timeout=3&application_name=shiqiuren%20server"));
        CHECK(target.options
            == QStringLiteral(
                "sslmode='verify-full';connect_timeout='3';application_name='shiqiuren server'"));
    }
    SECTION("port, user, password and dbname as parameters")
    {
        const auto target = parseDatabaseTarget(QStringLiteral(
            "postgresql://h/ignored?port=7000&user=a&password=Sup3rS3cret&dbname=real"));
        CHECK(target.port == 7000);
        CHECK(target.user == QStringLiteral("a"));
        CHECK(target.password == kSecret);
        CHECK(target.database == QStringLiteral("real"));
    }
}

TEST_CASE("malformed --db values are refused without showing the password", "[server][database]")
{
    const QStringList bad {
        QString(),
        QStringLiteral("   "),
        QStringLiteral("sqlite:"),
        QStringLiteral("mysql://u:Sup3rS3cret@h/db"),
        QStringLiteral("postgresql://"),
        QStringLiteral("postgresql://u:Sup3rS3cret@h"),
        QStringLiteral("postgresql://u:Sup3rS3cret@h/"),
        QStringLiteral("postgresql://u:Sup3rS3cret@h:0/db"),
        QStringLiteral("postgresql://u:Sup3rS3cret@h:70000/db"),
        QStringLiteral("postgresql://u:Sup3rS3cret@h:54x2/db"),
        QStringLiteral("postgresql://u:Sup3rS3cret@h:/db"),
        QStringLiteral("postgresql://u:Sup3rS3cret@h1,h2/db"),
        QStringLiteral("postgresql://u:Sup3rS3cret@::1/db"),
        QStringLiteral("postgresql://u:Sup3rS3cret@[::1/db"),
        QStringLiteral("postgresql://u:Sup3rS3cret@h/a/b"),
        QStringLiteral("postgresql://u:Sup3rS3cret@h/db#frag"),
        QStringLiteral("postgresql://u:Sup3rS3cret@h/db?sslmode=sometimes"),
        QStringLiteral("postgresql://u:Sup3rS3cret@h/db?connect_timeout=soon"),
        QStringLiteral("postgresql://u:Sup3rS3cret@h/db?bogus=1"),
        QStringLiteral("postgresql://u:Sup3rS3cret@h/db?Sup3rS3cret=1"),
        QStringLiteral("postgresql://u:Sup3rS3cret@h/db?sslmode"),
        QStringLiteral("postgresql://u:Sup3rS3cret@h/db?application_name=a%3Bb"),
        QStringLiteral("postgresql://u:Sup3rS3cret@h%20x/db"),
        QStringLiteral("postgresql://u:Sup3rS3cret%zz@h/db"),
        QStringLiteral("postgresql://:Sup3rS3cret@h/db"),
        // the password with an unencoded "/" puts pieces of it where the host and port go
        QStringLiteral("postgresql://u:Sup3r/S3cret@h/db"),
        QStringLiteral("postgresql://u:Sup3rS3cret:x/y@h/db"),
    };
    for (const QString& spec : bad) {
        INFO(spec.toStdString());
        const std::string message = urlError(spec);
        CHECK_FALSE(message.empty());
        CHECK_FALSE(contains(message, kSecret));
        CHECK_FALSE(contains(message, QStringLiteral("Sup3r")));
        CHECK_FALSE(contains(message, QStringLiteral("S3cret")));
    }
    CHECK(contains(urlError(QStringLiteral("postgresql://u@h:99999/db")), QStringLiteral("port")));
    CHECK(contains(urlError(QStringLiteral("postgresql://u@h")), QStringLiteral("database")));
    CHECK(contains(urlError(QStringLiteral("mysql://h/db")), QStringLiteral("mysql")));
    CHECK(
        contains(urlError(QStringLiteral("postgresql://u@h/db?bogus=1")), QStringLiteral("bogus")));
}

TEST_CASE("describeForLog masks the password", "[server][database]")
{
    const auto target = parseDatabaseTarget(
        QStringLiteral("postgresql://svc:Sup3rS3cret@db.example:6543/shiqiuren?sslmode=require"));
    const QString log = describeForLog(target);
    CHECK(log == QStringLiteral("postgresql://svc:***@db.example:6543/shiqiuren?sslmode=require"));
    CHECK_FALSE(log.contains(kSecret));

    DatabaseTarget odd = target;
    odd.password = QStringLiteral("p@ss word/:");
    CHECK_FALSE(describeForLog(odd).contains(QStringLiteral("ss word")));
}

TEST_CASE("openDatabase creates a private SQLite file in WAL mode", "[server][database]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("server.sqlite"));
    ConnectionGuard guard { QStringLiteral("test-sqlite") };
    {
        QSqlDatabase db = openDatabase(parseDatabaseTarget(path), guard.name);
        REQUIRE(db.isOpen());
        CHECK(db.driverName() == QStringLiteral("QSQLITE"));

        struct stat info { };
        REQUIRE(::stat(QFile::encodeName(path).constData(), &info) == 0);
        CHECK((info.st_mode & 0777) == 0600);

        CHECK(pragma(db, QStringLiteral("journal_mode")) == QStringLiteral("wal"));
        CHECK(pragma(db, QStringLiteral("foreign_keys")) == QStringLiteral("1"));
        CHECK(pragma(db, QStringLiteral("busy_timeout")) == QStringLiteral("5000"));

        QSqlQuery query(db);
        REQUIRE(query.exec(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)")));
        REQUIRE(query.exec(QStringLiteral("INSERT INTO t (name) VALUES ('事求人')")));
        // The write-ahead log SQLite creates takes the database file's mode.
        const QString wal = path + QStringLiteral("-wal");
        REQUIRE(QFileInfo::exists(wal));
        REQUIRE(::stat(QFile::encodeName(wal).constData(), &info) == 0);
        CHECK((info.st_mode & 0077) == 0);
    }

    SECTION("the connection name is taken while it is open")
    {
        CHECK(contains(
            openError(parseDatabaseTarget(path), guard.name), QStringLiteral("already open")));
    }
    SECTION("an existing file keeps its data and mode")
    {
        QSqlDatabase::database(guard.name).close();
        QSqlDatabase::removeDatabase(guard.name);
        QSqlDatabase db
            = openDatabase(parseDatabaseTarget(QStringLiteral("sqlite:") + path), guard.name);
        QSqlQuery query(db);
        REQUIRE(query.exec(QStringLiteral("SELECT name FROM t")));
        REQUIRE(query.next());
        CHECK(query.value(0).toString() == QStringLiteral("事求人"));
    }
}

TEST_CASE("an SQLite file that cannot be created is a DatabaseOpenError", "[server][database]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("missing/dir/server.sqlite"));
    const std::string message
        = openError(parseDatabaseTarget(path), QStringLiteral("test-missing"));
    CHECK(contains(message, path));
    // The failed connection is removed again: the name can be used once more.
    CHECK_FALSE(QSqlDatabase::contains(QStringLiteral("test-missing")));
}

TEST_CASE("an in-memory SQLite database opens", "[server][database]")
{
    ConnectionGuard guard { QStringLiteral("test-memory") };
    QSqlDatabase db = openDatabase(parseDatabaseTarget(QStringLiteral(":memory:")), guard.name);
    CHECK(db.isOpen());
    CHECK(pragma(db, QStringLiteral("foreign_keys")) == QStringLiteral("1"));
}

TEST_CASE(
    "a refused PostgreSQL connection names the problem, not the password", "[server][database]")
{
    REQUIRE(QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")));
    // Port 1 on the loopback: nothing listens there, so the refusal is immediate.
    const auto target = parseDatabaseTarget(
        QStringLiteral("postgresql://svc:Sup3rS3cret@127.0.0.1:1/db?connect_timeout=2"));
    const std::string message = openError(target, QStringLiteral("test-pg-refused"));
    CHECK(contains(message, QStringLiteral("127.0.0.1:1/db")));
    CHECK_FALSE(contains(message, kSecret));
    CHECK_FALSE(QSqlDatabase::contains(QStringLiteral("test-pg-refused")));
}

TEST_CASE("a real PostgreSQL: create, insert, select", "[server][database][postgres]")
{
    const QString url = postgresUrl();
    if (url.isEmpty())
        return;
    const DatabaseTarget base = parseDatabaseTarget(url);
    REQUIRE(base.kind == DatabaseTarget::Postgres);

    SECTION("a temporary table in the base database")
    {
        ConnectionGuard guard { QStringLiteral("test-pg-base") };
        QSqlDatabase db = openDatabase(base, guard.name);
        REQUIRE(db.isOpen());
        CHECK(db.driverName() == QStringLiteral("QPSQL"));
        QSqlQuery query(db);
        REQUIRE(query.exec(
            QStringLiteral("CREATE TEMP TABLE probe (id SERIAL PRIMARY KEY, name TEXT NOT NULL)")));
        REQUIRE(query.prepare(QStringLiteral("INSERT INTO probe (name) VALUES (:name)")));
        query.bindValue(QStringLiteral(":name"), QStringLiteral("事求人機關徵才"));
        REQUIRE(query.exec());
        REQUIRE(query.exec(QStringLiteral("SELECT id, name FROM probe")));
        REQUIRE(query.next());
        CHECK(query.value(0).toInt() == 1);
        CHECK(query.value(1).toString() == QStringLiteral("事求人機關徵才"));
        CHECK_FALSE(query.next());
    }

    SECTION("a wrong password is refused and not repeated")
    {
        DatabaseTarget wrong = base;
        wrong.password = QStringLiteral("Wr0ngPassw0rd");
        const std::string message = openError(wrong, QStringLiteral("test-pg-wrong"));
        INFO(message);
        CHECK(contains(message, QStringLiteral("password authentication failed")));
        CHECK_FALSE(contains(message, wrong.password));
    }

    SECTION("a fresh database from postgres-stack.sh newdb")
    {
        const QString stack = qEnvironmentVariable("SHIQIUREN_PG_STACK");
        if (stack.isEmpty()) {
            WARN("SHIQIUREN_PG_STACK is not set; the newdb case is skipped");
            return;
        }
        const QString name = QStringLiteral("shiqiuren_dburl_%1")
                                 .arg(QUuid::createUuid().toString(QUuid::Id128).left(12));
        auto newdb = [&] {
            QProcess process;
            process.start(stack, { QStringLiteral("newdb"), name });
            REQUIRE(process.waitForFinished(60000));
            INFO(process.readAllStandardError().toStdString());
            REQUIRE(process.exitCode() == 0);
            return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
        };
        const DatabaseTarget fresh = parseDatabaseTarget(newdb());
        CHECK(fresh.database == name);
        {
            ConnectionGuard guard { QStringLiteral("test-pg-fresh") };
            QSqlDatabase db = openDatabase(fresh, guard.name);
            QSqlQuery query(db);
            REQUIRE(query.exec(QStringLiteral("CREATE TABLE kept (id INTEGER PRIMARY KEY)")));
        }
        // newdb again drops and recreates: the table is gone.
        REQUIRE(parseDatabaseTarget(newdb()).database == name);
        {
            ConnectionGuard guard { QStringLiteral("test-pg-fresh") };
            QSqlDatabase db = openDatabase(fresh, guard.name);
            QSqlQuery query(db);
            REQUIRE(query.exec(QStringLiteral("SELECT count(*) FROM information_schema.tables "
                                              "WHERE table_name = 'kept'")));
            REQUIRE(query.next());
            CHECK(query.value(0).toInt() == 0);
        }
        QProcess::execute(stack, { QStringLiteral("dropdb"), name });
    }
}
