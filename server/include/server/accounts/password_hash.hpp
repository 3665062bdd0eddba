#pragma once

#include <QByteArray>
#include <QString>

namespace server::accounts {

/// scrypt (RFC 7914) from OpenSSL with a fresh 16-byte salt: `scrypt$N$r$p$salt$hash`, base64.
/// N = 2^15, r = 8, p = 1 (32 MiB, about 0.1 s here): slow for a guesser, fine for a login.
QString hashPassword(const QString& password);

/// Constant-time comparison against a stored hash. False for a malformed hash.
bool passwordMatches(const QString& password, const QString& stored);

} // namespace server::accounts
