#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QList>
#include <QString>
#include <QUrl>
#include <chrono>
#include <optional>

namespace core::api {

/// Where the central service is and how far to trust it.
struct ServiceConfig {
    /// The service's origin, e.g. `https://recruit.example.gov.tw` (a path prefix is kept: the
    /// routes go under `<baseUrl path>/api/v1/…`). Plain `http` only for loopback tests and demos.
    QUrl baseUrl;
    /// The whole exchange, from connecting to the last byte of the answer.
    std::chrono::milliseconds timeout { 15000 };
    /// SHA-256 of the server's leaf certificate (DER): 32 raw bytes, or 64 hex digits. When set,
    /// TLS is accepted only for that exact certificate, even where the system CA store trusts
    /// another one — and a self-signed (demo) certificate is accepted when it matches. Expiry is
    /// still checked. See certificatePin().
    std::optional<QByteArray> pinnedCertificateSha256;
    /// CA certificates trusted besides the system's (a private CA of the deployment), each PEM
    /// or DER.
    QList<QByteArray> extraCaCertificates;
    /// Sent as `User-Agent` when not empty.
    QString userAgent;
};

/// The pin of a certificate for ServiceConfig::pinnedCertificateSha256: SHA-256 of its DER, raw.
inline QByteArray certificatePin(const QByteArray& der)
{
    return QCryptographicHash::hash(der, QCryptographicHash::Sha256);
}

/// `localhost` or a loopback address (127.0.0.0/8, ::1): the only hosts the client talks plain
/// `http` to, since nothing but this computer can read that traffic.
bool isLoopbackHost(const QString& host);

} // namespace core::api
