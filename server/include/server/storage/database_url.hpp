#pragma once

#include <QSqlDatabase>
#include <QString>
#include <stdexcept>

namespace server::storage {

/// Where the server keeps its data, from `--db`: an SQLite file (the default) or a PostgreSQL
/// database. Holds the password in clear: log describeForLog(), never the fields.
struct DatabaseTarget {
    enum Kind { Sqlite, Postgres };
    Kind kind = Sqlite;
    QString sqlitePath; ///< Sqlite: the file (or `:memory:`)
    QString host; ///< Postgres: name or address; empty → libpq's default (the local socket)
    int port = 5432;
    QString user; ///< empty → libpq's default (the operating-system user)
    QString password;
    QString database;
    QString socketDir; ///< from `?host=/dir`: the unix socket directory, used instead of `host`
    /// libpq connection options for QPSQL, `key='value'` joined by `;` (sslmode, connect_timeout…).
    QString options;
};

/// `--db` that cannot be understood. The message names the problem, never the password.
class DatabaseUrlError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The database would not open: the driver's message (password removed), or a missing driver.
class DatabaseOpenError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// `PATH` or `sqlite:PATH` → Sqlite; `postgresql://[user[:password]@][host][:port]/database
/// [?host=/socket/dir&sslmode=…&connect_timeout=…&application_name=…]` (or `postgres://`, with
/// percent-encoding as libpq reads it) → Postgres. Throws DatabaseUrlError.
DatabaseTarget parseDatabaseTarget(const QString& spec);

/// The target for logs and messages: the password shown as `***`.
QString describeForLog(const DatabaseTarget& target);

/// Adds and opens the QSQLITE or QPSQL connection `connectionName`. SQLite: the file is created
/// with mode 0600 when missing (it holds password hashes), 5 s busy timeout, WAL journal, foreign
/// keys on. PostgreSQL: a 10 s connect timeout unless the URL sets one. On failure the connection
/// is removed again and DatabaseOpenError thrown.
QSqlDatabase openDatabase(const DatabaseTarget& target, const QString& connectionName);

} // namespace server::storage
