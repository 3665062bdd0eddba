#pragma once

// The local store suites' helpers: store files on disk or in memory, a raw connection beside the
// store's own, vacancies as the clerk and as the server have them, and the invariants every
// committed state keeps.
#include "core/auth/pin_ledger.hpp"
#include "core/domain/vacancy_json.hpp"
#include "core/store/local_store.hpp"
#include "vacancy_fixture.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QUuid>
#include <catch2/catch.hpp>
#include <functional>
#include <sys/stat.h>
#include <thread>

namespace storetest {

using namespace core::store;
using core::domain::Vacancy;
using core::domain::VacancyStatus;

struct StoreFolder {
    QTemporaryDir dir;
    QString file() const { return dir.filePath(QStringLiteral("local.sqlite")); }
};

/// A folder in memory where there is one (/dev/shm): for the loops that open hundreds of stores,
/// where every commit's fsync would otherwise dominate. What they test is logic, not the disk.
struct MemoryFolder {
    QTemporaryDir dir { QFileInfo(QStringLiteral("/dev/shm")).isWritable()
            ? QStringLiteral("/dev/shm/shiqiuren-store-test-XXXXXX")
            : QDir::tempPath() + QStringLiteral("/shiqiuren-store-test-XXXXXX") };
    QString file() const { return dir.filePath(QStringLiteral("local.sqlite")); }
};

inline unsigned fileMode(const QString& path)
{
    struct stat info { };
    REQUIRE(::stat(QFile::encodeName(path).constData(), &info) == 0);
    return info.st_mode & 0777U;
}

/// Runs `work` on a connection of the test's own, closed again before returning.
inline void withRawConnection(const QString& file, const std::function<void(QSqlDatabase&)>& work)
{
    const QString name = QStringLiteral("test-local-store-raw");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file);
        REQUIRE(db.open());
        work(db);
    }
    QSqlDatabase::removeDatabase(name);
}

inline QVariant scalar(QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    INFO(sql.toStdString());
    REQUIRE(query.exec(sql));
    const QVariant value = query.next() ? query.value(0) : QVariant();
    query.finish();
    return value;
}

/// The store's own connection on this thread (white box: the pragmas are per connection).
inline QSqlDatabase storeConnection()
{
    for (const QString& name : QSqlDatabase::connectionNames()) {
        if (name.startsWith(QLatin1String("shiqiuren-store:"))) {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isOpen())
                return db;
        }
    }
    FAIL("no open store connection on this thread");
    return {};
}

inline Vacancy draft(const QString& title = QStringLiteral("科員"))
{
    Vacancy v = domaintest::validVacancy();
    v.title = title;
    return v;
}

/// What the server answers: the body with the server's members.
inline Vacancy serverVersion(Vacancy v, const QString& id, int day = 1)
{
    v.vacancyId = id;
    v.status = VacancyStatus::Published;
    v.createdOn = QDate(2026, 11, day);
    v.updatedOn = QDate(2026, 11, day);
    return v;
}

inline QByteArray body(const Vacancy& v)
{
    return QJsonDocument(core::domain::toJson(v)).toJson(QJsonDocument::Compact);
}

inline QList<OutboxEntry> rowsOf(const LocalStore& store, const QString& localId)
{
    QList<OutboxEntry> rows = store.outbox().entries();
    rows.removeIf([&](const OutboxEntry& e) { return e.localId != localId; });
    return rows;
}

/// A record the server has: created, sent, acknowledged.
inline QString syncedRecord(
    LocalStore& store, const QString& serverId, const Vacancy& data = draft())
{
    const QString id = store.records().createDraft(data);
    store.records().queue(id);
    const OutboxEntry create = rowsOf(store, id).first();
    store.outbox().beginAttempt(create.sequence);
    store.outbox().acknowledge(
        create.sequence, serverVersion(data, serverId), QStringLiteral("\"1\""));
    return id;
}

/// The invariants every committed state keeps, checked through the store and on the file.
inline void checkConsistent(const LocalStore& store)
{
    withRawConnection(store.file(), [](QSqlDatabase& db) {
        CHECK(scalar(db, QStringLiteral("PRAGMA integrity_check")).toString() == "ok");
        CHECK(scalar(db,
                  QStringLiteral(
                      "SELECT count(*) FROM outbox WHERE local_id NOT IN (SELECT local_id FROM "
                      "vacancies)"))
                  .toInt()
            == 0);
        CHECK(scalar(db,
                  QStringLiteral(
                      "SELECT count(*) FROM conflicts WHERE local_id NOT IN (SELECT local_id FROM "
                      "vacancies WHERE state = 'conflict')"))
                  .toInt()
            == 0);
        CHECK(scalar(db,
                  QStringLiteral("SELECT count(*) FROM vacancies WHERE state = 'conflict' AND "
                                 "local_id NOT IN (SELECT local_id FROM conflicts)"))
                  .toInt()
            == 0);
    });
    const QList<OutboxEntry> outbox = store.outbox().entries();
    for (const LocalVacancy& r : store.records().all()) {
        INFO("record " << r.localId.toStdString() << " state " << int(r.state));
        QList<OutboxEntry> rows = outbox;
        rows.removeIf([&](const OutboxEntry& e) { return e.localId != r.localId; });
        CHECK(r.queuedOperations == rows.size());
        switch (r.state) {
        case RecordState::Pending:
            CHECK_FALSE(rows.isEmpty());
            break;
        case RecordState::Synced:
            CHECK(rows.isEmpty());
            REQUIRE(r.base.has_value());
            CHECK(*r.base == r.data);
            CHECK_FALSE(r.serverId.isEmpty());
            break;
        case RecordState::Rejected:
            CHECK(rows.isEmpty());
            break;
        case RecordState::Draft:
        case RecordState::Conflict:
            break;
        }
        if (r.deleted) {
            REQUIRE_FALSE(rows.isEmpty());
            CHECK(rows.last().kind == OperationKind::Delete);
        }
        int creates = 0;
        for (const OutboxEntry& e : rows) {
            creates += e.kind == OperationKind::Create ? 1 : 0;
            if (e.kind == OperationKind::Create)
                CHECK(e.sequence == rows.first().sequence); // a create goes first
        }
        CHECK(creates <= 1);
        if (creates == 1)
            CHECK(r.serverId.isEmpty());
        if (!r.serverId.isEmpty())
            CHECK(r.data.vacancyId == r.serverId);
    }
}

} // namespace storetest
