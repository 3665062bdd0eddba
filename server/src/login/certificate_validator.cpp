#include "server/login/certificate_validator.hpp"

#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>
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

/// Only the issuing CA says what the card is: another CA's certificate (XCA, MOEACA) may carry
/// the same identity attributes, so they never decide.
std::optional<LoginCertificateKind> kindOf(const X509* issuer, const LoginCertificateRules& rules)
{
    if (hasOrganizationalUnit(issuer, rules.citizenIssuerUnit))
        return LoginCertificateKind::Citizen;
    if (hasOrganizationalUnit(issuer, rules.agencyIssuerUnit))
        return LoginCertificateKind::Agency;
    return std::nullopt;
}

/// The dotted OIDs of the certificatePolicies extension (empty without one).
QStringList policiesOf(X509* certificate)
{
    QStringList oids;
    auto* policies = static_cast<CERTIFICATEPOLICIES*>(
        X509_get_ext_d2i(certificate, NID_certificate_policies, nullptr, nullptr));
    if (!policies)
        return oids;
    for (int index = 0; index < sk_POLICYINFO_num(policies); ++index) {
        char text[128] = {};
        const POLICYINFO* policy = sk_POLICYINFO_value(policies, index);
        if (OBJ_obj2txt(text, sizeof text, policy->policyid, 1) > 0)
            oids.append(QString::fromLatin1(text));
    }
    CERTIFICATEPOLICIES_free(policies);
    return oids;
}

/// Empty when the key is RSA of at least `minimumBits`, else why not.
QString weakKeyReason(X509* certificate, int minimumBits)
{
    EVP_PKEY* key = X509_get0_pubkey(certificate);
    if (!key || EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA)
        return QStringLiteral("key: not RSA");
    const int bits = EVP_PKEY_get_bits(key);
    if (bits < minimumBits)
        return QStringLiteral("key: RSA of %1 bits, below %2").arg(bits).arg(minimumBits);
    return {};
}

/// Web eID's purpose check: digitalSignature, not a CA, and an EKU (when there is one) that
/// allows client authentication. Empty when the certificate may log in.
QString usageProblem(X509* certificate, const core::pki::CertificateInfo& info)
{
    if (info.isCa || !info.keyUsage.contains(QLatin1String("digitalSignature")))
        return QStringLiteral("key usage lacks digitalSignature");
    if ((X509_get_extension_flags(certificate) & EXFLAG_XKUSAGE) != 0
        && (X509_get_extended_key_usage(certificate) & XKU_SSL_CLIENT) == 0)
        return QStringLiteral("extended key usage lacks clientAuth");
    return {};
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

LoginCertificateCheck parseLoginCertificate(const QByteArray& der)
{
    const ErrorQueueScope errors;
    LoginCertificateCheck check;
    try {
        check.certificate = core::pki::parseCertificate(der);
    } catch (const core::pki::CertificateParseError& error) {
        check.problem = Problem::TokenMalformed;
        check.detail = QString::fromUtf8(error.what());
        return check;
    }
    if (!decodeExactly(der)) {
        check.problem = Problem::TokenMalformed;
        check.detail = QStringLiteral("OpenSSL cannot decode it");
    }
    return check;
}

LoginCertificateCheck validateLoginCertificate(const QByteArray& der, const TrustStore& trust,
    const RevocationChecker& revocation, const QDateTime& nowUtc,
    const LoginCertificateRules& rules)
{
    const ErrorQueueScope errors;
    LoginCertificateCheck check = parseLoginCertificate(der);
    if (!check.ok())
        return check;
    const auto refuse = [&check](Problem problem, const QString& detail) {
        check.problem = problem;
        check.detail = detail;
        return check;
    };
    const X509Ptr certificate = decodeExactly(der);

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
    const std::optional<LoginCertificateKind> kind = kindOf(issuer, rules);
    if (!kind)
        return refuse(Problem::Untrusted, QStringLiteral("neither a citizen nor an agency card"));
    check.kind = *kind;

    const QStringList policies = policiesOf(certificate.get());
    bool allowed = false;
    for (const QString& policy : policies)
        allowed = allowed || rules.allowedPolicies.contains(policy);
    if (!allowed)
        return refuse(Problem::Untrusted,
            QStringLiteral("policy: none allowed (%1)")
                .arg(policies.isEmpty() ? QStringLiteral("no policy") : policies.join(u',')));
    if (const QString why = weakKeyReason(certificate.get(), rules.minimumRsaBits); !why.isEmpty())
        return refuse(Problem::Untrusted, why);
    if (const QString why = usageProblem(certificate.get(), check.certificate); !why.isEmpty())
        return refuse(Problem::Usage, why);

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
