#pragma once

#include <QSqlDatabase>

namespace server::storage {

/// The schema version this build writes.
int currentSchemaVersion();

/// Brings the database up to currentSchemaVersion() on start, one transaction per step, each
/// recorded in `schema_version`. Refuses (StorageError) a database newer than this build.
void migrate(const QSqlDatabase& db);

/// Held while a starting server migrates and seeds: instances started together on one
/// PostgreSQL take turns (a session advisory lock), instead of racing to create the same tables
/// and seed the same rows. A no-op on SQLite, whose transactions already lock the file.
class StartupLock {
public:
    explicit StartupLock(QSqlDatabase db);
    ~StartupLock();
    StartupLock(const StartupLock&) = delete;
    StartupLock& operator=(const StartupLock&) = delete;

private:
    QSqlDatabase db_;
    bool held_ = false;
};

} // namespace server::storage
