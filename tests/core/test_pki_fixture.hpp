#pragma once

// The generated test PKI (tests/pki, SHIQIUREN_TEST_PKI) and its identity.env, which records
// what openssl itself says about each certificate.

#include <QFile>
#include <QHash>
#include <QString>
#include <catch2/catch.hpp>

namespace testpki {

inline QString pkiDir()
{
    const QString dir = qEnvironmentVariable("SHIQIUREN_TEST_PKI");
    REQUIRE_FALSE(dir.isEmpty());
    return dir;
}

inline QByteArray pkiFile(const QString& name)
{
    QFile file(pkiDir() + QLatin1Char('/') + name);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

/// identity.env: KEY=VALUE lines, values single-quoted when they hold spaces.
inline const QHash<QString, QString>& identity()
{
    static const QHash<QString, QString> facts = [] {
        QHash<QString, QString> parsed;
        for (const QByteArray& line : pkiFile(QStringLiteral("identity.env")).split('\n')) {
            const qsizetype equals = line.indexOf('=');
            if (line.isEmpty() || equals < 1)
                continue;
            QString value = QString::fromUtf8(line.mid(equals + 1));
            if (value.size() >= 2 && value.startsWith(QLatin1Char('\''))
                && value.endsWith(QLatin1Char('\'')))
                value = value.mid(1, value.size() - 2);
            parsed.insert(QString::fromUtf8(line.left(equals)), value);
        }
        return parsed;
    }();
    return facts;
}

inline QString fact(const QString& key)
{
    INFO("identity.env key " << key.toStdString());
    REQUIRE(identity().contains(key));
    return identity().value(key);
}

} // namespace testpki
