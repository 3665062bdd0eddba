#pragma once

#include "core/api/failure.hpp"
#include "core/api/vacancy_types.hpp"

#include <QJsonObject>
#include <optional>

namespace core::api {

/// A record as the server sends it (a Vacancy plus `etag` and maybe `rejectionReason`);
/// nullopt when the JSON is not one. Never throws.
std::optional<VacancyRecord> vacancyRecordFromJson(const QJsonObject& json);

/// The record as stored now, which a 412 precondition-failed carries in `current`; nullopt for
/// any other failure.
std::optional<VacancyRecord> currentRecord(const Failure& failure);

} // namespace core::api
