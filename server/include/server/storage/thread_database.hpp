#pragma once

#include "server/storage/database_url.hpp"

#include <QSqlDatabase>
#include <QString>
#include <QThreadStorage>
#include <atomic>
#include <memory>

class QThread;

namespace server::storage {

/// The service's database as each thread sees it. A QSqlDatabase connection may only be used by
/// the thread that opened it, so request handlers on worker threads get one connection per
/// thread, opened on first use and closed when the thread ends; the thread that called open()
/// (the event loop: migration, seed, `--workers 0`) keeps the first connection.
///
/// It converts to QSqlDatabase, so handlers keep writing `storage::run(context.db, …)`.
class ThreadDatabase {
public:
    ThreadDatabase() = default;
    ~ThreadDatabase();
    ThreadDatabase(const ThreadDatabase&) = delete;
    ThreadDatabase& operator=(const ThreadDatabase&) = delete;

    /// Opens the first connection on the calling thread (see openDatabase). Throws
    /// DatabaseOpenError.
    void open(const DatabaseTarget& target, const QString& connectionName);
    /// Closes the first connection. Worker threads must have ended before.
    void close();

    /// This thread's connection; a worker's is opened on its first call. Throws StorageError when
    /// it cannot be opened (answered 503 database-unavailable), and tries again next time.
    operator QSqlDatabase() const;

    /// An SQLite `:memory:` database exists once per connection: it cannot be shared by threads.
    bool sharedAcrossThreads() const;

private:
    struct ThreadConnection;

    DatabaseTarget target_;
    QString name_;
    QSqlDatabase first_;
    QThread* owner_ = nullptr;
    mutable QThreadStorage<ThreadConnection*> others_;
    mutable std::atomic<int> opened_ { 0 };
};

} // namespace server::storage
