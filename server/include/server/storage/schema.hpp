#pragma once

#include <QSqlDatabase>

namespace server::storage {

/// The schema version this build writes.
int currentSchemaVersion();

/// Brings the database up to currentSchemaVersion() on start, one transaction per step, each
/// recorded in `schema_version`. Refuses (StorageError) a database newer than this build.
void migrate(const QSqlDatabase& db);

} // namespace server::storage
