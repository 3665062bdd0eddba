#pragma once

#include <QSqlDatabase>

namespace core::store::detail {

/// The list view's sort key for ListQuery::SortColumn::Status: what needs the clerk first
/// (conflict, rejected, draft, queued), then the server's own status along the posting's life.
/// Migration step 2 indexes this very expression and queries must spell it identically for the
/// index to serve ORDER BY. A released step is never edited: a new order needs a new step.
inline constexpr char statusOrderExpression[]
    = "(CASE state WHEN 'conflict' THEN 0 WHEN 'rejected' THEN 1 WHEN 'draft' THEN 2"
      " WHEN 'pending' THEN 3 ELSE CASE server_status WHEN 'scheduled' THEN 4"
      " WHEN 'published' THEN 5 WHEN 'ended' THEN 6 WHEN 'withdrawn' THEN 7"
      " WHEN 'rejected' THEN 8 ELSE 9 END END)";

/// Migration step 2 (after step 1 made `vacancies`): an index for every column the list sorts
/// or filters by, and `vacancies_fts`, an FTS5 index (trigram tokenizer, so Chinese text without
/// spaces matches any substring of 3+ characters) over title, agency_name and search_body,
/// external content on `vacancies`, kept in step by triggers. Where SQLite lacks FTS5 or the
/// trigram tokenizer (older than 3.34), no FTS table is made and the list searches with LIKE.
/// Runs inside the caller's transaction; throws StoreError on failure.
///
/// The FTS rows are keyed by `vacancies`' implicit rowid (its key is TEXT), which VACUUM may
/// renumber: run rebuildSearchIndex() after a VACUUM. Replacing a row with INSERT OR REPLACE
/// fires no delete trigger (unless recursive_triggers is on) and leaves a stale FTS entry: use
/// UPDATE or INSERT … ON CONFLICT DO UPDATE on `vacancies`.
void applyListIndexes(const QSqlDatabase& db);

/// True when `vacancies_fts` exists (applyListIndexes found FTS5 with the trigram tokenizer).
bool hasSearchIndex(const QSqlDatabase& db);

/// Refills `vacancies_fts` from `vacancies` (after a VACUUM, or to repair it). No-op without it.
void rebuildSearchIndex(const QSqlDatabase& db);

} // namespace core::store::detail
