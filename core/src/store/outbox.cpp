#include "core/store/outbox.hpp"

#include "store/store_rows.hpp"
#include "store/store_tables.hpp"

#include <QStringList>
#include <algorithm>

namespace core::store {

using detail::StatementResult;
using domain::Vacancy;
using namespace detail; // the row conversions

QList<OutboxEntry> Outbox::entries() const
{
    const StatementResult result
        = detail::Tables(db_).run(QStringLiteral("SELECT %1 FROM outbox ORDER BY sequence")
                                      .arg(QLatin1String(outboxColumns)));
    QList<OutboxEntry> rows;
    for (const QVariantList& row : result.rows)
        rows.append(entryFrom(row));
    return rows;
}

int Outbox::size() const
{
    return detail::Tables(db_)
        .run(QStringLiteral("SELECT count(*) FROM outbox"))
        .rows.first()
        .at(0)
        .toInt();
}

QList<OutboxEntry> Outbox::due(const QDateTime& now, const QSet<QString>& skip, int limit) const
{
    QString excluded;
    QVariantList values { now.toMSecsSinceEpoch() };
    if (!skip.isEmpty()) {
        QStringList marks;
        for (const QString& id : skip) {
            marks << QStringLiteral("?");
            values << id;
        }
        excluded = QStringLiteral(" AND o.local_id NOT IN (%1)").arg(marks.join(u','));
    }
    values << std::max(limit, 1);
    // Per record only its first row can go; a record in Conflict waits for the clerk.
    const StatementResult result = detail::Tables(db_).run(
        QStringLiteral("SELECT %1 FROM outbox WHERE sequence IN (SELECT o.sequence FROM outbox o"
                       " JOIN vacancies v ON v.local_id = o.local_id"
                       " WHERE v.state != 'conflict'"
                       " AND o.sequence = (SELECT min(sequence) FROM outbox f"
                       " WHERE f.local_id = o.local_id)"
                       " AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?)%2"
                       " ORDER BY o.sequence LIMIT ?) ORDER BY sequence")
            .arg(QLatin1String(outboxColumns), excluded),
        values);
    QList<OutboxEntry> rows;
    for (const QVariantList& row : result.rows)
        rows.append(entryFrom(row));
    return rows;
}

std::optional<OutboxEntry> Outbox::nextDue(const QDateTime& now, const QSet<QString>& skip) const
{
    const QList<OutboxEntry> first = due(now, skip, 1);
    if (first.isEmpty())
        return std::nullopt;
    return first.first();
}

void Outbox::beginAttempt(qint64 sequence)
{
    const detail::Tables t(db_);
    t.transaction([&] {
        if (t.run(QStringLiteral("UPDATE outbox SET attempts = attempts + 1 WHERE sequence = ?"),
                 { sequence })
                .affected
            != 1)
            throw StoreError("local store: no outbox row " + std::to_string(sequence));
    });
}

void Outbox::deferOperation(qint64 sequence, const QDateTime& nextAttemptAt, const QString& error)
{
    const detail::Tables t(db_);
    t.transaction([&] {
        if (t.run(QStringLiteral("UPDATE outbox SET next_attempt_at = ?, last_error = ?"
                                 " WHERE sequence = ?"),
                 { nextAttemptAt.isValid() ? QVariant(nextAttemptAt.toMSecsSinceEpoch())
                                           : QVariant(QMetaType(QMetaType::LongLong)),
                     error, sequence })
                .affected
            != 1)
            throw StoreError("local store: no outbox row " + std::to_string(sequence));
    });
}

void Outbox::acknowledge(qint64 sequence, const Vacancy& serverRecord, const QString& etag,
    const QString& rejectionReason)
{
    const detail::Tables t(db_);
    if (serverRecord.vacancyId.isEmpty())
        throw StoreError("local store: the server's record has no vacancyId");
    t.transaction([&] {
        const OutboxEntry e = t.entry(sequence);
        if (e.kind == OperationKind::Delete)
            throw StoreError("local store: acknowledge() of a delete; use acknowledgeDelete()");
        LocalVacancy r = t.require(e.localId);
        t.dropRow(sequence);
        t.foldDuplicate(r, serverRecord.vacancyId);
        r.serverId = serverRecord.vacancyId;
        r.etag = etag;
        r.base = serverRecord;
        r.serverRejectionReason = rejectionReason;
        r.serverDeleted = false;
        const bool moreQueued = !t.rowsOf(e.localId).isEmpty();
        const bool unqueuedEdits
            = r.state == RecordState::Draft || r.state == RecordState::Rejected;
        if (moreQueued || unqueuedEdits || r.deleted || r.state == RecordState::Conflict) {
            takeServerAssigned(r.data, serverRecord);
            if (r.state == RecordState::Synced)
                r.state = RecordState::Pending;
        } else {
            r.data = serverRecord;
            r.state = RecordState::Synced;
            r.rejection.clear();
            r.rejectionCode.clear();
        }
        t.write(r);
    });
}

void Outbox::acknowledgeDelete(
    qint64 sequence, const std::optional<Vacancy>& withdrawn, const QString& etag)
{
    const detail::Tables t(db_);
    t.transaction([&] {
        const OutboxEntry e = t.entry(sequence);
        if (!withdrawn) {
            t.erase(e.localId);
            return;
        }
        LocalVacancy r = t.require(e.localId);
        t.dropRowsOf(e.localId);
        t.dropConflictOf(e.localId);
        if (!withdrawn->vacancyId.isEmpty())
            r.serverId = withdrawn->vacancyId;
        r.etag = etag;
        r.base = *withdrawn;
        r.data = *withdrawn;
        r.deleted = false;
        r.serverDeleted = false;
        r.state = RecordState::Synced;
        r.rejection.clear();
        r.rejectionCode.clear();
        t.write(r);
    });
}

void Outbox::reject(
    qint64 sequence, const QString& code, const QList<domain::FieldMessage>& messages)
{
    const detail::Tables t(db_);
    t.transaction([&] {
        const OutboxEntry e = t.entry(sequence);
        LocalVacancy r = t.require(e.localId);
        if (e.kind == OperationKind::Delete) {
            // The server keeps it (it has ended, say): back in the list, with the reason.
            t.dropRow(sequence);
            r.deleted = false;
        } else if (r.deleted) {
            t.dropRow(sequence);
            if (r.serverId.isEmpty() && e.kind == OperationKind::Create) {
                // Refused and deleted: the server never had it.
                t.erase(e.localId);
                return;
            }
            t.write(r);
            return;
        } else {
            t.dropRowsOf(e.localId);
        }
        r.state = RecordState::Rejected;
        r.rejection = messages;
        r.rejectionCode = code;
        t.write(r);
    });
}

void Outbox::rebase(const QString& localId, const Vacancy& server, const QString& serverEtag,
    const Vacancy& merged, const std::optional<Vacancy>& mergedData, const QString& rejectionReason)
{
    const detail::Tables t(db_);
    t.transaction([&] {
        LocalVacancy r = t.require(localId);
        if (!server.vacancyId.isEmpty())
            r.serverId = server.vacancyId;
        r.base = server;
        r.serverRejectionReason = rejectionReason;
        r.etag = serverEtag;
        QList<OutboxEntry> updates = t.rowsOf(localId);
        updates.removeIf([](const OutboxEntry& e) { return e.kind != OperationKind::Update; });
        if (!updates.isEmpty()) {
            t.setBody(updates.first().sequence, serialise(merged));
            for (qsizetype i = 1; i < updates.size(); ++i)
                t.dropRow(updates.at(i).sequence);
        }
        if (!r.deleted)
            r.data = mergedData.value_or(merged);
        takeServerAssigned(r.data, server);
        t.write(r);
    });
}

void Outbox::rebase(qint64 sequence, const Vacancy& server, const QString& serverEtag,
    const Vacancy& merged, const std::optional<Vacancy>& mergedData, const QString& rejectionReason)
{
    const detail::Tables t(db_);
    t.transaction([&] {
        rebase(t.entry(sequence).localId, server, serverEtag, merged, mergedData, rejectionReason);
    });
}

} // namespace core::store
