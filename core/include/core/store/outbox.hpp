#pragma once

#include "core/store/store_types.hpp"

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <optional>

namespace core::store {

namespace detail {
class StoreDatabase;
}

/// The sync engine's side of the queued operations: which are due, each try, and what the
/// server's answer does to the row and its record. Every call is one transaction (a savepoint
/// inside LocalStore::inTransaction, so the engine can write a batch of answers in one).
class Outbox {
public:
    explicit Outbox(const detail::StoreDatabase& db)
        : db_(db)
    { }

    /// Every row, oldest first.
    QList<OutboxEntry> entries() const;
    /// How many rows wait (the status bar).
    int size() const;
    /// The oldest rows, at most `limit`, that are each the first of their record, due at
    /// `now`, of a record not in Conflict and not in `skip` (local ids the caller is done with
    /// for this run). One row per record, so their records are all different.
    QList<OutboxEntry> due(
        const QDateTime& now, const QSet<QString>& skip = {}, int limit = 1) const;
    /// The first of due().
    std::optional<OutboxEntry> nextDue(const QDateTime& now, const QSet<QString>& skip = {}) const;

    /// Written before each try goes out: attempts + 1. From then on the row's body is never
    /// replaced (the server may have seen it under its key).
    void beginAttempt(qint64 sequence);
    /// A try failed in a way worth retrying: the next try's time (invalid: due now) and the error.
    void deferOperation(qint64 sequence, const QDateTime& nextAttemptAt, const QString& error);

    /// The server accepted a create or update: in one transaction the outbox row goes, and the
    /// record takes `serverRecord` as its base, its server id and etag; its data becomes
    /// `serverRecord` and its state Synced unless local edits remain (other rows queued: Pending;
    /// unqueued edits: Draft), in which case only the server-assigned members of the data are
    /// refreshed. A record a pull inserted meanwhile under the same server id is folded in.
    /// `rejectionReason`: the service's reason when `serverRecord` is 審核未通過.
    void acknowledge(qint64 sequence, const domain::Vacancy& serverRecord, const QString& etag,
        const QString& rejectionReason = {});
    /// The server accepted a delete (or the record was already gone). Without `withdrawn` (204,
    /// 404) the row and the record go; with it (200: a published vacancy is withdrawn and stays
    /// in the history) the record becomes that final version, Synced.
    void acknowledgeDelete(qint64 sequence,
        const std::optional<domain::Vacancy>& withdrawn = std::nullopt, const QString& etag = {});
    /// The server refused the operation for good (422, 409 vacancy-closed, 400): the record
    /// becomes Rejected with the messages and its queued rows go (a corrected version is queued
    /// afresh). A refused delete brings the record back (not deleted). A deleted record whose
    /// create was refused never reached the server and simply goes.
    void reject(qint64 sequence, const QString& code, const QList<domain::FieldMessage>& messages);
    /// A merge settled without conflict (412, or a pull into an edited record): base := server
    /// version and etag; the record's queued updates collapse into one whose body is `merged`
    /// (serialised now); data := `mergedData` (when the record has unqueued edits, the merge of
    /// those) or else `merged`. A deleted record keeps its data (its delete goes out with the
    /// new etag). State unchanged. `rejectionReason` as for acknowledge().
    void rebase(const QString& localId, const domain::Vacancy& server, const QString& serverEtag,
        const domain::Vacancy& merged,
        const std::optional<domain::Vacancy>& mergedData = std::nullopt,
        const QString& rejectionReason = {});
    /// The same for the record of outbox row `sequence`.
    void rebase(qint64 sequence, const domain::Vacancy& server, const QString& serverEtag,
        const domain::Vacancy& merged,
        const std::optional<domain::Vacancy>& mergedData = std::nullopt,
        const QString& rejectionReason = {});

private:
    const detail::StoreDatabase& db_;
};

} // namespace core::store
