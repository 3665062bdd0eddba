#pragma once

#include "server/service_context.hpp"

#include <QJsonArray>

namespace server::vacancies {

/// The seed's "vacancies" (called by seed::loadSeed inside its transaction). Each entry:
/// `{ "vacancyId": "1150100001" (optional), "agencyCode", "state": "active" | "withdrawn" |
/// "rejected" (default active), "rejectionReason" (rejected only, then required),
/// "vacancy": { …core's Vacancy JSON… }, "applications": […] (read by another loader),
/// "comment" }`.
///
/// - The vacancy gets the same checks as a create, except the start-date rule: seeded vacancies
///   may lie in the past (ended ones). `vacancy.createdOn` may set the creation date (default: the
///   earlier of today and validFrom), which also picks the 職缺編號's year and month.
/// - Idempotent on restart: an entry with a vacancyId is inserted only while that id is free (and
///   the month's counter moves past it); an entry without one is remembered by a fingerprint of
///   its text in `counters` ("seed-vacancy:<sha256>" → the id it got), so it is inserted once.
/// Throws seed::SeedError naming the entry and the field.
void seedVacancies(const ServiceContext& context, const QJsonArray& entries);

} // namespace server::vacancies
