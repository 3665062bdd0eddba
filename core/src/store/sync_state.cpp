#include "core/store/sync_state.hpp"

#include "store/store_rows.hpp"
#include "store/store_tables.hpp"

#include <QJsonArray>
#include <QJsonDocument>

namespace core::store {

using detail::StatementResult;
using domain::Vacancy;
using namespace detail; // the row conversions

namespace {

constexpr auto feedCursorKey = "feed_cursor";
constexpr auto lastSuccessKey = "last_success";
constexpr auto codeListsCheckedKey = "code_lists_checked";
constexpr auto codeListsName = "bundle";

} // namespace

void SyncState::applyServerRecord(
    const Vacancy& server, const QString& etag, const QString& rejectionReason)
{
    const detail::Tables t(db_);
    if (server.vacancyId.isEmpty())
        throw StoreError("local store: the server's record has no vacancyId");
    t.transaction([&] {
        LocalVacancy r;
        if (const auto known = t.load(QStringLiteral("server_id"), server.vacancyId)) {
            if (known->hasLocalEdits())
                throw StoreError("local store: vacancy " + known->localId.toStdString()
                    + " has local edits; merge the server's version into it");
            r = *known;
        } else {
            r.localId = newUuid();
        }
        r.serverId = server.vacancyId;
        r.etag = etag;
        r.base = server;
        r.serverRejectionReason = rejectionReason;
        r.data = server;
        r.state = RecordState::Synced;
        r.deleted = false;
        r.serverDeleted = false;
        r.rejection.clear();
        r.rejectionCode.clear();
        t.write(r);
    });
}

void SyncState::applyServerTombstone(
    const QString& serverId, const QString& etag, const std::optional<Vacancy>& last)
{
    const detail::Tables t(db_);
    t.transaction([&] {
        auto known = t.load(QStringLiteral("server_id"), serverId);
        if (!known) {
            if (last) {
                // A withdrawn vacancy: the history keeps it.
                Vacancy final = *last;
                if (final.vacancyId.isEmpty())
                    final.vacancyId = serverId;
                applyServerRecord(final, etag);
            }
            return;
        }
        LocalVacancy r = *known;
        if (!r.hasLocalEdits() || r.deleted) {
            if (!last) {
                t.erase(r.localId);
                return;
            }
            t.dropRowsOf(r.localId);
            t.dropConflictOf(r.localId);
            r.deleted = false;
            r.queuedOperations = 0;
            r.state = RecordState::Synced;
            r.rejection.clear();
            r.rejectionCode.clear();
            r.base = *last;
            r.data = *last;
            r.etag = etag;
            t.write(r);
            return;
        }
        // Local edits the server can no longer take: kept for the clerk.
        t.dropRowsOf(r.localId);
        t.dropConflictOf(r.localId);
        r.serverDeleted = true;
        r.state = RecordState::Draft;
        if (last) {
            r.base = *last;
            r.etag = etag;
        } else {
            r.etag.clear();
        }
        t.write(r);
    });
}

QString SyncState::feedCursor() const
{
    const detail::Tables t(db_);
    return t.stateValue(feedCursorKey);
}

void SyncState::setFeedCursor(const QString& cursor)
{
    const detail::Tables t(db_);
    t.transaction([&] { t.setStateValue(feedCursorKey, cursor); });
}

void SyncState::recordConflict(const ConflictRecord& conflict)
{
    const detail::Tables t(db_);
    t.transaction([&] {
        LocalVacancy r = t.require(conflict.localId);
        const QDateTime detected
            = conflict.detectedAt.isValid() ? conflict.detectedAt : QDateTime::currentDateTimeUtc();
        t.run(QStringLiteral("INSERT INTO conflicts (local_id, mine_json, server_json,"
                             " base_json, server_etag, fields_json, detected_at)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (local_id) DO UPDATE"
                             " SET mine_json = excluded.mine_json,"
                             " server_json = excluded.server_json,"
                             " base_json = excluded.base_json,"
                             " server_etag = excluded.server_etag,"
                             " fields_json = excluded.fields_json,"
                             " detected_at = excluded.detected_at"),
            { conflict.localId, serialisedText(conflict.mine), serialisedText(conflict.server),
                serialisedText(conflict.base), conflict.serverEtag,
                QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(conflict.fields))
                                      .toJson(QJsonDocument::Compact)),
                detected.toMSecsSinceEpoch() });
        r.data = conflict.mine;
        r.state = RecordState::Conflict;
        t.write(r);
    });
}

QList<ConflictRecord> SyncState::conflicts() const
{
    const detail::Tables t(db_);
    const StatementResult result
        = t.run(QStringLiteral("SELECT %1 FROM conflicts ORDER BY detected_at, local_id")
                    .arg(QLatin1String(conflictColumns)));
    QList<ConflictRecord> list;
    for (const QVariantList& row : result.rows)
        list.append(conflictFrom(row));
    return list;
}

std::optional<ConflictRecord> SyncState::conflict(const QString& localId) const
{
    const detail::Tables t(db_);
    return t.conflictOf(localId);
}

void SyncState::resolveConflict(const QString& localId, const Vacancy& resolved)
{
    const detail::Tables t(db_);
    t.transaction([&] {
        const auto c = t.conflictOf(localId);
        if (!c)
            throw StoreError("local store: vacancy " + localId.toStdString() + " has no conflict");
        LocalVacancy r = t.require(localId);
        if (!c->server.vacancyId.isEmpty())
            r.serverId = c->server.vacancyId;
        r.base = c->server;
        r.etag = c->serverEtag;
        Vacancy data = resolved;
        takeServerAssigned(data, c->server);
        t.dropConflictOf(localId);
        t.dropUpdatesOf(localId);
        const bool moreQueued = !t.rowsOf(localId).isEmpty();
        if (data == c->server && !moreQueued) {
            // Keep the server's: nothing to send.
            r.data = c->server;
            r.state = RecordState::Synced;
        } else {
            r.data = data;
            t.addRow(localId, OperationKind::Update, serialise(data));
            r.state = RecordState::Pending;
        }
        t.write(r);
    });
}

std::optional<CachedCodeLists> SyncState::cachedCodeLists() const
{
    const detail::Tables t(db_);
    const StatementResult result
        = t.run(QStringLiteral("SELECT body, etag FROM code_lists WHERE name = ?"),
            { QLatin1String(codeListsName) });
    if (result.rows.isEmpty())
        return std::nullopt;
    return CachedCodeLists { result.rows.first().at(0).toByteArray(),
        result.rows.first().at(1).toString() };
}

void SyncState::saveCodeLists(const QByteArray& bundle, const QString& etag)
{
    const detail::Tables t(db_);
    t.transaction([&] {
        t.run(QStringLiteral("INSERT INTO code_lists (name, etag, body) VALUES (?, ?, ?)"
                             " ON CONFLICT (name) DO UPDATE SET etag = excluded.etag,"
                             " body = excluded.body"),
            { QLatin1String(codeListsName), etag, bundle });
    });
}

QDateTime SyncState::lastSuccessfulSync() const
{
    const detail::Tables t(db_);
    const QString value = t.stateValue(lastSuccessKey);
    return value.isEmpty() ? QDateTime() : fromMs(value.toLongLong());
}

void SyncState::setLastSuccessfulSync(const QDateTime& when)
{
    const detail::Tables t(db_);
    t.transaction(
        [&] { t.setStateValue(lastSuccessKey, QString::number(when.toMSecsSinceEpoch())); });
}

QDateTime SyncState::codeListsCheckedAt() const
{
    const detail::Tables t(db_);
    const QString value = t.stateValue(codeListsCheckedKey);
    return value.isEmpty() ? QDateTime() : fromMs(value.toLongLong());
}

void SyncState::setCodeListsCheckedAt(const QDateTime& when)
{
    const detail::Tables t(db_);
    t.transaction(
        [&] { t.setStateValue(codeListsCheckedKey, QString::number(when.toMSecsSinceEpoch())); });
}

} // namespace core::store
