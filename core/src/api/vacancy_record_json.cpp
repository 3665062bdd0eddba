#include "core/api/vacancy_record_json.hpp"

#include "answers.hpp"

#include <exception>

namespace core::api {

std::optional<VacancyRecord> vacancyRecordFromJson(const QJsonObject& json)
{
    try {
        return detail::vacancyRecordFrom(json);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::optional<VacancyRecord> currentRecord(const Failure& failure)
{
    if (failure.kind != ErrorKind::Http || failure.error != ServiceError::PreconditionFailed)
        return std::nullopt;
    const QJsonValue current = failure.body.value(QLatin1String("current"));
    if (!current.isObject())
        return std::nullopt;
    return vacancyRecordFromJson(current.toObject());
}

} // namespace core::api
