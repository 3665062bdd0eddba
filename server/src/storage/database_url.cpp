#include "server/storage/database_url.hpp"

#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <unistd.h>

namespace server::storage {

namespace {

const QString kMasked = QStringLiteral("***");

// Every message names the problem and the expected form, and quotes nothing from the URL's
// user information: a half-parsed URL can put pieces of the password anywhere.
[[noreturn]] void fail(const QString& what)
{
    throw DatabaseUrlError(QStringLiteral("--db: %1").arg(what).toStdString());
}

int hexValue(QChar c)
{
    if (c >= u'0' && c <= u'9')
        return c.unicode() - u'0';
    if (c >= u'a' && c <= u'f')
        return c.unicode() - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c.unicode() - u'A' + 10;
    return -1;
}

// %XX → byte, the bytes read as UTF-8 (libpq's reading). A stray % is an error.
QString percentDecode(const QString& text, const QString& part)
{
    if (!text.contains(u'%'))
        return text;
    QByteArray bytes;
    const QByteArray utf8 = text.toUtf8();
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        if (utf8[i] != '%') {
            bytes.append(utf8[i]);
            continue;
        }
        const int high = i + 2 < utf8.size() ? hexValue(QChar::fromLatin1(utf8[i + 1])) : -1;
        const int low = i + 2 < utf8.size() ? hexValue(QChar::fromLatin1(utf8[i + 2])) : -1;
        if (high < 0 || low < 0)
            fail(QStringLiteral("the %1 has a “%” that is not followed by two hex digits "
                                "(write %25 for a literal “%”)")
                     .arg(part));
        bytes.append(static_cast<char>(high * 16 + low));
        i += 2;
    }
    return QString::fromUtf8(bytes);
}

QString percentEncode(const QString& text)
{
    return QString::fromLatin1(text.toUtf8().toPercentEncoding());
}

int parsePort(const QString& text)
{
    bool ok = false;
    const int port = text.toInt(&ok);
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,5}$"));
    if (!ok || !digits.match(text).hasMatch() || port < 1 || port > 65535)
        fail(QStringLiteral("the port must be a number from 1 to 65535"));
    return port;
}

// A host name, an IPv4 address or (inside brackets) an IPv6 address: nothing that would
// change the meaning of libpq's connection string.
QString checkedHost(const QString& host)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9._:%-]*$"));
    if (!valid.match(host).hasMatch())
        fail(QStringLiteral("the host must be a name, an address, or a socket directory "
                            "(?host=/run/postgresql)"));
    return host;
}

// The libpq parameters a URL may carry besides host, port, user, password and dbname.
const QStringList& passedParameters()
{
    static const QStringList names { QStringLiteral("sslmode"), QStringLiteral("sslrootcert"),
        QStringLiteral("sslcert"), QStringLiteral("sslkey"), QStringLiteral("sslcrl"),
        QStringLiteral("sslcompression"), QStringLiteral("connect_timeout"),
        QStringLiteral("application_name"), QStringLiteral("target_session_attrs"),
        QStringLiteral("options"), QStringLiteral("keepalives"), QStringLiteral("keepalives_idle"),
        QStringLiteral("keepalives_interval"), QStringLiteral("keepalives_count"),
        QStringLiteral("tcp_user_timeout"), QStringLiteral("gssencmode"),
        QStringLiteral("channel_binding") };
    return names;
}

void checkParameter(const QString& key, const QString& value)
{
    if (key == u"sslmode") {
        static const QStringList modes { QStringLiteral("disable"), QStringLiteral("allow"),
            QStringLiteral("prefer"), QStringLiteral("require"), QStringLiteral("verify-ca"),
            QStringLiteral("verify-full") };
        if (!modes.contains(value))
            fail(QStringLiteral("sslmode must be one of %1").arg(modes.join(u", ")));
    }
    static const QStringList numeric { QStringLiteral("connect_timeout"),
        QStringLiteral("keepalives"), QStringLiteral("keepalives_idle"),
        QStringLiteral("keepalives_interval"), QStringLiteral("keepalives_count"),
        QStringLiteral("tcp_user_timeout") };
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,9}$"));
    if (numeric.contains(key) && !digits.match(value).hasMatch())
        fail(QStringLiteral("%1 must be a whole number").arg(key));
    // QPSQL turns every “;” of its option string into a separator.
    if (value.contains(u';'))
        fail(QStringLiteral("the value of %1 cannot contain “;”").arg(key));
}

// key='value' as libpq's connection string quotes it.
QString quoted(const QString& key, const QString& value)
{
    QString escaped = value;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
    return QStringLiteral("%1='%2'").arg(key, escaped);
}

// The (key, value) pairs of DatabaseTarget::options, quotes undone.
QList<QPair<QString, QString>> optionPairs(const QString& options)
{
    QList<QPair<QString, QString>> pairs;
    for (const QString& item : options.split(u';', Qt::SkipEmptyParts)) {
        const qsizetype eq = item.indexOf(u'=');
        if (eq < 0)
            continue;
        QString value = item.mid(eq + 1);
        if (value.size() >= 2 && value.startsWith(u'\'') && value.endsWith(u'\'')) {
            value = value.mid(1, value.size() - 2);
            value.replace(QStringLiteral("\\'"), QStringLiteral("'"))
                .replace(QStringLiteral("\\\\"), QStringLiteral("\\"));
        }
        pairs.append({ item.left(eq).trimmed(), value });
    }
    return pairs;
}

// The key of an unknown parameter is quoted only when it cannot be anything but a name.
QString shownKey(const QString& key)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_]{1,40}$"));
    return plain.match(key).hasMatch() ? QStringLiteral("“%1”").arg(key)
                                       : QStringLiteral("(name not shown)");
}

DatabaseTarget parsePostgres(const QString& rest)
{
    DatabaseTarget target;
    target.kind = DatabaseTarget::Postgres;
    if (rest.contains(u'#'))
        fail(QStringLiteral("a “#” in a postgresql:// URL must be written %23"));

    const qsizetype question = rest.indexOf(u'?');
    const QString body = question >= 0 ? rest.left(question) : rest;
    const QString query = question >= 0 ? rest.mid(question + 1) : QString();
    const qsizetype slash = body.indexOf(u'/');
    const QString authority = slash >= 0 ? body.left(slash) : body;
    const QString path = slash >= 0 ? body.mid(slash + 1) : QString();

    // user[:password]@
    QString hostPort = authority;
    const qsizetype at = authority.lastIndexOf(u'@');
    if (at >= 0) {
        const QString userInfo = authority.left(at);
        hostPort = authority.mid(at + 1);
        const qsizetype colon = userInfo.indexOf(u':');
        target.user = percentDecode(
            colon >= 0 ? userInfo.left(colon) : userInfo, QStringLiteral("user name"));
        if (colon >= 0)
            target.password = percentDecode(userInfo.mid(colon + 1), QStringLiteral("password"));
        if (target.user.isEmpty() && !userInfo.isEmpty())
            fail(
                QStringLiteral("a password needs a user name: postgresql://USER:PASSWORD@HOST/DB"));
    }

    // host[:port], [v6]:port, or a percent-encoded socket directory
    QString hostText = hostPort;
    std::optional<QString> portText;
    if (hostPort.startsWith(u'[')) {
        const qsizetype close = hostPort.indexOf(u']');
        if (close < 0)
            fail(QStringLiteral("an IPv6 address needs its closing “]”"));
        hostText = hostPort.mid(1, close - 1);
        const QString after = hostPort.mid(close + 1);
        if (!after.isEmpty()) {
            if (!after.startsWith(u':'))
                fail(QStringLiteral("after “]” only “:PORT” may follow"));
            portText = after.mid(1);
        }
    } else {
        if (hostPort.contains(u','))
            fail(QStringLiteral("several hosts in one URL are not supported"));
        const qsizetype colons = hostPort.count(u':');
        if (colons > 1)
            fail(QStringLiteral("an IPv6 address must be written in brackets: [::1]"));
        if (colons == 1) {
            const qsizetype colon = hostPort.indexOf(u':');
            hostText = hostPort.left(colon);
            portText = hostPort.mid(colon + 1);
        }
    }
    const QString host = percentDecode(hostText, QStringLiteral("host"));
    if (host.startsWith(u'/'))
        target.socketDir = host;
    else
        target.host = checkedHost(host);
    if (portText)
        target.port = parsePort(*portText);

    if (path.contains(u'/'))
        fail(QStringLiteral("the database name cannot contain “/”"));
    target.database = percentDecode(path, QStringLiteral("database name"));

    QStringList options;
    for (const QString& item : query.split(u'&', Qt::SkipEmptyParts)) {
        const qsizetype eq = item.indexOf(u'=');
        if (eq < 0)
            fail(QStringLiteral("every URL parameter needs a value (NAME=VALUE)"));
        const QString key = percentDecode(item.left(eq), QStringLiteral("parameter name"));
        const QString value = percentDecode(item.mid(eq + 1), QStringLiteral("parameter value"));
        if (key == u"host") {
            if (value.startsWith(u'/')) {
                target.socketDir = value;
                target.host.clear();
            } else {
                target.host = checkedHost(value);
                target.socketDir.clear();
            }
        } else if (key == u"port") {
            target.port = parsePort(value);
        } else if (key == u"user") {
            target.user = value;
        } else if (key == u"password") {
            target.password = value;
        } else if (key == u"dbname") {
            target.database = value;
        } else if (passedParameters().contains(key)) {
            checkParameter(key, value);
            options.append(quoted(key, value));
        } else {
            fail(QStringLiteral("unknown URL parameter %1; known: host, port, user, password, "
                                "dbname, %2")
                     .arg(shownKey(key), passedParameters().join(u", ")));
        }
    }
    target.options = options.join(u';');

    if (target.database.isEmpty())
        fail(QStringLiteral("no database named: end the URL with /DATABASE "
                            "(postgresql://USER@HOST:PORT/DATABASE)"));
    if (target.user.isEmpty() && !target.password.isEmpty())
        fail(QStringLiteral("a password needs a user name: postgresql://USER:PASSWORD@HOST/DB"));
    return target;
}

QString withoutPassword(QString text, const QString& password)
{
    if (!password.isEmpty()) {
        text.replace(password, kMasked);
        const QString encoded = percentEncode(password);
        if (encoded != password)
            text.replace(encoded, kMasked);
    }
    return text;
}

// Creates the file with mode 0600 unless it exists: it will hold password hashes. SQLite
// gives its -wal and -shm files the mode of the database file.
QString createPrivateFile(const QString& path)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
        ::close(fd);
        return {};
    }
    if (errno == EEXIST)
        return {};
    return QStringLiteral("cannot create the SQLite database %1: %2")
        .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
}

QString openSqlite(QSqlDatabase& db, const DatabaseTarget& target)
{
    const QString& path = target.sqlitePath;
    const bool inMemory = path == u":memory:";
    if (!inMemory) {
        if (QString error = createPrivateFile(path); !error.isEmpty())
            return error;
    }
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return QStringLiteral("cannot open the SQLite database %1: %2")
            .arg(path, db.lastError().text());
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !query.next())
        return QStringLiteral("SQLite database %1: cannot switch to WAL: %2")
            .arg(path, query.lastError().text());
    const QString mode = query.value(0).toString().toLower();
    if (mode != u"wal" && !inMemory)
        return QStringLiteral("SQLite database %1 stays in journal mode “%2”, not WAL "
                              "(a file system without shared memory?)")
            .arg(path, mode);
    if (!query.exec(QStringLiteral("PRAGMA foreign_keys=ON")))
        return QStringLiteral("SQLite database %1: cannot turn foreign keys on: %2")
            .arg(path, query.lastError().text());
    return {};
}

QString openPostgres(QSqlDatabase& db, const DatabaseTarget& target)
{
    db.setHostName(target.socketDir.isEmpty() ? target.host : target.socketDir);
    db.setPort(target.port);
    db.setUserName(target.user);
    db.setPassword(target.password);
    db.setDatabaseName(target.database);
    QString options = target.options;
    bool hasTimeout = false;
    for (const auto& [key, value] : optionPairs(options))
        hasTimeout = hasTimeout || key == u"connect_timeout";
    if (!hasTimeout) {
        const QString timeout = quoted(QStringLiteral("connect_timeout"), QStringLiteral("10"));
        options = options.isEmpty() ? timeout : timeout + u';' + options;
    }
    db.setConnectOptions(options);
    if (!db.open())
        return QStringLiteral("cannot connect to PostgreSQL %1: %2")
            .arg(describeForLog(target), db.lastError().text().trimmed());
    return {};
}

} // namespace

DatabaseTarget parseDatabaseTarget(const QString& spec)
{
    const QString text = spec.trimmed();
    if (text.isEmpty())
        fail(QStringLiteral(
            "empty; give an SQLite file path or postgresql://USER@HOST:PORT/DATABASE"));

    DatabaseTarget target;
    if (text.startsWith(QLatin1String("sqlite:"), Qt::CaseInsensitive)) {
        QString path = text.mid(7);
        if (path.startsWith(QLatin1String("//")))
            path = path.mid(2); // sqlite:///abs/file → /abs/file
        if (path.isEmpty())
            fail(QStringLiteral("sqlite: needs a file path (sqlite:/var/lib/shiqiuren/db.sqlite)"));
        target.sqlitePath = path;
        return target;
    }
    static const QRegularExpression scheme(QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]*)://"));
    if (const auto match = scheme.match(text); match.hasMatch()) {
        const QString name = match.captured(1).toLower();
        if (name == u"postgresql" || name == u"postgres")
            return parsePostgres(text.mid(match.capturedLength()));
        fail(QStringLiteral("unsupported scheme “%1”; use an SQLite file path, sqlite:PATH or "
                            "postgresql://")
                 .arg(name));
    }
    target.sqlitePath = text;
    return target;
}

QString describeForLog(const DatabaseTarget& target)
{
    if (target.kind == DatabaseTarget::Sqlite)
        return QStringLiteral("sqlite:%1").arg(target.sqlitePath);

    QString text = QStringLiteral("postgresql://");
    if (!target.user.isEmpty()) {
        text += percentEncode(target.user);
        if (!target.password.isEmpty())
            text += u':' + kMasked;
        text += u'@';
    }
    text += target.host.contains(u':') ? u'[' + target.host + u']' : target.host;
    text += QStringLiteral(":%1/%2").arg(target.port).arg(percentEncode(target.database));
    QStringList parameters;
    if (!target.socketDir.isEmpty())
        parameters.append(QStringLiteral("host=") + target.socketDir);
    for (const auto& [key, value] : optionPairs(target.options))
        parameters.append(key + u'=' + percentEncode(value));
    if (!parameters.isEmpty())
        text += u'?' + parameters.join(u'&');
    return withoutPassword(text, target.password);
}

QSqlDatabase openDatabase(const DatabaseTarget& target, const QString& connectionName)
{
    const bool sqlite = target.kind == DatabaseTarget::Sqlite;
    const QString driver = sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
    const QString notAvailable
        = QStringLiteral("driver %1 not available (the Qt SQL plugin is not "
                         "installed; on Debian: apt-get install %2)")
              .arg(driver,
                  sqlite ? QStringLiteral("libqt6sql6-sqlite") : QStringLiteral("libqt6sql6-psql"));
    if (!QSqlDatabase::isDriverAvailable(driver))
        throw DatabaseOpenError(notAvailable.toStdString());
    if (QSqlDatabase::contains(connectionName))
        throw DatabaseOpenError(QStringLiteral("database connection “%1” is already open")
                                    .arg(connectionName)
                                    .toStdString());

    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(driver, connectionName);
        if (!db.isValid()) // listed, but the plugin or its client library would not load
            error = notAvailable;
        else
            error = sqlite ? openSqlite(db, target) : openPostgres(db, target);
        if (error.isEmpty())
            return db;
        db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
    throw DatabaseOpenError(withoutPassword(error, target.password).toStdString());
}

} // namespace server::storage
