#pragma once

#include "core/domain/vacancy.hpp"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace core::api {

/// A stored vacancy as the server answers it: the domain record plus the members only the
/// server has (removed from the JSON before core::domain::vacancyFromJson reads it).
struct VacancyRecord {
    core::domain::Vacancy vacancy;
    QString etag; ///< strong, quoted (`"42"`): the If-Match of the next write
    QString rejectionReason; ///< only for status Rejected
};

/// `scope` of the vacancy list: Current = scheduled, published, rejected; History = ended,
/// withdrawn.
enum class VacancyScope { Current, History };

/// One page of `GET /vacancies`.
struct VacancyPage {
    QList<VacancyRecord> items;
    int page = 1;
    int pageSize = 20;
    int total = 0; ///< every match, not just this page
};

/// `POST /vacancies`: the record, and whether it is the stored answer to an earlier request
/// with the same Idempotency-Key and the same bytes (`Idempotent-Replayed: true`).
struct CreateOutcome {
    VacancyRecord record;
    bool replayed = false;
};

/// One `POST /vacancies` to make: the exact bytes, sent under their key on every try.
struct VacancyCreate {
    QString idempotencyKey;
    QByteArray exactBody;
};

/// `DELETE /vacancies/{id}`: a published vacancy is withdrawn (200, the record stays in the
/// history), one never published is deleted (204, no record).
struct DeleteOutcome {
    bool deleted = false; ///< 204: gone
    std::optional<VacancyRecord> withdrawn; ///< 200: the record, status Withdrawn
    QString etag; ///< the new version (the tombstone's for a delete)
};

/// One entry of the change feed: the vacancy's latest state.
struct ChangeEntry {
    QString id; ///< 職缺編號
    QString etag;
    bool deleted = false; ///< withdrawn or deleted: drop it from the current list
    std::optional<VacancyRecord> vacancy; ///< absent for a deleted one
};

/// One page of `GET /changes`.
struct ChangePage {
    QList<ChangeEntry> entries;
    QString cursor; ///< opaque; pass it to the next changes() call
    bool hasMore = false;
};

} // namespace core::api
