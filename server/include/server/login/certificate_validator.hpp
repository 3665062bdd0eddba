#pragma once

#include "core/pki/certificate.hpp"
#include "server/login/revocation_checker.hpp"
#include "server/login/trust_store.hpp"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace server::login {

/// Why a login certificate is refused, in the order the checks run
/// (central-service.md, "Login with the card").
enum class LoginCertificateProblem {
    None,
    TokenMalformed, // not exactly one well-formed DER certificate
    NotYetValid,
    Expired,
    // no chain to an anchor through an intermediate, an issuer configured for neither kind of
    // card, no allowed certificate policy, or an RSA key shorter than the minimum
    Untrusted,
    Usage, // no digitalSignature key usage, a CA certificate, or an EKU without clientAuth
    Revoked, // by OCSP or CRL; an OCSP `unknown` counts as revoked too
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

/// What a login certificate must be beyond a chain to an anchor. The defaults are what MOICA
/// (自然人憑證) and GCA (機關憑證) issue; docs/server.md says where each comes from.
struct LoginCertificateRules {
    /// The leaf must carry at least one of these certificatePolicies (GPKI assurance level 3).
    QStringList allowedPolicies { QStringLiteral("2.16.886.101.0.3.3") };
    /// The issuing CA's organizationalUnitName that makes a certificate a citizen's card...
    QString citizenIssuerUnit = QStringLiteral("內政部憑證管理中心");
    /// ... and an agency's card. Nothing in the leaf itself decides the kind.
    QString agencyIssuerUnit = QStringLiteral("政府憑證管理中心");
    int minimumRsaBits = 2048;
};

/// Parses the token's certificate alone: TokenMalformed unless it is exactly one DER certificate
/// both core's parser and OpenSSL read; else None with `certificate` filled.
LoginCertificateCheck parseLoginCertificate(const QByteArray& der);

/// Checks the certificate of a login token, stopping at the first failure: parses (exactly one
/// DER certificate), validity at `nowUtc`, chain to an anchor of `trust` through at least one of
/// its intermediates, kind (the issuing CA's OU, as `rules` configure it), certificate policy,
/// RSA key size, key usage and EKU, revocation. Never throws for bad input. Blocks for up to the
/// OCSP timeout (see RevocationChecker).
LoginCertificateCheck validateLoginCertificate(const QByteArray& der, const TrustStore& trust,
    const RevocationChecker& revocation, const QDateTime& nowUtc,
    const LoginCertificateRules& rules = {});

} // namespace server::login
