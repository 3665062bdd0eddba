#include "core/store/records.hpp"

#include "store/store_rows.hpp"
#include "store/store_tables.hpp"

#include <algorithm>

namespace core::store {

using detail::StatementResult;
using domain::Vacancy;
using namespace detail; // the row conversions

namespace {

/// A record never saved before: a fresh local id, nothing the server assigns.
LocalVacancy newRecord(const Vacancy& data)
{
    LocalVacancy r;
    r.localId = newUuid();
    r.data = data;
    takeServerAssigned(r.data, Vacancy {});
    r.state = RecordState::Draft;
    return r;
}

} // namespace

QString Records::createDraft(const Vacancy& data)
{
    const detail::Tables t(db_);
    LocalVacancy r = newRecord(data);
    t.transaction([&] { t.write(r); });
    return r.localId;
}

QString Records::createQueued(const Vacancy& data)
{
    const detail::Tables t(db_);
    LocalVacancy r = newRecord(data);
    t.transaction([&] {
        t.write(r);
        queue(r.localId);
    });
    return r.localId;
}

void Records::saveDraft(const QString& localId, const Vacancy& data)
{
    const detail::Tables t(db_);
    t.transaction([&] {
        LocalVacancy r = t.require(localId);
        if (r.deleted)
            throw StoreError("local store: vacancy " + localId.toStdString() + " is deleted");
        Vacancy saved = data;
        takeServerAssigned(saved, r.data);
        r.data = saved;
        if (r.state == RecordState::Conflict) {
            t.run(QStringLiteral("UPDATE conflicts SET mine_json = ? WHERE local_id = ?"),
                { serialisedText(saved), localId });
        } else {
            r.state = RecordState::Draft;
        }
        t.write(r);
    });
}

void Records::queue(const QString& localId)
{
    const detail::Tables t(db_);
    t.transaction([&] {
        LocalVacancy r = t.require(localId);
        if (r.deleted)
            throw StoreError("local store: vacancy " + localId.toStdString() + " is deleted");
        if (r.state == RecordState::Conflict)
            throw StoreError(
                "local store: vacancy " + localId.toStdString() + " has a conflict to resolve");
        if (r.serverDeleted) {
            // The server let it go while the clerk kept editing: it goes out as a new vacancy.
            t.dropRowsOf(localId);
            r.serverId.clear();
            r.etag.clear();
            r.base.reset();
            r.serverDeleted = false;
            takeServerAssigned(r.data, Vacancy {});
        }
        const QByteArray body = serialise(r.data);
        const QList<OutboxEntry> rows = t.rowsOf(localId);
        if (!rows.isEmpty() && rows.last().attempts == 0
            && rows.last().kind != OperationKind::Delete) {
            // Never tried: nobody has seen these bytes under this key, so they may change.
            t.setBody(rows.last().sequence, body);
        } else {
            const bool createQueued = std::any_of(rows.cbegin(), rows.cend(),
                [](const OutboxEntry& e) { return e.kind == OperationKind::Create; });
            t.addRow(localId,
                r.serverId.isEmpty() && !createQueued ? OperationKind::Create
                                                      : OperationKind::Update,
                body);
        }
        r.state = RecordState::Pending;
        r.rejection.clear();
        r.rejectionCode.clear();
        t.write(r);
    });
}

void Records::saveAndQueue(const QString& localId, const Vacancy& data)
{
    detail::Tables(db_).transaction([&] {
        saveDraft(localId, data);
        queue(localId);
    });
}

void Records::remove(const QString& localId)
{
    const detail::Tables t(db_);
    t.transaction([&] {
        LocalVacancy r = t.require(localId);
        if (r.deleted)
            return;
        const QList<OutboxEntry> rows = t.rowsOf(localId);
        const bool createTried = std::any_of(rows.cbegin(), rows.cend(),
            [](const OutboxEntry& e) { return e.kind == OperationKind::Create && e.attempts > 0; });
        // Never sent (or the server already let it go): nobody else knows it.
        if ((r.serverId.isEmpty() && !createTried) || r.serverDeleted) {
            t.erase(localId);
            return;
        }
        t.dropConflictOf(localId);
        t.dropUpdatesOf(localId);
        t.addRow(localId, OperationKind::Delete, {});
        r.deleted = true;
        r.state = RecordState::Pending;
        r.rejection.clear();
        r.rejectionCode.clear();
        t.write(r);
    });
}

std::optional<LocalVacancy> Records::find(const QString& localId) const
{
    return detail::Tables(db_).load(localId);
}

std::optional<LocalVacancy> Records::findByServerId(const QString& serverId) const
{
    if (serverId.isEmpty())
        return std::nullopt;
    return detail::Tables(db_).load(QStringLiteral("server_id"), serverId);
}

QList<LocalVacancy> Records::all() const
{
    return detail::Tables(db_).records();
}

int Records::count(RecordState state) const
{
    return detail::Tables(db_)
        .run(QStringLiteral("SELECT count(*) FROM vacancies WHERE state = ?"), { stateName(state) })
        .rows.first()
        .at(0)
        .toInt();
}

ListPage Records::list(const ListQuery& query) const
{
    return queryVacancies(db_.connection(), query);
}

std::optional<Vacancy> Records::queuedData(const QString& localId) const
{
    const detail::Tables t(db_);
    const StatementResult result = t.run(
        QStringLiteral("SELECT body FROM outbox WHERE local_id = ? AND kind IN ('create', 'update')"
                       " ORDER BY sequence DESC LIMIT 1"),
        { localId });
    if (result.rows.isEmpty())
        return std::nullopt;
    return parseVacancy(result.rows.first().at(0).toByteArray(), "outbox body");
}

} // namespace core::store
