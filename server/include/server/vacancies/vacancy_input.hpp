#pragma once

#include "core/domain/vacancy.hpp"
#include "core/domain/vacancy_rules.hpp"
#include "server/http/http_message.hpp"
#include "server/service_context.hpp"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace server::http {
class ApiError;
}

namespace server::vacancies {

/// The body of a create or a replace as core's Vacancy (vacancy_json.hpp), strictly: 415 / 413 /
/// 400 json-malformed / json-too-deep as every endpoint, and 400 request-invalid with
/// `fields: { "<path>": ["unknown" | "type" | "invalid" | "missing"] }` when the JSON does not fit
/// the Vacancy. The record's own read-only members (`etag`, `rejectionReason`) are ignored, so a
/// client may send back what it read. The server-assigned members are parsed (type-checked) but
/// left for the caller to look at and clear.
core::domain::Vacancy readVacancyBody(
    const ServiceContext& context, const http::HttpRequest& request);

/// Clears what the server assigns (vacancyId, status, createdOn, updatedOn, publishedOn) and sets
/// the agency: the code is the body's when `allowed` holds it, the first of `allowed` when the
/// body names none; the name is the one on file, the address the body's or, when blank, the one
/// on file. Returns the problems of a body naming an agency outside `allowed` (field
/// agencyCode), for validationProblems' list.
QList<core::domain::FieldMessage> adoptAgency(
    const ServiceContext& context, core::domain::Vacancy& vacancy, const QStringList& allowed);

/// core::domain::validate with the code lists, plus the server's length limits for the short
/// texts and lists the form rules leave open. The start-date rule (not before today) runs only
/// when `checkStartDate`: a new vacancy, or a changed start date.
QList<core::domain::FieldMessage> validationProblems(const ServiceContext& context,
    const core::domain::Vacancy& vacancy, const QDate& today, bool checkStartDate);

/// 422 validation-failed with `fields: { field: [message, …] }`.
http::ApiError validationFailed(const QList<core::domain::FieldMessage>& problems);

} // namespace server::vacancies
