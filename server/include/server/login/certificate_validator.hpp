#pragma once

#include "core/pki/certificate.hpp"
#include "server/login/revocation_checker.hpp"
#include "server/login/trust_store.hpp"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace server::login {

/// Why a login certificate is refused, in the order the checks run
/// (central-service.md, "Login with the card").
enum class LoginCertificateProblem {
    None,
    TokenMalformed, // not exactly one well-formed DER certificate
    NotYetValid,
    Expired,
    Untrusted, // no chain to an anchor through an intermediate, or not a citizen/agency cert
    Usage, // no digitalSignature key usage, or a CA certificate
    Revoked,
    RevocationUnavailable, // neither OCSP nor a current CRL could tell: fail closed
};

/// The API's error code: "token-malformed", "certificate-not-yet-valid", "certificate-expired",
/// "certificate-untrusted", "certificate-usage", "certificate-revoked", "revocation-unavailable";
/// empty for None. Stable: clients match on them.
QString problemCode(LoginCertificateProblem problem);

/// Whom the certificate identifies: a person (自然人憑證, MOICA) or an agency (機關憑證, GCA).
enum class LoginCertificateKind { Citizen, Agency };

struct LoginCertificateCheck {
    LoginCertificateProblem problem = LoginCertificateProblem::None;
    /// Technical detail for the server log (the chain error, the revocation path taken).
    QString detail;
    /// Filled once the DER parsed, also for most refusals (logs may name the holder).
    core::pki::CertificateInfo certificate;
    /// Meaningful when ok().
    LoginCertificateKind kind = LoginCertificateKind::Citizen;
    /// DER of the CA that issued the certificate (the chain's second link); empty before the
    /// chain check passed.
    QByteArray issuerDer;

    bool ok() const { return problem == LoginCertificateProblem::None; }
    QString errorCode() const { return problemCode(problem); }
};

/// Checks the certificate of a login token, stopping at the first failure: parses (exactly one
/// DER certificate), validity at `nowUtc`, chain to an anchor of `trust` through at least one of
/// its intermediates, kind (the issuing CA's OU 內政部憑證管理中心 / 政府憑證管理中心, else the
/// Taiwan identity attribute it carries), key usage, revocation. Never throws for bad input.
/// Blocks for up to the OCSP timeout (see RevocationChecker).
LoginCertificateCheck validateLoginCertificate(const QByteArray& der, const TrustStore& trust,
    const RevocationChecker& revocation, const QDateTime& nowUtc);

} // namespace server::login
