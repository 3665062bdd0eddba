#include "core/api/service_error.hpp"

#include <QString>
#include <array>
#include <utility>

namespace core::api {

namespace {

using Entry = std::pair<ServiceError, QLatin1String>;

constexpr std::array<Entry, 44> codes { {
    { ServiceError::RequestInvalid, QLatin1String("request-invalid") },
    { ServiceError::JsonMalformed, QLatin1String("json-malformed") },
    { ServiceError::JsonTooDeep, QLatin1String("json-too-deep") },
    { ServiceError::BodyTooLarge, QLatin1String("body-too-large") },
    { ServiceError::UnsupportedMediaType, QLatin1String("unsupported-media-type") },
    { ServiceError::NotFound, QLatin1String("not-found") },
    { ServiceError::MethodNotAllowed, QLatin1String("method-not-allowed") },
    { ServiceError::Unauthenticated, QLatin1String("unauthenticated") },
    { ServiceError::SessionExpired, QLatin1String("session-expired") },
    { ServiceError::AccountSetupRequired, QLatin1String("account-setup-required") },
    { ServiceError::CertificateLoginRequired, QLatin1String("certificate-login-required") },
    { ServiceError::NonceInvalid, QLatin1String("nonce-invalid") },
    { ServiceError::TokenMalformed, QLatin1String("token-malformed") },
    { ServiceError::CertificateExpired, QLatin1String("certificate-expired") },
    { ServiceError::CertificateNotYetValid, QLatin1String("certificate-not-yet-valid") },
    { ServiceError::CertificateUntrusted, QLatin1String("certificate-untrusted") },
    { ServiceError::CertificateUsage, QLatin1String("certificate-usage") },
    { ServiceError::CertificateRevoked, QLatin1String("certificate-revoked") },
    { ServiceError::RevocationUnavailable, QLatin1String("revocation-unavailable") },
    { ServiceError::SignatureInvalid, QLatin1String("signature-invalid") },
    { ServiceError::AgencyNotFound, QLatin1String("agency-not-found") },
    { ServiceError::ActivationTicketInvalid, QLatin1String("activation-ticket-invalid") },
    { ServiceError::PersonNotFound, QLatin1String("person-not-found") },
    { ServiceError::PersonInactive, QLatin1String("person-inactive") },
    { ServiceError::CertificateOwnerMismatch, QLatin1String("certificate-owner-mismatch") },
    { ServiceError::PasswordPolicy, QLatin1String("password-policy") },
    { ServiceError::AccountTaken, QLatin1String("account-taken") },
    { ServiceError::AccountAlreadySetUp, QLatin1String("account-already-set-up") },
    { ServiceError::CurrentPasswordRequired, QLatin1String("current-password-required") },
    { ServiceError::CurrentPasswordInvalid, QLatin1String("current-password-invalid") },
    { ServiceError::CredentialsInvalid, QLatin1String("credentials-invalid") },
    { ServiceError::TooManyAttempts, QLatin1String("too-many-attempts") },
    { ServiceError::ValidationFailed, QLatin1String("validation-failed") },
    { ServiceError::PreconditionRequired, QLatin1String("precondition-required") },
    { ServiceError::PreconditionFailed, QLatin1String("precondition-failed") },
    { ServiceError::IdempotencyKeyRequired, QLatin1String("idempotency-key-required") },
    { ServiceError::IdempotencyKeyReused, QLatin1String("idempotency-key-reused") },
    { ServiceError::IdempotencyKeyInFlight, QLatin1String("idempotency-key-in-flight") },
    { ServiceError::VacancyClosed, QLatin1String("vacancy-closed") },
    { ServiceError::CursorInvalid, QLatin1String("cursor-invalid") },
    { ServiceError::ResumeAccessDisabled, QLatin1String("resume-access-disabled") },
    { ServiceError::ServerBusy, QLatin1String("server-busy") },
    { ServiceError::DatabaseUnavailable, QLatin1String("database-unavailable") },
    { ServiceError::InternalError, QLatin1String("internal-error") },
} };

// Every enumerator but Unknown has its code, in declaration order.
static_assert(codes.size() == std::size_t(ServiceError::Unknown));

} // namespace

ServiceError serviceErrorFromCode(const QString& code)
{
    for (const auto& [error, text] : codes)
        if (code == text)
            return error;
    return ServiceError::Unknown;
}

QString codeOf(ServiceError error)
{
    for (const auto& [value, text] : codes)
        if (value == error)
            return QString(text);
    return {};
}

} // namespace core::api
