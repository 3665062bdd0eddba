#pragma once

#include "core/domain/vacancy.hpp"

#include <QJsonObject>

namespace core::domain {

/// Stable camelCase keys; dates as ISO yyyy-MM-dd. Unset dates and a missing status are omitted.
QJsonObject toJson(const Vacancy& vacancy);

/// Strict: an unknown key, a wrong type or an impossible value throws DomainJsonError naming the
/// field. Absent keys keep the Vacancy defaults, so a half-filled draft parses.
Vacancy vacancyFromJson(const QJsonObject& object);

} // namespace core::domain
