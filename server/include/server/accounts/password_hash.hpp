#pragma once

#include <QByteArray>
#include <QString>

namespace server::accounts {

/// scrypt (RFC 7914) from OpenSSL with a fresh 16-byte salt: `scrypt$N$r$p$salt$hash`, base64.
/// N = 2^17, r = 8, p = 1: 128 × r × N = 128 MiB of memory per hash, slow for a guesser with
/// many cores, about a third of a second for one login.
QString hashPassword(const QString& password);

/// The same with other parameters. Only for staging an old hash (tests, migrations): a login
/// upgrades whatever is weaker than hashPassword() (see needsRehash).
QString hashPasswordWith(const QString& password, quint64 n, quint64 r, quint64 p);

/// Constant-time comparison against a stored hash. False for a malformed hash.
bool passwordMatches(const QString& password, const QString& stored);

/// True when `stored` was made with weaker parameters than hashPassword() uses today, so the
/// next successful login should store a new hash.
bool needsRehash(const QString& stored);

} // namespace server::accounts
