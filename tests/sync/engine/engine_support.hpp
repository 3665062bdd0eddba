#pragma once

// Shared by the sync engine suites: a workstation (its own store file and engine), vacancies the
// server accepts, the server's whole list, and the checks that both sides hold the same.

#include "../../core/vacancy_fixture.hpp"
#include "card_login.hpp"
#include "core/domain/vacancy_json.hpp"
#include "core/store/local_store.hpp"
#include "core/sync/conflict_resolution.hpp"
#include "core/sync/sync_engine.hpp"
#include "http_client.hpp"
#include "test_server.hpp"

#include <QDateTime>
#include <QJsonArray>
#include <QMap>
#include <QTemporaryDir>
#include <QTimeZone>
#include <catch2/catch.hpp>
#include <memory>

namespace synctest {

using core::domain::Vacancy;
using core::store::LocalStore;
using core::store::LocalVacancy;
using core::store::OperationKind;
using core::store::RecordState;
using core::sync::SyncEngine;
using core::sync::SyncOptions;
using core::sync::SyncReport;

inline const QString ownAgency = QStringLiteral("A29000000G");

/// The server's "today": the calendar day in Taipei.
inline QDate today()
{
    return QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone(8 * 3600)).date();
}

/// A vacancy the server's rules accept, starting `startInDays` from today (0: published at
/// once; 1 or more: scheduled).
inline Vacancy newVacancy(const QString& title, int startInDays = 1)
{
    Vacancy v = domaintest::validVacancy();
    v.agencyCode = ownAgency;
    v.agencyName.clear(); // the server fills it in
    v.title = title;
    v.validFrom = today().addDays(startInDays);
    v.validTo = v.validFrom.addDays(10);
    return v;
}

/// Fast retries, the code lists every run.
inline SyncOptions testOptions()
{
    SyncOptions options;
    options.backoffBase = std::chrono::milliseconds(0);
    options.codeListsInterval = std::chrono::milliseconds(0);
    options.requestTimeout = std::chrono::seconds(10);
    options.feedPageSize = 7; // several pages even with a handful of records
    return options;
}

/// One clerk's workstation: a store file of its own and an engine on it.
class Workstation {
public:
    Workstation(const QString& baseUrl, const QString& token, SyncOptions options = testOptions())
        : engine_(std::make_unique<SyncEngine>(
            dir_.filePath(QStringLiteral("local.sqlite")), baseUrl, token, std::move(options)))
    { }

    LocalStore& store() { return engine_->store(); }
    SyncEngine& engine() { return *engine_; }
    SyncReport sync() { return engine_->syncOnce(); }
    /// A sync that must complete.
    SyncReport syncOk()
    {
        const SyncReport report = engine_->syncOnce();
        INFO("sync error: " << report.error.toStdString());
        REQUIRE(report.completed);
        return report;
    }
    /// The local record whose data has `title`.
    LocalVacancy byTitle(const QString& title)
    {
        std::optional<LocalVacancy> found;
        for (const LocalVacancy& r : store().records().all()) {
            if (r.data.title == title) {
                REQUIRE_FALSE(found.has_value());
                found = r;
            }
        }
        INFO(title.toStdString());
        REQUIRE(found.has_value());
        return *found;
    }
    /// Saves and queues an edit of the record with `title`.
    void edit(const QString& title, const std::function<void(Vacancy&)>& change)
    {
        const LocalVacancy r = byTitle(title);
        Vacancy data = r.data;
        change(data);
        store().records().saveAndQueue(r.localId, data);
    }

private:
    QTemporaryDir dir_;
    std::unique_ptr<SyncEngine> engine_;
};

/// Staging for a conflict over the vacancy titled 衝突: workstation `a` changes its title and
/// duties and syncs; `other` (which has the record as `localId`) changes the title and the
/// qualifications and queues them, not synced yet. The title is the field both changed.
inline void editBothSides(Workstation& a, LocalStore& other, const QString& localId)
{
    a.edit(QStringLiteral("衝突"), [](Vacancy& v) {
        v.title = QStringLiteral("A 的職稱");
        v.duties = QStringLiteral("A 改的工作");
    });
    a.syncOk();
    Vacancy b = other.records().find(localId)->data;
    b.title = QStringLiteral("B 的職稱");
    b.qualifications = QStringLiteral("B 改的資格");
    other.records().saveAndQueue(localId, b);
}

/// Every vacancy the server lists for the caller's agency (current and history), by 職缺編號,
/// as the JSON records it answers.
inline QMap<QString, QJsonObject> serverRecords(
    const servertest::HttpClient& client, const QString& token)
{
    QMap<QString, QJsonObject> records;
    for (const char* scope : { "current", "history" }) {
        for (int page = 1; page < 1000; ++page) {
            const servertest::Reply reply
                = client.get(QStringLiteral("/api/v1/vacancies?scope=%1&pageSize=100&page=%2")
                                 .arg(QLatin1String(scope))
                                 .arg(page),
                    token);
            INFO(reply.body.toStdString());
            REQUIRE(reply.status == 200);
            const QJsonArray items = reply.json().value("items").toArray();
            for (const QJsonValue& item : items) {
                const QJsonObject record = item.toObject();
                const QString id = record.value("vacancyId").toString();
                REQUIRE_FALSE(records.contains(id)); // each exactly once
                records.insert(id, record);
            }
            if (items.size() < 100)
                break;
        }
    }
    return records;
}

/// How many of the server's records have `title`.
inline int countTitle(const QMap<QString, QJsonObject>& records, const QString& title)
{
    int n = 0;
    for (const QJsonObject& r : records)
        n += r.value("title").toString() == title ? 1 : 0;
    return n;
}

/// A server record as a local one stores it: without `etag` and `rejectionReason`.
inline QJsonObject withoutServerOnly(QJsonObject record)
{
    record.remove("etag");
    record.remove("rejectionReason");
    return record;
}

/// Both sides hold the same: every server record exactly once here, Synced, equal in every
/// field (and the same etag and verdict reason); nothing here the server does not have; nothing
/// queued.
inline void checkSameAsServer(
    LocalStore& store, const servertest::HttpClient& client, const QString& token)
{
    const QMap<QString, QJsonObject> server = serverRecords(client, token);
    const QList<LocalVacancy> local = store.records().all();
    CHECK(store.outbox().entries().isEmpty());
    CHECK(store.syncState().conflicts().isEmpty());
    QMap<QString, LocalVacancy> byServerId;
    for (const LocalVacancy& r : local) {
        INFO("local " << r.localId.toStdString() << " " << r.data.title.toStdString());
        CHECK(r.state == RecordState::Synced);
        CHECK_FALSE(r.deleted);
        REQUIRE_FALSE(r.serverId.isEmpty());
        REQUIRE_FALSE(byServerId.contains(r.serverId));
        byServerId.insert(r.serverId, r);
    }
    CHECK(byServerId.keys() == server.keys());
    for (auto it = server.cbegin(); it != server.cend(); ++it) {
        INFO("vacancy " << it.key().toStdString());
        REQUIRE(byServerId.contains(it.key()));
        const LocalVacancy& r = byServerId[it.key()];
        CHECK(core::domain::toJson(r.data) == withoutServerOnly(it.value()));
        CHECK(r.etag == it.value().value("etag").toString());
        CHECK(r.serverRejectionReason == it.value().value("rejectionReason").toString());
        REQUIRE(r.base.has_value());
        CHECK(*r.base == r.data);
    }
}

/// The store's invariants after any run, however it ended.
inline void checkConsistent(LocalStore& store)
{
    const QList<core::store::OutboxEntry> outbox = store.outbox().entries();
    QSet<QString> ids;
    for (const LocalVacancy& r : store.records().all()) {
        ids.insert(r.localId);
        INFO("record " << r.localId.toStdString() << " state " << int(r.state));
        int rows = 0;
        bool lastIsDelete = false;
        for (const auto& e : outbox) {
            if (e.localId != r.localId)
                continue;
            ++rows;
            lastIsDelete = e.kind == OperationKind::Delete;
        }
        CHECK(rows == r.queuedOperations);
        if (r.state == RecordState::Pending)
            CHECK(rows > 0);
        if (r.state == RecordState::Synced || r.state == RecordState::Rejected)
            CHECK(rows == 0);
        if (r.state == RecordState::Synced)
            CHECK(r.base == r.data);
        if (r.deleted)
            CHECK(lastIsDelete);
        CHECK((r.state == RecordState::Conflict)
            == store.syncState().conflict(r.localId).has_value());
    }
    for (const auto& e : outbox)
        CHECK(ids.contains(e.localId)); // no orphan rows
}

} // namespace synctest
