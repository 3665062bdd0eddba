// ServiceError covers the contract's codes exactly, Failure::retriable() follows its rule, and the
// sync engine's classify() sorts failures by that same rule.

#include "../../../core/src/sync/service_client_remote.hpp"
#include "client_fixture.hpp"
#include "server/http/api_error.hpp"

#include <QFile>
#include <QRegularExpression>
#include <set>

using namespace apitest;
using core::api::Failure;

namespace {

/// The `Error.error` enum of docs/api/openapi.yaml.
QStringList contractCodes()
{
    QFile file(qEnvironmentVariable("SHIQIUREN_SOURCE_DIR") + "/docs/api/openapi.yaml");
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    const qsizetype schema = text.indexOf("\n    Error:\n");
    REQUIRE(schema > 0);
    const qsizetype start = text.indexOf("enum:\n", schema);
    const qsizetype end = text.indexOf("message:", start);
    REQUIRE((start > 0 && end > start));
    QStringList codes;
    static const QRegularExpression item(
        QStringLiteral("^\\s+- ([a-z-]+)$"), QRegularExpression::MultilineOption);
    for (auto it = item.globalMatch(text.mid(start, end - start)); it.hasNext();)
        codes.append(it.next().captured(1));
    return codes;
}

} // namespace

TEST_CASE("Every error code of the contract has its ServiceError, both ways", "[api][errors]")
{
    const QStringList catalogue = server::http::allErrorCodes();
    const QStringList contract = contractCodes();
    CHECK(contract == catalogue);
    REQUIRE(catalogue.size() == int(ServiceError::Unknown));
    std::set<ServiceError> seen;
    for (const QString& code : catalogue) {
        INFO(code.toStdString());
        const ServiceError error = core::api::serviceErrorFromCode(code);
        CHECK(error != ServiceError::Unknown);
        CHECK(core::api::codeOf(error) == code);
        seen.insert(error);
    }
    CHECK(seen.size() == std::size_t(catalogue.size()));
    CHECK(core::api::serviceErrorFromCode("no-such-code") == ServiceError::Unknown);
    CHECK(core::api::serviceErrorFromCode("") == ServiceError::Unknown);
    CHECK(core::api::codeOf(ServiceError::Unknown).isEmpty());
}

TEST_CASE("retriable(): network, timeout, 5xx, 429, 408 and a key in flight", "[api][errors]")
{
    const auto failure
        = [](ErrorKind kind, int status = 0, ServiceError error = ServiceError::Unknown) {
              Failure f;
              f.kind = kind;
              f.httpStatus = status;
              f.error = error;
              return f;
          };
    CHECK(failure(ErrorKind::Network).retriable());
    CHECK(failure(ErrorKind::Timeout).retriable());
    CHECK(failure(ErrorKind::Http, 500, ServiceError::InternalError).retriable());
    CHECK(failure(ErrorKind::Http, 503, ServiceError::RevocationUnavailable).retriable());
    CHECK(failure(ErrorKind::Http, 502).retriable());
    CHECK(failure(ErrorKind::Http, 429, ServiceError::TooManyAttempts).retriable());
    CHECK(failure(ErrorKind::Http, 409, ServiceError::IdempotencyKeyInFlight).retriable());
    CHECK(failure(ErrorKind::Http, 408).retriable());

    CHECK_FALSE(failure(ErrorKind::None).retriable());
    CHECK_FALSE(failure(ErrorKind::Tls).retriable());
    CHECK_FALSE(failure(ErrorKind::BadResponse, 200).retriable());
    CHECK_FALSE(failure(ErrorKind::Http, 409, ServiceError::VacancyClosed).retriable());
    CHECK_FALSE(failure(ErrorKind::Http, 409, ServiceError::AccountTaken).retriable());
    CHECK_FALSE(failure(ErrorKind::Http, 412, ServiceError::PreconditionFailed).retriable());
    CHECK_FALSE(failure(ErrorKind::Http, 401, ServiceError::SessionExpired).retriable());
    CHECK_FALSE(failure(ErrorKind::Http, 422, ServiceError::ValidationFailed).retriable());

    Failure described = failure(ErrorKind::Http, 412, ServiceError::PreconditionFailed);
    described.code = "precondition-failed";
    described.detail = "HTTP 412 precondition-failed";
    CHECK(described.summary() == "http 412 precondition-failed: HTTP 412 precondition-failed");
}

TEST_CASE("The sync engine sorts failures by the same retry rule", "[api][errors]")
{
    using Outcome = core::sync::RemoteReply::Outcome;
    const auto http = [](int status, ServiceError error = ServiceError::Unknown) {
        Failure f;
        f.kind = ErrorKind::Http;
        f.httpStatus = status;
        f.error = error;
        return f;
    };
    for (const Failure& f : { http(500), http(503), http(429), http(408),
             http(409, ServiceError::IdempotencyKeyInFlight) }) {
        INFO("HTTP " << f.httpStatus);
        CHECK(f.retriable());
        CHECK(core::sync::detail::classify(f) == Outcome::Retry);
    }
    // The enum decides, not the text of the code.
    Failure renamed = http(409, ServiceError::IdempotencyKeyInFlight);
    renamed.code = QStringLiteral("something-else");
    CHECK(core::sync::detail::classify(renamed) == Outcome::Retry);
    CHECK(core::sync::detail::classify(http(409, ServiceError::VacancyClosed)) == Outcome::Refused);
    CHECK(core::sync::detail::classify(http(401)) == Outcome::NeedsLogin);
    CHECK(core::sync::detail::classify(http(403)) == Outcome::NeedsLogin);
    CHECK(core::sync::detail::classify(http(412)) == Outcome::PreconditionFailed);
    CHECK(core::sync::detail::classify(http(404)) == Outcome::NotFound);
    CHECK(core::sync::detail::classify(http(422)) == Outcome::Refused);
    // No answer at all: the outbox waits and sends the same bytes again.
    for (const ErrorKind kind :
        { ErrorKind::Network, ErrorKind::Timeout, ErrorKind::Tls, ErrorKind::BadResponse }) {
        Failure f;
        f.kind = kind;
        CHECK(core::sync::detail::classify(f) == Outcome::Retry);
    }
}
