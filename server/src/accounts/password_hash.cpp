#include "server/accounts/password_hash.hpp"

#include <QStringList>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <optional>
#include <stdexcept>

namespace server::accounts {
namespace {

constexpr quint64 defaultN = 1u << 17;
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

struct Parameters {
    quint64 n = 0, r = 0, p = 0;
};

/// N, r and p of a stored hash, within bounds that keep a tampered row from asking for
/// gigabytes; nullopt for anything else.
std::optional<Parameters> parametersOf(const QStringList& parts)
{
    if (parts.size() != 6 || parts[0] != QLatin1String("scrypt"))
        return std::nullopt;
    bool okN = false, okR = false, okP = false;
    const Parameters found { parts[1].toULongLong(&okN), parts[2].toULongLong(&okR),
        parts[3].toULongLong(&okP) };
    if (!okN || !okR || !okP || found.n < 2 || found.n > (1u << 20) || found.r == 0 || found.r > 32
        || found.p == 0 || found.p > 16)
        return std::nullopt;
    return found;
}

} // namespace

QString hashPasswordWith(const QString& password, quint64 n, quint64 r, quint64 p)
{
    QByteArray salt(16, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(salt.data()), static_cast<int>(salt.size()))
        != 1)
        throw std::runtime_error("no random bytes for a password salt");
    bool ok = false;
    const QByteArray hash = derive(password, salt, n, r, p, &ok);
    if (!ok)
        throw std::runtime_error("scrypt failed");
    return QStringLiteral("scrypt$%1$%2$%3$%4$%5")
        .arg(n)
        .arg(r)
        .arg(p)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(hash.toBase64()));
}

QString hashPassword(const QString& password)
{
    return hashPasswordWith(password, defaultN, defaultR, defaultP);
}

bool needsRehash(const QString& stored)
{
    const std::optional<Parameters> found = parametersOf(stored.split(u'$'));
    return !found || found->n < defaultN || found->r < defaultR;
}

bool passwordMatches(const QString& password, const QString& stored)
{
    const QStringList parts = stored.split(u'$');
    const std::optional<Parameters> found = parametersOf(parts);
    if (!found)
        return false;
    const auto [n, r, p] = *found;
    const QByteArray salt = QByteArray::fromBase64(parts[4].toLatin1());
    const QByteArray expected = QByteArray::fromBase64(parts[5].toLatin1());
    if (salt.isEmpty() || expected.size() != hashBytes)
        return false;
    bool ok = false;
    const QByteArray actual = derive(password, salt, n, r, p, &ok);
    return ok && CRYPTO_memcmp(actual.constData(), expected.constData(), hashBytes) == 0;
}

} // namespace server::accounts
