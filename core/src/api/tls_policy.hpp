#pragma once

// What the client trusts: the TLS configuration of every request and the certificate pin
// (ServiceConfig::pinnedCertificateSha256).

#include "core/api/service_config.hpp"

#include <QList>
#include <QSslConfiguration>
#include <QSslError>
#include <optional>

namespace core::api::detail {

class TlsPolicy {
public:
    explicit TlsPolicy(const ServiceConfig& config);

    /// The system's CAs plus the configured extra ones. Made on first use: building it loads
    /// the TLS backend and reads the system's CAs, which a client never asked to connect skips.
    const QSslConfiguration& configuration() const;
    bool pinned() const { return pinConfigured_; }
    /// A pin was configured but is neither 32 bytes nor 64 hex digits: nothing is trusted.
    bool pinMalformed() const { return pinConfigured_ && !pin_; }
    /// With a pin: exactly the pinned certificate. Without: always (the CA check decides).
    bool acceptsPeer(const QSslCertificate& leaf) const;
    /// With a pin that `leaf` matches, the errors it waives: those saying only that nobody
    /// vouches for the certificate (self-signed, unknown issuer). Never expiry, revocation,
    /// host name or a broken signature.
    bool waives(const QList<QSslError>& errors, const QSslCertificate& leaf) const;

private:
    QList<QSslCertificate> extraCaCertificates_;
    mutable std::optional<QSslConfiguration> configuration_; // one thread uses the policy
    bool pinConfigured_ = false;
    std::optional<QByteArray> pin_;
};

} // namespace core::api::detail
