#pragma once

#include "core/domain/vacancy.hpp"
#include "server/http/http_message.hpp"

#include <QDate>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace server::vacancies {

/// The `vacancies.state` column: what the writes decided. The status a client sees is derived
/// from it and today's date in Taipei (statusOn), so nothing has to run at midnight.
enum class StoredState {
    Active, ///< valid: scheduled, published or ended by date
    Withdrawn, ///< 撤銷 after it was published; stays in 歷史職缺
    Rejected, ///< 退回 with a reason; a replacement makes it active again
    Deleted, ///< never published and deleted: a tombstone for the change feed only
};

QString stateName(StoredState state);
std::optional<StoredState> stateFromName(const QString& name);

/// One row of `vacancies`. `vacancy` is the stored body: the clerk's data with agencyCode and
/// vacancyId set and every other server-assigned member empty.
struct StoredVacancy {
    QString vacancyId;
    QString agencyCode;
    core::domain::Vacancy vacancy;
    QString etag; ///< quoted, as the ETag header carries it
    qint64 changeSeq = 0;
    StoredState state = StoredState::Active;
    QString rejectionReason;
    qint64 createdAt = 0; ///< ms since the epoch, UTC
    qint64 updatedAt = 0;
};

/// Today's date in Asia/Taipei (UTC+8 when the time-zone database lacks it: no DST there).
QDate todayInTaipei();
/// The Taipei calendar date of a stored timestamp.
QDate taipeiDate(qint64 millis);

/// withdrawn → withdrawn; rejected → rejected; else by date: today < validFrom → scheduled,
/// today > validTo → ended, else published. (Deleted answers withdrawn; it is never shown.)
core::domain::VacancyStatus statusOn(
    StoredState state, const core::domain::Vacancy& vacancy, const QDate& today);

/// The record clients see: core's Vacancy JSON with vacancyId, status, createdOn, updatedOn and
/// publishedOn (validFrom once published or ended, and for a withdrawn one that had started)
/// filled, plus `etag`, plus `rejectionReason` when rejected.
QJsonObject recordJson(const StoredVacancy& stored, const QDate& today);

/// `status` with the record as body and its `ETag` header.
http::HttpResponse recordResponse(int status, const StoredVacancy& stored, const QDate& today);

/// The strong entity tag of the version written with change number `changeSeq`: `"<seq>"`.
/// Change numbers are global and never reused, so every write gets a new tag.
QString etagFor(qint64 changeSeq);

/// What `q` searches, lower-cased: title, 資格條件, 工作項目, 工作地址 and the 職缺編號.
QString searchTextFor(const core::domain::Vacancy& vacancy, const QString& vacancyId);

/// A 職缺編號 in the shape the server assigns: 10 digits.
bool isVacancyIdShape(const QString& text);

} // namespace server::vacancies
