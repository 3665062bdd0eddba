#pragma once

// The success answers of the contract, read into the client's types. Each throws ShapeError
// when the JSON is not what the contract says.

#include "core/api/login_types.hpp"
#include "core/api/reference_types.hpp"
#include "core/api/vacancy_types.hpp"

#include <QJsonObject>

namespace core::api::detail {

Challenge challengeFrom(const QJsonObject& body);
/// A SessionResponse or (when `activationAllowed`) an ActivationRequired.
LoginOutcome loginOutcomeFrom(const QJsonObject& body, bool activationAllowed);
/// An Account or AgencyAccount.
QJsonObject accountFrom(const QJsonObject& body);
/// A VacancyRecord: `etag` and `rejectionReason` are taken out before
/// core::domain::vacancyFromJson reads the rest.
VacancyRecord vacancyRecordFrom(QJsonObject body);
VacancyPage vacancyPageFrom(const QJsonObject& body);
ChangePage changePageFrom(const QJsonObject& body);
Health healthFrom(const QJsonObject& body);

} // namespace core::api::detail
