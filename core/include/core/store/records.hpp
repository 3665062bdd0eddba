#pragma once

#include "core/store/store_types.hpp"
#include "core/store/vacancy_list.hpp"

#include <QList>
#include <QString>
#include <optional>

namespace core::store {

namespace detail {
class StoreDatabase;
}

/// The clerk's side of the local store: drafts saved, queued for the server, deleted, and read
/// back. Every call is one transaction (nested inside LocalStore::inTransaction when called
/// there). Made by LocalStore, which owns the database underneath.
class Records {
public:
    explicit Records(const detail::StoreDatabase& db)
        : db_(db)
    { }

    /// A new draft (state Draft, nothing queued); the server-assigned members of `data`
    /// (vacancyId, status, dates) are cleared. Returns its local id.
    QString createDraft(const domain::Vacancy& data);
    /// A new record queued at once (the form's 「送出」 on a record never saved): createDraft and
    /// queue in one transaction. Returns its local id.
    QString createQueued(const domain::Vacancy& data);
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

private:
    const detail::StoreDatabase& db_;
};

} // namespace core::store
