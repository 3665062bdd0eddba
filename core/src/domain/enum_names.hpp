#pragma once

#include "core/domain/vacancy.hpp"

#include <QString>
#include <optional>

namespace core::domain::detail {

// The JSON spelling of each enum. Stable wire names: never rename one, only add.
QString rankClassName(RankClass value);
std::optional<RankClass> rankClassFromName(const QString& name);
QString genderName(Gender value);
std::optional<Gender> genderFromName(const QString& name);
QString vacancyClassName(VacancyClass value);
std::optional<VacancyClass> vacancyClassFromName(const QString& name);
QString resumeItemName(ResumeItem value);
std::optional<ResumeItem> resumeItemFromName(const QString& name);
QString statusName(VacancyStatus value);
std::optional<VacancyStatus> statusFromName(const QString& name);

} // namespace core::domain::detail
