#include "sqlite/sqlite_file.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSqlDatabase>

namespace core::sqlite {

namespace {

struct ThreadConnections {
    QSet<QString> opened;

    ThreadConnections() = default;
    ThreadConnections(const ThreadConnections&) = delete;
    ThreadConnections& operator=(const ThreadConnections&) = delete;
    ~ThreadConnections()
    {
        for (const QString& name : std::as_const(opened)) {
            if (QSqlDatabase::contains(name))
                QSqlDatabase::removeDatabase(name);
        }
    }
};

ThreadConnections& threadConnections()
{
    thread_local ThreadConnections connections;
    return connections;
}

} // namespace

QString ownerOnlyDatabaseFile(const QString& file)
{
    if (file.isEmpty())
        throw FileProblem("no database file given");
    const QFileInfo info(file);
    if (!info.exists()) {
        // First run: the data folder may not exist yet.
        if (!QDir().mkpath(info.absolutePath()))
            throw FileProblem("cannot create " + info.absolutePath().toStdString());
        // Created 0600 by the call that makes it, so no other user can ever open it; SQLite
        // gives its -wal and -shm files the database's mode.
        QFile created(info.absoluteFilePath());
        const bool made = created.open(QIODevice::WriteOnly | QIODevice::NewOnly,
            QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        if (!made && !created.exists())
            throw FileProblem(
                "cannot create " + file.toStdString() + ": " + created.errorString().toStdString());
    }
    const QString canonical = QFileInfo(file).canonicalFilePath();
    if (canonical.isEmpty())
        throw FileProblem("cannot resolve " + file.toStdString());
    // A file an older version (or a copy) left readable by others is narrowed to its owner.
    QFile existing(canonical);
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
        | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther
        | QFileDevice::ExeOther;
    if (existing.permissions() & others)
        existing.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return canonical;
}

void removeWhenThreadEnds(const QString& connectionName)
{
    threadConnections().opened.insert(connectionName);
}

void forgetThreadConnection(const QString& connectionName)
{
    threadConnections().opened.remove(connectionName);
}

} // namespace core::sqlite
