#pragma once

#include "server/vacancies/vacancy_record.hpp"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <optional>

namespace server::vacancies {

// The `vacancies` table. Reads stand alone; every write runs inside the caller's transaction, so
// a write and whatever goes with it (the idempotency record, the 412 re-read) stand or fall
// together. Every write takes a new number from the global "change" counter: on PostgreSQL its
// row lock, on SQLite the database lock, serialises writers, so change numbers commit in order
// and a change-feed reader never skips one.

/// One of the vacancies of `agencyCodes` (a caller's agencyScope), tombstones (Deleted)
/// included; nothing for an unknown id or another agency's.
std::optional<StoredVacancy> findVacancy(
    const QSqlDatabase& db, const QStringList& agencyCodes, const QString& vacancyId);
/// The same for one agency alone.
std::optional<StoredVacancy> findVacancy(
    const QSqlDatabase& db, const QString& agencyCode, const QString& vacancyId);

/// Whether any agency has a vacancy with this id (tombstones included).
bool vacancyIdTaken(const QSqlDatabase& db, const QString& vacancyId);

enum class ListScope {
    Current, ///< scheduled, published, rejected
    History, ///< ended, withdrawn
};

struct ListFilter {
    ListScope scope = ListScope::Current;
    QString vacancyId; ///< exact match; empty: any
    QString text; ///< substring of searchTextFor(), any case; empty: any
    int page = 1;
    int pageSize = 20;
};

struct ListPage {
    QList<StoredVacancy> items; ///< newest 職缺編號 first
    qint64 total = 0; ///< all matches, not just this page
};

/// The list of `agencyCodes`' vacancies as the 職缺 list shows it, filtered and paged in SQL.
/// Never tombstones.
ListPage listVacancies(const QSqlDatabase& db, const QStringList& agencyCodes,
    const ListFilter& filter, const QDate& today);

/// A new 職缺編號 for a vacancy created on `createdOn`: ROC year (3 digits), month (2), then the
/// next number (5) of the "vacancy-YYYMM" counter, skipping any id already taken.
QString nextVacancyId(const QSqlDatabase& db, const QDate& createdOn);

/// Moves the month's counter past a fixed id (seeded vacancies), so nextVacancyId never hands
/// it out again.
void reserveVacancyId(const QSqlDatabase& db, const QString& vacancyId);

/// The next change number, for a write inside the caller's transaction. The "change" counter's
/// row stays locked until that transaction ends, so change numbers become visible in the order
/// they were taken: the change feed never shows 42 while 41 may still commit (see
/// docs/server.md, "Several instances").
qint64 takeChangeSeq(const QSqlDatabase& db);

/// Inserts `row` (vacancyId, agencyCode, vacancy, state, rejectionReason, createdAt set); fills in
/// its changeSeq, etag and updatedAt (= createdAt).
void insertVacancy(const QSqlDatabase& db, StoredVacancy& row);

/// Writes `row`'s vacancy, state and rejectionReason over the stored version only while that
/// version's etag is still `expectedEtag` (one conditional UPDATE: atomic across processes);
/// fills in the new changeSeq, etag and updatedAt. False when the row changed, went to another
/// agency or does not exist: the caller rolls back and re-reads.
bool updateVacancy(const QSqlDatabase& db, StoredVacancy& row, const QString& expectedEtag);

/// The vacancies of `agencyCodes` whose latest change is after `afterSeq`, in change order, at
/// most `limit` of them (tombstones included).
QList<StoredVacancy> vacanciesChangedAfter(
    const QSqlDatabase& db, const QStringList& agencyCodes, qint64 afterSeq, int limit);

} // namespace server::vacancies
