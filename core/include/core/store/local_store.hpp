#pragma once

#include "core/domain/vacancy.hpp"
#include "core/domain/vacancy_rules.hpp"
#include "core/store/vacancy_list.hpp"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
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

/// The local database (SQLite through QtSql): vacancies, outbox, conflicts, cached code lists,
/// the change-feed cursor, sync status; the PIN ledger (core::auth::PinLedger) keeps its table in
/// the same file. One file per OS user, 0600, WAL, synchronous=FULL, foreign_keys=ON. Each
/// thread that uses a LocalStore gets its own connection; every method is one transaction.
class LocalStore {
public:
    /// The default file: QStandardPaths::GenericDataLocation/shiqiuren/local.sqlite (shared with
    /// shiqiuren-card, which keeps the PIN ledger in the same file).
    static QString defaultPath();

    /// Opens (creating with mode 0600 and migrating) `file`. Throws StoreError.
    explicit LocalStore(const QString& file);
    ~LocalStore();
    LocalStore(const LocalStore&) = delete;
    LocalStore& operator=(const LocalStore&) = delete;

    const QString& file() const;

    // --- The clerk's side -------------------------------------------------------------------
    /// A new draft (state Draft, nothing queued); the server-assigned members of `data`
    /// (vacancyId, status, dates) are cleared. Returns its local id.
    QString createDraft(const domain::Vacancy& data);
    /// Saves the form: the record becomes Draft (local edits not queued; rows queued earlier
    /// stay queued), base and etag kept, the server-assigned members kept from the stored data.
    /// A record in Conflict stays in Conflict with `data` as its "mine". Throws for a deleted or
    /// unknown record.
    void saveDraft(const QString& localId, const domain::Vacancy& data);
    /// Queues the record for the server (→ Pending): its last outbox row gets the body
    /// serialised now while that row was never tried; otherwise a new row is added — create
    /// when the record has no server id and no create queued, update otherwise. A record the
    /// server deleted meanwhile is queued as a new create. Throws for a deleted, unknown or
    /// conflicted record. Record and outbox row in one transaction.
    void queue(const QString& localId);
    /// Save + queue in one transaction (the form's 「送出」).
    void saveAndQueue(const QString& localId, const domain::Vacancy& data);
    /// Deletes: a never-sent draft disappears at once (its untried create is dropped); a record
    /// the server knows (or may know: its create was tried) gets a tombstone and a queued
    /// delete, and its queued updates are dropped. A record already deleted stays as it is.
    void remove(const QString& localId);

    std::optional<LocalVacancy> find(const QString& localId) const;
    std::optional<LocalVacancy> findByServerId(const QString& serverId) const;
    QList<LocalVacancy> all() const; ///< tests and diagnostics; the list view pages in SQL
    /// How many records are in `state` (the status bar), deleted ones included.
    int count(RecordState state) const;
    /// The list view's page (vacancy_list.hpp), in SQL on this thread's connection.
    ListPage list(const ListQuery& query) const;
    /// The content of the record's last queued create or update (what the server is to get).
    std::optional<domain::Vacancy> queuedData(const QString& localId) const;

    // --- The engine's side ------------------------------------------------------------------
    /// The oldest outbox row that is the first of its record, due at `now`, of a record not in
    /// Conflict and not in `skip` (local ids the caller is done with for this run).
    std::optional<OutboxEntry> nextDue(const QDateTime& now, const QSet<QString>& skip = {}) const;
    QList<OutboxEntry> outbox() const;
    /// Written before each try goes out: attempts + 1. From then on the row's body is never
    /// replaced (the server may have seen it under its key).
    void beginAttempt(qint64 sequence);
    /// A try failed in a way worth retrying: the next try's time and the error.
    void deferOperation(qint64 sequence, const QDateTime& nextAttemptAt, const QString& error);

    /// The server accepted a create or update: in one transaction the outbox row goes, and the
    /// record takes `serverRecord` as its base, its server id and etag; its data becomes
    /// `serverRecord` and its state Synced unless local edits remain (other rows queued: Pending;
    /// unqueued edits: Draft), in which case only the server-assigned members of the data are
    /// refreshed. A record a pull inserted meanwhile under the same server id is folded in.
    void acknowledge(qint64 sequence, const domain::Vacancy& serverRecord, const QString& etag);
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
    /// new etag). State unchanged.
    void rebase(const QString& localId, const domain::Vacancy& server, const QString& serverEtag,
        const domain::Vacancy& merged,
        const std::optional<domain::Vacancy>& mergedData = std::nullopt);
    /// The same for the record of outbox row `sequence`.
    void rebase(qint64 sequence, const domain::Vacancy& server, const QString& serverEtag,
        const domain::Vacancy& merged,
        const std::optional<domain::Vacancy>& mergedData = std::nullopt);
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

    /// Pull: a server record for a vacancy with no local edits (inserted when unknown). Throws
    /// for a record with local edits (the caller merges: rebase or recordConflict). Use
    /// inTransaction() to apply a page of changes and the cursor together.
    void applyServerRecord(const domain::Vacancy& server, const QString& etag);
    /// Pull: a tombstone. `last` is the final record of a withdrawn vacancy (it stays, in the
    /// history), none for a deleted one. A record without local edits (or deleted here too)
    /// takes it: becomes `last`, Synced, or goes. A record with local edits is kept with its
    /// data, Draft, marked serverDeleted, its queued rows and conflict dropped.
    void applyServerTombstone(
        const QString& serverId, const QString& etag, const std::optional<domain::Vacancy>& last);
    QString feedCursor() const;
    void setFeedCursor(const QString& cursor);

    /// Runs `work` in one transaction on this thread's connection (pull applies a page of
    /// changes and the cursor together). Nested calls are savepoints inside the outer one.
    void inTransaction(const std::function<void()>& work);

    // --- Code lists and status ----------------------------------------------------------------
    struct CachedCodeLists {
        QByteArray bundle; ///< the server's JSON bytes
        QString etag;
    };
    std::optional<CachedCodeLists> cachedCodeLists() const;
    void saveCodeLists(const QByteArray& bundle, const QString& etag);
    QDateTime lastSuccessfulSync() const;
    void setLastSuccessfulSync(const QDateTime& when);
    /// When the code lists were last checked with the server (invalid: never).
    QDateTime codeListsCheckedAt() const;
    void setCodeListsCheckedAt(const QDateTime& when);

    /// Test seam (Nextcloud's autotestFailCounter): the N-th SQL statement from now fails with
    /// StoreError, as a full disk or a broken file would; then the counter is off. 0 = off.
    void failStatementAfter(int n);
    /// True while a fault is armed and has not fired (the work ran fewer than N statements).
    bool faultPending() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace core::store
