#include "server/accounts/password_hash.hpp"

#include <QStringList>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <stdexcept>

namespace server::accounts {
namespace {

constexpr quint64 defaultN = 1u << 15;
constexpr quint64 defaultR = 8;
constexpr quint64 defaultP = 1;
constexpr qsizetype hashBytes = 32;

QByteArray derive(
    const QString& password, const QByteArray& salt, quint64 n, quint64 r, quint64 p, bool* ok)
{
    QByteArray secret = password.toUtf8();
    QByteArray out(hashBytes, '\0');
    const quint64 maxMemory = 128 * r * n * 2 + 1024 * 1024;
    *ok = EVP_PBE_scrypt(secret.constData(), static_cast<size_t>(secret.size()),
              reinterpret_cast<const unsigned char*>(salt.constData()),
              static_cast<size_t>(salt.size()), n, r, p, maxMemory,
              reinterpret_cast<unsigned char*>(out.data()), static_cast<size_t>(out.size()))
        == 1;
    OPENSSL_cleanse(secret.data(), static_cast<size_t>(secret.size()));
    return out;
}

} // namespace

QString hashPassword(const QString& password)
{
    QByteArray salt(16, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(salt.data()), static_cast<int>(salt.size()))
        != 1)
        throw std::runtime_error("no random bytes for a password salt");
    bool ok = false;
    const QByteArray hash = derive(password, salt, defaultN, defaultR, defaultP, &ok);
    if (!ok)
        throw std::runtime_error("scrypt failed");
    return QStringLiteral("scrypt$%1$%2$%3$%4$%5")
        .arg(defaultN)
        .arg(defaultR)
        .arg(defaultP)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(hash.toBase64()));
}

bool passwordMatches(const QString& password, const QString& stored)
{
    const QStringList parts = stored.split(u'$');
    if (parts.size() != 6 || parts[0] != QLatin1String("scrypt"))
        return false;
    bool okN = false, okR = false, okP = false;
    const quint64 n = parts[1].toULongLong(&okN);
    const quint64 r = parts[2].toULongLong(&okR);
    const quint64 p = parts[3].toULongLong(&okP);
    // Bounds keep a tampered row from asking for gigabytes.
    if (!okN || !okR || !okP || n < 2 || n > (1u << 20) || r == 0 || r > 32 || p == 0 || p > 16)
        return false;
    const QByteArray salt = QByteArray::fromBase64(parts[4].toLatin1());
    const QByteArray expected = QByteArray::fromBase64(parts[5].toLatin1());
    if (salt.isEmpty() || expected.size() != hashBytes)
        return false;
    bool ok = false;
    const QByteArray actual = derive(password, salt, n, r, p, &ok);
    return ok && CRYPTO_memcmp(actual.constData(), expected.constData(), hashBytes) == 0;
}

} // namespace server::accounts
