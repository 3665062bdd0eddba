#include "server/login/certificate_validator.hpp"

#include <openssl/x509_vfy.h>
#include <optional>

namespace server::login {

namespace {

using StoreContextPtr = std::unique_ptr<X509_STORE_CTX, OpenSslDeleter<X509_STORE_CTX_free>>;
using Problem = LoginCertificateProblem;

X509Ptr decodeExactly(const QByteArray& der)
{
    const auto* start = reinterpret_cast<const unsigned char*>(der.constData());
    const unsigned char* cursor = start;
    X509Ptr certificate(d2i_X509(nullptr, &cursor, static_cast<long>(der.size())));
    return certificate && cursor == start + der.size() ? std::move(certificate) : nullptr;
}

QByteArray derOf(X509* certificate)
{
    unsigned char* raw = nullptr;
    const int length = i2d_X509(certificate, &raw);
    const std::unique_ptr<unsigned char, OpenSslFree> der(raw);
    return length > 0 ? QByteArray(reinterpret_cast<const char*>(der.get()), length) : QByteArray();
}

bool hasOrganizationalUnit(const X509* certificate, const QString& unit)
{
    const X509_NAME* name = X509_get_subject_name(certificate);
    for (int index = -1;
         (index = X509_NAME_get_index_by_NID(name, NID_organizationalUnitName, index)) >= 0;) {
        unsigned char* raw = nullptr;
        const int length
            = ASN1_STRING_to_UTF8(&raw, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index)));
        const std::unique_ptr<unsigned char, OpenSslFree> text(raw);
        if (length >= 0
            && QString::fromUtf8(reinterpret_cast<const char*>(text.get()), length) == unit)
            return true;
    }
    return false;
}

/// The issuing CA says what the card is; a certificate from another CA still counts when it
/// carries the Taiwan identity attribute of one kind.
std::optional<LoginCertificateKind> kindOf(
    const X509* issuer, const core::pki::CertificateInfo& certificate)
{
    if (hasOrganizationalUnit(issuer, QStringLiteral("內政部憑證管理中心")))
        return LoginCertificateKind::Citizen;
    if (hasOrganizationalUnit(issuer, QStringLiteral("政府憑證管理中心")))
        return LoginCertificateKind::Agency;
    if (!certificate.idLastFour.isEmpty())
        return LoginCertificateKind::Citizen;
    if (!certificate.agencyCode.isEmpty())
        return LoginCertificateKind::Agency;
    return std::nullopt;
}

/// The card certificate's own dates were checked before, with both ends included (RFC 5280);
/// OpenSSL counts the notAfter second as expired, so its verdict on them is ignored here.
int ignoreLeafDates(int ok, X509_STORE_CTX* context)
{
    const int error = X509_STORE_CTX_get_error(context);
    if (!ok && X509_STORE_CTX_get_error_depth(context) == 0
        && (error == X509_V_ERR_CERT_HAS_EXPIRED || error == X509_V_ERR_CERT_NOT_YET_VALID))
        return 1;
    return ok;
}

/// The chain from `certificate` to an anchor, built only from the configured intermediates (the
/// client sends none). The CAs' dates are checked at `nowUtc`, so an expired CA fails here.
/// Revocation is decided separately, so no CRL flags.
QString verifyChain(
    X509* certificate, const TrustStore& trust, const QDateTime& nowUtc, StoreContextPtr& context)
{
    context.reset(X509_STORE_CTX_new());
    if (!context
        || X509_STORE_CTX_init(
               context.get(), trust.anchorStore(), certificate, trust.intermediates())
            != 1)
        return QStringLiteral("cannot set up the chain check");
    X509_VERIFY_PARAM* parameters = X509_STORE_CTX_get0_param(context.get());
    X509_VERIFY_PARAM_set_flags(parameters, X509_V_FLAG_X509_STRICT);
    X509_VERIFY_PARAM_set_time(parameters, static_cast<time_t>(nowUtc.toSecsSinceEpoch()));
    X509_STORE_CTX_set_verify_cb(context.get(), ignoreLeafDates);
    if (X509_verify_cert(context.get()) != 1)
        return QStringLiteral("chain: %1")
            .arg(QLatin1String(
                X509_verify_cert_error_string(X509_STORE_CTX_get_error(context.get()))));
    // Login certificates come from an issuing CA (MOICA, GCA), never straight from a root.
    if (sk_X509_num(X509_STORE_CTX_get0_chain(context.get())) < 3)
        return QStringLiteral("chain: issued directly by a trust anchor");
    return {};
}

} // namespace

QString problemCode(LoginCertificateProblem problem)
{
    switch (problem) {
    case Problem::None:
        return {};
    case Problem::TokenMalformed:
        return QStringLiteral("token-malformed");
    case Problem::NotYetValid:
        return QStringLiteral("certificate-not-yet-valid");
    case Problem::Expired:
        return QStringLiteral("certificate-expired");
    case Problem::Untrusted:
        return QStringLiteral("certificate-untrusted");
    case Problem::Usage:
        return QStringLiteral("certificate-usage");
    case Problem::Revoked:
        return QStringLiteral("certificate-revoked");
    case Problem::RevocationUnavailable:
        return QStringLiteral("revocation-unavailable");
    }
    return QStringLiteral("token-malformed"); // unreachable: every enumerator is handled above
}

LoginCertificateCheck validateLoginCertificate(const QByteArray& der, const TrustStore& trust,
    const RevocationChecker& revocation, const QDateTime& nowUtc)
{
    const ErrorQueueScope errors;
    LoginCertificateCheck check;
    const auto refuse = [&check](Problem problem, const QString& detail) {
        check.problem = problem;
        check.detail = detail;
        return check;
    };

    try {
        check.certificate = core::pki::parseCertificate(der);
    } catch (const core::pki::CertificateParseError& error) {
        return refuse(Problem::TokenMalformed, QString::fromUtf8(error.what()));
    }
    const X509Ptr certificate = decodeExactly(der);
    if (!certificate)
        return refuse(Problem::TokenMalformed, QStringLiteral("OpenSSL cannot decode it"));

    if (nowUtc < check.certificate.notBefore)
        return refuse(Problem::NotYetValid,
            QStringLiteral("valid from %1").arg(check.certificate.notBefore.toString(Qt::ISODate)));
    if (nowUtc > check.certificate.notAfter)
        return refuse(Problem::Expired,
            QStringLiteral("valid until %1").arg(check.certificate.notAfter.toString(Qt::ISODate)));

    StoreContextPtr context;
    if (const QString why = verifyChain(certificate.get(), trust, nowUtc, context); !why.isEmpty())
        return refuse(Problem::Untrusted, why);
    X509* issuer = sk_X509_value(X509_STORE_CTX_get0_chain(context.get()), 1);
    check.issuerDer = derOf(issuer);
    const std::optional<LoginCertificateKind> kind = kindOf(issuer, check.certificate);
    if (!kind)
        return refuse(Problem::Untrusted, QStringLiteral("neither a citizen nor an agency card"));
    check.kind = *kind;

    if (check.certificate.isCa
        || !check.certificate.keyUsage.contains(QLatin1String("digitalSignature")))
        return refuse(Problem::Usage, QStringLiteral("key usage lacks digitalSignature"));

    const RevocationResult revocationResult
        = revocation.check(certificate.get(), issuer, trust, nowUtc);
    switch (revocationResult.status) {
    case RevocationStatus::Good:
        check.detail = revocationResult.reason;
        return check;
    case RevocationStatus::Revoked:
        return refuse(Problem::Revoked, revocationResult.reason);
    case RevocationStatus::Unavailable:
        break;
    }
    return refuse(Problem::RevocationUnavailable, revocationResult.reason);
}

} // namespace server::login
