#pragma once

#include "server/http/http_message.hpp"
#include "server/service_context.hpp"
#include "server/vacancies/idempotency.hpp"
#include "server/vacancies/vacancy_record.hpp"

namespace server::vacancies {

// The three writes behind vacancy_routes.hpp. Each reads the current version first for its
// answers (404, 412 with `current`, 409 vacancy-closed, 422), then writes with one conditional
// UPDATE on the version the client named, so two writers (two processes on one database
// included) can never both succeed on the same version.

/// The vacancy `vacancyId` of one of `agencyCodes` (the caller's agencyScope); 404 not-found for
/// an unknown id, another agency's and a deleted one alike.
StoredVacancy requireVacancy(
    const ServiceContext& context, const QStringList& agencyCodes, const QString& vacancyId);

/// `POST /vacancies`: Idempotency-Key (idempotency.hpp), body, agency, rules, a new 職缺編號.
http::HttpResponse createVacancy(const ServiceContext& context, const http::HttpRequest& request);

/// The work of a create whose key `reservation` holds: body, agency, rules, the new row, its
/// audit row, and the key completed with the answer. Call inside a transaction (the create's
/// own, or a batch's); throws ApiError for a refusal, leaving the rollback to the caller.
http::HttpResponse createUnderKey(const ServiceContext& context, const http::HttpRequest& request,
    const IdempotencyReservation& reservation);

/// `PUT /vacancies/{id}`: If-Match (428 without), the body replaces the clerk's data; a rejected
/// vacancy becomes active again.
http::HttpResponse replaceVacancy(const ServiceContext& context, const http::HttpRequest& request);

/// `DELETE /vacancies/{id}`: If-Match; published → withdrawn (200 with the record), scheduled or
/// rejected → deleted (204); ended or withdrawn → 409 vacancy-closed.
http::HttpResponse removeVacancy(const ServiceContext& context, const http::HttpRequest& request);

} // namespace server::vacancies
