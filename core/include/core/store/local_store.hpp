#pragma once

#include "core/store/outbox.hpp"
#include "core/store/records.hpp"
#include "core/store/store_types.hpp"
#include "core/store/sync_state.hpp"

#include <QString>
#include <functional>
#include <memory>

namespace core::store {

/// The local database (SQLite through QtSql): vacancies, outbox, conflicts, cached code lists,
/// the change-feed cursor, sync status; the PIN ledger (core::auth::PinLedger) keeps its table in
/// the same file. One file per OS user, 0600, WAL, synchronous=FULL, foreign_keys=ON. Each
/// thread that uses a LocalStore gets its own connection.
///
/// Its three parts share the one database: records() is the clerk's side, outbox() the sync
/// engine's queued operations, syncState() the feed, conflicts, code lists and status.
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

    Records& records() { return records_; }
    const Records& records() const { return records_; }
    Outbox& outbox() { return outbox_; }
    const Outbox& outbox() const { return outbox_; }
    SyncState& syncState() { return syncState_; }
    const SyncState& syncState() const { return syncState_; }

    /// Runs `work` in one transaction on this thread's connection (a page of pulled changes and
    /// the cursor; a batch of the server's answers). Nested calls are savepoints inside it.
    void inTransaction(const std::function<void()>& work);

    /// Test seam (Nextcloud's autotestFailCounter): the N-th SQL statement from now fails with
    /// StoreError, as a full disk or a broken file would; then the counter is off. 0 = off.
    void failStatementAfter(int n);
    /// True while a fault is armed and has not fired (the work ran fewer than N statements).
    bool faultPending() const;

private:
    std::unique_ptr<detail::StoreDatabase> db_;
    Records records_;
    Outbox outbox_;
    SyncState syncState_;
};

} // namespace core::store
