#pragma once

#include "server/http/router.hpp"
#include "server/service_context.hpp"

namespace server::vacancies {

/// The vacancy endpoints (central-service.md "Vacancies"), always the caller's own agency; another
/// agency's vacancy answers 404 like an unknown one:
/// - `GET /vacancies?scope=current|history&id=&q=&page=&pageSize=` (Account)
///   → `{ items: [record], page, pageSize, total }`; current = scheduled, published, rejected;
///   history = ended, withdrawn; newest 職缺編號 first.
/// - `GET /vacancies/{id}` (Account) → the record, with `ETag`.
/// - `POST /vacancies` (CertificateWrite, `Idempotency-Key`) → 201 record, `Location`, `ETag`.
/// - `PUT /vacancies/{id}` (CertificateWrite, `If-Match`) → 200 record, `ETag`.
/// - `DELETE /vacancies/{id}` (CertificateWrite, `If-Match`) → 200 record when a published one is
///   withdrawn (撤銷), 204 when one never published is deleted.
/// - `GET /changes?since=&limit=` (Account) → change_feed.hpp.
/// A record is vacancy_record.hpp's recordJson.
void addVacancyRoutes(http::Router& router, const ServiceContext& context);

} // namespace server::vacancies
