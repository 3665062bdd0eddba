#pragma once

#include <QString>

namespace core::api {

/// The error codes of the contract (`Error.error` in docs/api/openapi.yaml, the catalogue in
/// server/src/http/error_catalogue.cpp), one enumerator each, in the contract's order.
enum class ServiceError {
    RequestInvalid,
    JsonMalformed,
    JsonTooDeep,
    BodyTooLarge,
    UnsupportedMediaType,
    NotFound,
    MethodNotAllowed,
    Unauthenticated,
    SessionExpired,
    AccountSetupRequired,
    CertificateLoginRequired,
    NonceInvalid,
    TokenMalformed,
    CertificateExpired,
    CertificateNotYetValid,
    CertificateUntrusted,
    CertificateUsage,
    CertificateRevoked,
    RevocationUnavailable,
    SignatureInvalid,
    AgencyNotFound,
    ActivationTicketInvalid,
    PersonNotFound,
    PersonInactive,
    CertificateOwnerMismatch,
    PasswordPolicy,
    AccountTaken,
    AccountAlreadySetUp,
    CurrentPasswordRequired,
    CurrentPasswordInvalid,
    CredentialsInvalid,
    TooManyAttempts,
    ValidationFailed,
    PreconditionRequired,
    PreconditionFailed,
    IdempotencyKeyRequired,
    IdempotencyKeyReused,
    IdempotencyKeyInFlight,
    VacancyClosed,
    CursorInvalid,
    ResumeAccessDisabled,
    ServerBusy,
    DatabaseUnavailable,
    InternalError,
    /// No error body, or a code this client does not know (a newer server).
    Unknown,
};

/// `"precondition-failed"` → PreconditionFailed; anything not in the contract → Unknown.
ServiceError serviceErrorFromCode(const QString& code);
/// The contract's code; empty for Unknown.
QString codeOf(ServiceError error);

} // namespace core::api
