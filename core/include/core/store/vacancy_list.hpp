#pragma once

#include "core/domain/vacancy.hpp"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

class QSqlDatabase;

namespace core::store {

enum class RecordState; // local_store.hpp

/// What the list view asks for: one page, one sort, any filters. Everything happens in SQL.
struct ListQuery {
    int page = 1; ///< 1-based; clamped to [1, last page]
    int pageSize = 50; ///< clamped to [1, 1000]
    /// Ties are broken by local id in the same direction, so paging never repeats or skips a
    /// row. Text sorts by code point (binary collation); empty values (no server id, no status,
    /// no dates) come first ascending. Status sorts by detail::statusOrderExpression: conflict,
    /// rejected, draft, queued, then the server's scheduled, published, ended, withdrawn,
    /// rejected.
    enum class SortColumn {
        Title,
        Agency,
        Status,
        ValidFrom,
        ValidTo,
        Openings,
        UpdatedAt,
        ServerId
    };
    SortColumn sort = SortColumn::UpdatedAt;
    bool ascending = false;
    /// Local states (draft, pending, synced, conflict, rejected) and/or server statuses
    /// (scheduled, published, ended, withdrawn, rejected) to keep: a row is kept when either
    /// matches ("rejected" therefore keeps both kinds). Empty = all.
    QList<QString> statuses;
    /// History = the server ended or withdrew the posting; Current = everything else.
    enum class Scope { All, Current, History };
    Scope scope = Scope::All;
    QString serverId; ///< 職缺編號, exact; empty = any
    /// Words separated by spaces, all of which must occur (as substrings) in the title, the
    /// agency name or the content (qualifications, duties, work address). Case-insensitive for
    /// Latin letters.
    QString search;
    bool includeDeleted = false; ///< also rows deleted here (their delete is queued)
};

/// One line of the list.
struct ListRow {
    QString localId;
    QString serverId; ///< empty until the server assigned one
    QString title;
    QString agencyName;
    QString personKind;
    RecordState state {};
    std::optional<domain::VacancyStatus> serverStatus; ///< none for a never-synced draft
    /// The service's reason when serverStatus is Rejected (審核未通過); may be empty.
    QString serverRejectionReason;
    QDate validFrom, validTo; ///< invalid when unset
    int openings = 0;
    QDateTime updatedAt; ///< UTC
    bool deleted = false; ///< deleted here, delete queued (only with includeDeleted)
    bool serverDeleted = false; ///< the server deleted it while it had local edits
};

struct ListPage {
    QList<ListRow> rows;
    int total = 0; ///< rows matching the filters, over all pages
    int page = 1; ///< the page returned (after clamping)
    int pageSize = 50;
};

/// Runs `query` on `db` (a connection to the local store, schema step 2 or later): one COUNT and
/// one LIMIT/OFFSET select in one read transaction, user text only as bound values. Throws
/// StoreError. LocalStore::list() is this on the calling thread's connection.
ListPage queryVacancies(const QSqlDatabase& db, const ListQuery& query);

} // namespace core::store
