#pragma once

#include "server/login/trust_store.hpp"

#include <QDateTime>
#include <QString>
#include <chrono>
#include <openssl/x509.h>
#include <stdexcept>

namespace server::login {

enum class RevocationStatus { Good, Revoked, Unavailable };

struct RevocationResult {
    RevocationStatus status = RevocationStatus::Unavailable;
    /// Why, for the server log: "ocsp: good", "ocsp: unreachable (…); crl: not listed", ….
    QString reason;
};

struct RevocationOptions {
    /// `http://host[:port][/path]` of the OCSP responder; empty: the CRLs decide alone.
    QString ocspUrl;
    /// The whole OCSP exchange (connect, send, receive). OpenSSL counts whole seconds, so this is
    /// rounded up to a second; the exchange may overrun it by up to about one second.
    std::chrono::milliseconds ocspTimeout { 5000 };
    /// Clock skew tolerated on OCSP and CRL thisUpdate/nextUpdate.
    std::chrono::seconds leeway { 300 };
};

/// The OCSP URL is unusable (not http://host..., https is not supported).
class RevocationConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Decides whether a certificate the trust store chained is revoked: OCSP when a responder is
/// configured, the issuer's CRL when OCSP cannot answer (no responder, unreachable, timed out,
/// HTTP error, a response that is malformed, badly signed, stale or lacks our nonce), and
/// Unavailable when neither can tell: login fails closed. A trusted OCSP `unknown` is Revoked,
/// as Web eID has it, and never falls back to the CRL.
///
/// The OCSP request is synchronous: check() blocks the calling thread for at most the timeout
/// (plus the host name lookup, which the OS resolver bounds; configure an IP address to avoid it).
/// The server is single-threaded, so a slow responder holds up other requests for that long.
/// No proxy is used. SIGPIPE is blocked on the calling thread during the exchange, so a responder
/// that drops the connection cannot kill the process.
class RevocationChecker {
public:
    /// Throws RevocationConfigError for an unusable OCSP URL.
    explicit RevocationChecker(RevocationOptions options = {});

    /// `certificate` was issued by `issuer` (the chain check found it); `nowUtc` is the time both
    /// the OCSP response and the CRL must be current at.
    RevocationResult check(const X509* certificate, const X509* issuer, const TrustStore& trust,
        const QDateTime& nowUtc) const;

    const RevocationOptions& options() const { return options_; }

private:
    RevocationOptions options_;
    QByteArray host_, port_, path_;
};

} // namespace server::login
