#pragma once

// What the client trusts: the TLS configuration of every request and the certificate pin.

#include "core/api/http_wire.hpp"

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <optional>

namespace core::network {

class TlsPolicy {
public:
    explicit TlsPolicy(const api::wire::Settings& settings);

    /// The system's CAs plus the configured extra ones. Made on first use: building it loads
    /// the TLS backend and reads the system's CAs, which a client never asked to connect skips.
    const QSslConfiguration& configuration() const;
    bool pinned() const { return pin_.has_value(); }
    /// With a pin: exactly the pinned certificate. Without: always (the CA check decides).
    bool acceptsPeer(const QSslCertificate& leaf) const;
    /// With a pin that `leaf` matches, the errors it waives: those saying only that nobody
    /// vouches for the certificate (self-signed, unknown issuer). Never expiry, revocation,
    /// host name or a broken signature.
    bool waives(const QList<QSslError>& errors, const QSslCertificate& leaf) const;

private:
    QList<QSslCertificate> extraCaCertificates_;
    mutable std::optional<QSslConfiguration> configuration_; // one thread uses the policy
    std::optional<QByteArray> pin_;
};

} // namespace core::network
