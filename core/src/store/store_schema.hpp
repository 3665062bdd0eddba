#pragma once

#include <QSqlDatabase>

namespace core::store::detail {

/// The schema version this build writes (PRAGMA user_version after migrate()).
int latestSchemaVersion();

/// Brings the local database on `db` up to latestSchemaVersion(): one IMMEDIATE transaction that
/// reads PRAGMA user_version and runs the missing steps, in order, then writes the new version.
/// Steps are additive only (a released step is never edited). The PIN ledger's own tables
/// (pin_ledger, schema_version) are left alone: it versions itself in `schema_version`, the store
/// in user_version, so either may open the file first. Throws StoreError, also when the file's
/// version is newer than this build's.
void migrate(const QSqlDatabase& db);

} // namespace core::store::detail
