#pragma once

// The statements the store's parts share, over one StoreDatabase: a record read and written
// whole, its outbox rows, its conflict, a sync_state value. None of them opens a transaction:
// the public call that uses them does.

#include "core/store/store_types.hpp"
#include "store/store_database.hpp"

#include <optional>

namespace core::store::detail {

class Tables {
public:
    explicit Tables(const StoreDatabase& db)
        : db_(db)
    { }

    StatementResult run(const QString& sql, const QVariantList& values = {}) const
    {
        return db_.run(sql, values);
    }
    void transaction(const std::function<void()>& work) const { db_.transaction(work); }
    const StoreDatabase& database() const { return db_; }

    // Records.
    std::optional<LocalVacancy> load(const QString& column, const QVariant& value) const;
    std::optional<LocalVacancy> load(const QString& localId) const;
    /// Throws StoreError for an unknown id.
    LocalVacancy require(const QString& localId) const;
    QList<LocalVacancy> records(const QString& where = {}, const QVariantList& values = {}) const;
    /// Writes every column of `r`, the list columns derived from its data and base. An upsert
    /// that updates in place (never INSERT OR REPLACE: the search index's triggers need it).
    void write(LocalVacancy& r) const;
    /// The record, its outbox rows and its conflict go.
    void erase(const QString& localId) const;
    /// A record a pull inserted under `serverId` while our create of the same vacancy was not
    /// acknowledged yet (its answer was lost): the same server record twice. The pulled copy
    /// goes; its queued rows and unqueued edits move to `ours`.
    void foldDuplicate(LocalVacancy& ours, const QString& serverId) const;

    // Outbox rows.
    QList<OutboxEntry> rowsOf(const QString& localId) const;
    /// Throws StoreError for an unknown sequence.
    OutboxEntry entry(qint64 sequence) const;
    void addRow(const QString& localId, OperationKind kind, const QByteArray& body) const;
    void setBody(qint64 sequence, const QByteArray& body) const;
    void dropRow(qint64 sequence) const;
    void dropRowsOf(const QString& localId) const;
    void dropUpdatesOf(const QString& localId) const;

    // Conflicts.
    std::optional<ConflictRecord> conflictOf(const QString& localId) const;
    void dropConflictOf(const QString& localId) const;

    // sync_state (key → text).
    QString stateValue(const char* key) const;
    void setStateValue(const char* key, const QString& value) const;

private:
    const StoreDatabase& db_;
};

} // namespace core::store::detail
