#pragma once

#include "server/http/http_message.hpp"
#include "server/service_context.hpp"

namespace server::vacancies {

/// The most creates one batch may hold.
inline constexpr int maxBatchItems = 100;

/// `POST /vacancy-batches`: many creates in one request and one transaction, so a client pushing
/// a queue pays one commit for them instead of two or three each. Every item is what a
/// `POST /vacancies` with its `idempotencyKey` would be: the same checks, the same key table
/// (a single POST may retry a batch item and the other way round), the same audit row. Answers
/// 200 `{ "results": [ { "status", "replayed", "body" } ] }`, one per item in order, `body`
/// being what the single POST answers; an item's refusal rolls back that item only. Whole-request
/// refusals: the usual 415 / 413 / 400 json-*, and 400 request-invalid for a body that is not
/// `{ "items": [ { "idempotencyKey": UUID, "vacancy": {…} } ] }` with 1..maxBatchItems items and
/// no key twice.
http::HttpResponse createVacancyBatch(
    const ServiceContext& context, const http::HttpRequest& request);

} // namespace server::vacancies
