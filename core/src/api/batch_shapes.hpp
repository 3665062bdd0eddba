#pragma once

// The two sides of `POST /vacancy-batches` as bytes: the request body built around each
// create's exact bytes, and the answer split into one HTTP answer per item.

#include "core/api/vacancy_types.hpp"
#include "http_exchange.hpp"

#include <QList>

namespace core::api::detail {

/// `{"items":[{"idempotencyKey":"…","vacancy":<exactBody>},…]}`: each body embedded verbatim,
/// so the server reads the bytes the single POST would have carried.
QByteArray batchBody(const QList<VacancyCreate>& creates);

/// The `results` of a 200 answer as `expected` answers (status, body, and
/// `Idempotent-Replayed: true` for a replayed one). Throws ShapeError when the answer is not
/// one result per item.
QList<HttpAnswer> batchAnswers(const HttpAnswer& answer, qsizetype expected);

} // namespace core::api::detail
