#pragma once

// The store's records as its callers see them: a vacancy with its local state, an outbox row, a
// conflict, and the one exception every store call throws.

#include "core/domain/vacancy.hpp"
#include "core/domain/vacancy_rules.hpp"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>
#include <stdexcept>

namespace core::store {

/// The local copy's life (offline-sync.md): draft → pending (queued) → synced, or conflict, or
/// rejected (the server refused it; waits for the clerk to fix it).
enum class RecordState { Draft, Pending, Synced, Conflict, Rejected };

/// One vacancy as this workstation knows it.
struct LocalVacancy {
    QString localId; ///< UUID, forever
    QString serverId; ///< 職缺編號 once the server assigned it; the client never invents one
    QString etag; ///< the server's etag last seen
    std::optional<domain::Vacancy> base; ///< the server's version at the last sync (merge base)
    domain::Vacancy data; ///< the current local data
    /// Draft: local edits not queued yet (a Draft may still have earlier operations queued).
    /// Pending: every local edit is queued. Synced: data is the server's version, nothing queued.
    RecordState state = RecordState::Draft;
    bool deleted = false; ///< tombstone: deleted here, its delete queued
    /// The server deleted or withdrew it while it had local edits: kept for the clerk to decide
    /// (queue() sends it again as a new vacancy; remove() lets it go).
    bool serverDeleted = false;
    QList<domain::FieldMessage> rejection; ///< the server's 422 messages, for the form
    QString rejectionCode; ///< the server's error code with them
    /// The service's reason for its verdict 審核未通過 (base status Rejected). Not a refusal of
    /// an edit (that is `rejection`): the service reviewed the published data and said no.
    /// Empty, and not stored, whenever the base's status is anything else.
    QString serverRejectionReason;
    QDateTime updatedAt; ///< last change of the row, UTC
    int queuedOperations = 0; ///< outbox rows of this record

    /// Anything here the server does not have yet, or a decision pending: the pull then merges
    /// instead of overwriting.
    bool hasLocalEdits() const
    {
        return state != RecordState::Synced || deleted || queuedOperations > 0;
    }
};

enum class OperationKind { Create, Update, Delete };

/// One queued operation. Its id is the Idempotency-Key, and `body` the exact bytes sent on every
/// try (empty for a delete).
struct OutboxEntry {
    qint64 sequence = 0; ///< order of queueing
    QString operationId; ///< UUID
    QString localId;
    OperationKind kind = OperationKind::Create;
    QByteArray body;
    int attempts = 0; ///< tries started (beginAttempt)
    QDateTime nextAttemptAt; ///< UTC; invalid = now
    QString lastError;
};

/// Both sides of an edit the merge could not settle: the fields both changed differently.
struct ConflictRecord {
    QString localId;
    domain::Vacancy mine;
    domain::Vacancy server;
    domain::Vacancy base;
    QString serverEtag;
    QStringList fields; ///< JSON keys (vacancy_json.hpp) both sides changed
    QDateTime detectedAt;
};

/// Anything the store cannot do (the file cannot be opened, a statement failed, an unknown id).
/// Nothing half-written stays behind: each call is one transaction.
class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The server's code-list bundle as last fetched.
struct CachedCodeLists {
    QByteArray bundle; ///< the server's JSON bytes
    QString etag;
};

} // namespace core::store
