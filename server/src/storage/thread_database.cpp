#include "server/storage/thread_database.hpp"

#include "server/storage/sql.hpp"

#include <QLoggingCategory>
#include <QThread>

namespace server::storage {
namespace {
Q_LOGGING_CATEGORY(lcThreadDb, "shiqiuren.server.sql")
}

/// A worker's connection; QThreadStorage deletes it on that thread when the thread ends.
struct ThreadDatabase::ThreadConnection {
    QString name;
    QSqlDatabase db;
    ~ThreadConnection()
    {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
    }
};

ThreadDatabase::~ThreadDatabase()
{
    close();
}

void ThreadDatabase::open(const DatabaseTarget& target, const QString& connectionName)
{
    first_ = openDatabase(target, connectionName);
    target_ = target;
    name_ = connectionName;
    owner_ = QThread::currentThread();
}

void ThreadDatabase::close()
{
    if (name_.isEmpty())
        return;
    first_.close();
    first_ = QSqlDatabase();
    QSqlDatabase::removeDatabase(name_);
    name_.clear();
    owner_ = nullptr;
}

ThreadDatabase::operator QSqlDatabase() const
{
    if (owner_ == nullptr || QThread::currentThread() == owner_ || !sharedAcrossThreads())
        return first_;
    if (!others_.hasLocalData()) {
        const QString name = QStringLiteral("%1/worker-%2").arg(name_).arg(++opened_);
        try {
            others_.setLocalData(new ThreadConnection { name, openDatabase(target_, name) });
        } catch (const DatabaseOpenError& error) {
            qCWarning(lcThreadDb) << "worker connection:" << error.what();
            throw StorageError("a worker thread could not open the database");
        }
    }
    return others_.localData()->db;
}

bool ThreadDatabase::sharedAcrossThreads() const
{
    return target_.kind != DatabaseTarget::Sqlite || target_.sqlitePath != u":memory:";
}

} // namespace server::storage
