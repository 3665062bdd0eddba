#pragma once

#include <QByteArray>
#include <QString>

namespace server::login {

/// Whether `signature` is the card's login signature: algorithm "RS256" (RSASSA-PKCS1-v1_5 with
/// SHA-256) by the key of `certDer`, over exactly core::auth::authDigest(origin, nonce) — that
/// 32-byte digest is the message hash, it is not hashed again. Any other algorithm, a non-RSA key,
/// an origin or nonce authDigest() refuses, or garbage anywhere gives false; it never throws.
/// The caller has already mapped format and algorithm problems to `token-malformed`.
bool loginSignatureVerifies(const QByteArray& certDer, const QString& algorithm,
    const QByteArray& signature, const QString& origin, const QString& nonce);

} // namespace server::login
