#include "store/store_tables.hpp"

#include "domain/enum_names.hpp"
#include "store/store_rows.hpp"

#include <QStringList>

namespace core::store::detail {

using domain::Vacancy;

std::optional<LocalVacancy> Tables::load(const QString& column, const QVariant& value) const
{
    const StatementResult result = run(QStringLiteral("SELECT %1 FROM vacancies WHERE %2 = ?")
                                           .arg(QLatin1String(recordColumns), column),
        { value });
    if (result.rows.isEmpty())
        return std::nullopt;
    return recordFrom(result.rows.first());
}

std::optional<LocalVacancy> Tables::load(const QString& localId) const
{
    return load(QStringLiteral("local_id"), localId);
}

LocalVacancy Tables::require(const QString& localId) const
{
    auto record = load(localId);
    if (!record)
        throw StoreError("local store: no vacancy " + localId.toStdString());
    return *record;
}

void Tables::write(LocalVacancy& r) const
{
    r.updatedAt = QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC);
    const Vacancy& d = r.data;
    const QVariant serverStatus = r.base && r.base->status
        ? QVariant(domain::detail::statusName(*r.base->status))
        : QVariant(QMetaType(QMetaType::QString));
    // The reason belongs to the verdict: a base that is no longer Rejected drops it.
    if (!r.base || r.base->status != domain::VacancyStatus::Rejected)
        r.serverRejectionReason.clear();
    const QString searchBody
        = QStringList { d.qualifications, d.duties, d.workAddress }.join(u'\n');
    run(QStringLiteral(
            "INSERT INTO vacancies (local_id, server_id, etag, base_json, data_json, state,"
            " deleted, server_deleted, rejection_json, rejection_code, updated_at, title,"
            " agency_name, person_kind, server_status, valid_from, valid_to, openings,"
            " search_body, server_rejection_reason)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (local_id) DO UPDATE SET server_id = excluded.server_id,"
            " etag = excluded.etag, base_json = excluded.base_json,"
            " data_json = excluded.data_json, state = excluded.state,"
            " deleted = excluded.deleted, server_deleted = excluded.server_deleted,"
            " rejection_json = excluded.rejection_json,"
            " rejection_code = excluded.rejection_code, updated_at = excluded.updated_at,"
            " title = excluded.title, agency_name = excluded.agency_name,"
            " person_kind = excluded.person_kind, server_status = excluded.server_status,"
            " valid_from = excluded.valid_from, valid_to = excluded.valid_to,"
            " openings = excluded.openings, search_body = excluded.search_body,"
            " server_rejection_reason = excluded.server_rejection_reason"),
        { r.localId, orNull(r.serverId), orNull(r.etag),
            r.base ? QVariant(QString::fromUtf8(serialise(*r.base)))
                   : QVariant(QMetaType(QMetaType::QString)),
            QString::fromUtf8(serialise(r.data)), stateName(r.state), r.deleted ? 1 : 0,
            r.serverDeleted ? 1 : 0,
            r.rejection.isEmpty() && r.rejectionCode.isEmpty()
                ? QVariant(QMetaType(QMetaType::QString))
                : QVariant(messagesJson(r.rejection)),
            orNull(r.rejectionCode), r.updatedAt.toMSecsSinceEpoch(), notNull(d.title),
            notNull(d.agencyName), notNull(d.personKind), serverStatus, dateOrNull(d.validFrom),
            dateOrNull(d.validTo), d.openings, notNull(searchBody),
            orNull(r.serverRejectionReason) });
}

void Tables::erase(const QString& localId) const
{
    run(QStringLiteral("DELETE FROM outbox WHERE local_id = ?"), { localId });
    run(QStringLiteral("DELETE FROM conflicts WHERE local_id = ?"), { localId });
    run(QStringLiteral("DELETE FROM vacancies WHERE local_id = ?"), { localId });
}

QList<OutboxEntry> Tables::rowsOf(const QString& localId) const
{
    const StatementResult result
        = run(QStringLiteral("SELECT %1 FROM outbox WHERE local_id = ? ORDER BY sequence")
                  .arg(QLatin1String(outboxColumns)),
            { localId });
    QList<OutboxEntry> rows;
    for (const QVariantList& row : result.rows)
        rows.append(entryFrom(row));
    return rows;
}

OutboxEntry Tables::entry(qint64 sequence) const
{
    const StatementResult result = run(QStringLiteral("SELECT %1 FROM outbox WHERE sequence = ?")
                                           .arg(QLatin1String(outboxColumns)),
        { sequence });
    if (result.rows.isEmpty())
        throw StoreError("local store: no outbox row " + std::to_string(sequence));
    return entryFrom(result.rows.first());
}

void Tables::addRow(const QString& localId, OperationKind kind, const QByteArray& body) const
{
    run(QStringLiteral("INSERT INTO outbox (operation_id, local_id, kind, body, created_at)"
                       " VALUES (?, ?, ?, ?, ?)"),
        { newUuid(), localId, kindName(kind),
            kind == OperationKind::Delete ? QVariant(QMetaType(QMetaType::QByteArray))
                                          : QVariant(body),
            nowMs() });
}

void Tables::dropRow(qint64 sequence) const
{
    run(QStringLiteral("DELETE FROM outbox WHERE sequence = ?"), { sequence });
}

void Tables::dropRowsOf(const QString& localId) const
{
    run(QStringLiteral("DELETE FROM outbox WHERE local_id = ?"), { localId });
}

void Tables::dropUpdatesOf(const QString& localId) const
{
    run(QStringLiteral("DELETE FROM outbox WHERE local_id = ? AND kind = 'update'"), { localId });
}

void Tables::dropConflictOf(const QString& localId) const
{
    run(QStringLiteral("DELETE FROM conflicts WHERE local_id = ?"), { localId });
}

std::optional<ConflictRecord> Tables::conflictOf(const QString& localId) const
{
    const StatementResult result = run(QStringLiteral("SELECT %1 FROM conflicts WHERE local_id = ?")
                                           .arg(QLatin1String(conflictColumns)),
        { localId });
    if (result.rows.isEmpty())
        return std::nullopt;
    return conflictFrom(result.rows.first());
}

QString Tables::stateValue(const char* key) const
{
    const StatementResult result
        = run(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"), { QLatin1String(key) });
    return result.rows.isEmpty() ? QString() : result.rows.first().at(0).toString();
}

void Tables::setStateValue(const char* key, const QString& value) const
{
    run(QStringLiteral("INSERT INTO sync_state (key, value) VALUES (?, ?)"
                       " ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
        { QLatin1String(key), value });
}

void Tables::foldDuplicate(LocalVacancy& ours, const QString& serverId) const
{
    const auto other = load(QStringLiteral("server_id"), serverId);
    if (!other || other->localId == ours.localId)
        return;
    run(QStringLiteral("UPDATE outbox SET local_id = ? WHERE local_id = ?"),
        { ours.localId, other->localId });
    if (other->hasLocalEdits()) {
        // The clerk edited the pulled copy: those edits are the newest.
        ours.data = other->data;
        ours.deleted = ours.deleted || other->deleted;
        if (other->state == RecordState::Draft || other->state == RecordState::Conflict)
            ours.state = RecordState::Draft; // a conflict's "mine" waits to be queued again
    }
    dropConflictOf(other->localId);
    run(QStringLiteral("DELETE FROM vacancies WHERE local_id = ?"), { other->localId });
}

QList<LocalVacancy> Tables::records(const QString& where, const QVariantList& values) const
{
    const StatementResult result
        = run(QStringLiteral("SELECT %1 FROM vacancies %2 ORDER BY updated_at, local_id")
                  .arg(QLatin1String(recordColumns), where),
            values);
    QList<LocalVacancy> list;
    for (const QVariantList& row : result.rows)
        list.append(recordFrom(row));
    return list;
}

void Tables::setBody(qint64 sequence, const QByteArray& body) const
{
    run(QStringLiteral("UPDATE outbox SET body = ? WHERE sequence = ?"), { body, sequence });
}

} // namespace core::store::detail
