#pragma once

#include "core/store/store_types.hpp"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace core::store {

namespace detail {
class StoreDatabase;
}

/// What sync keeps besides the outbox: the change feed (its cursor and the records it brings),
/// the conflicts it found, the cached code lists and when things last went well. Every call is
/// one transaction (a savepoint inside LocalStore::inTransaction).
class SyncState {
public:
    explicit SyncState(const detail::StoreDatabase& db)
        : db_(db)
    { }

    // --- The change feed --------------------------------------------------------------------
    /// Pull: a server record for a vacancy with no local edits (inserted when unknown). Throws
    /// for a record with local edits (the caller merges: rebase or recordConflict). Use
    /// LocalStore::inTransaction() to apply a page of changes and the cursor together.
    /// `rejectionReason`: the service's reason when `server` is 審核未通過.
    void applyServerRecord(
        const domain::Vacancy& server, const QString& etag, const QString& rejectionReason = {});
    /// Pull: a tombstone. `last` is the final record of a withdrawn vacancy (it stays, in the
    /// history), none for a deleted one. A record without local edits (or deleted here too)
    /// takes it: becomes `last`, Synced, or goes. A record with local edits is kept with its
    /// data, Draft, marked serverDeleted, its queued rows and conflict dropped.
    void applyServerTombstone(
        const QString& serverId, const QString& etag, const std::optional<domain::Vacancy>& last);
    QString feedCursor() const;
    void setFeedCursor(const QString& cursor);

    // --- Conflicts ----------------------------------------------------------------------------
    /// A merge found fields both sides changed: the record goes to Conflict with data :=
    /// conflict.mine, its outbox rows are held (not due) until resolved, and the conflict is
    /// recorded (replacing an earlier one of the record).
    void recordConflict(const ConflictRecord& conflict);
    QList<ConflictRecord> conflicts() const;
    std::optional<ConflictRecord> conflict(const QString& localId) const;
    /// The clerk chose: base := the conflict's server version and etag, the conflict goes, the
    /// queued updates are replaced by one update with `resolved` (Pending) — or, when `resolved`
    /// is the server's version, nothing is queued and the record is Synced.
    void resolveConflict(const QString& localId, const domain::Vacancy& resolved);

    // --- Code lists and status ----------------------------------------------------------------
    std::optional<CachedCodeLists> cachedCodeLists() const;
    void saveCodeLists(const QByteArray& bundle, const QString& etag);
    QDateTime lastSuccessfulSync() const;
    void setLastSuccessfulSync(const QDateTime& when);
    /// When the code lists were last checked with the server (invalid: never).
    QDateTime codeListsCheckedAt() const;
    void setCodeListsCheckedAt(const QDateTime& when);

private:
    const detail::StoreDatabase& db_;
};

} // namespace core::store
