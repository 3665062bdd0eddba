#pragma once

// The answer of `GET /vacancies/{id}/applications`, read strictly (ShapeError otherwise).

#include "core/api/application_types.hpp"

#include <QJsonObject>

namespace core::api::detail {

/// An ApplicationList. Refuses a résumé carrying a section the list does not open, or any
/// `idNumber` member: the client never shows what the vacancy does not allow.
ApplicationList applicationListFrom(const QJsonObject& body);

} // namespace core::api::detail
