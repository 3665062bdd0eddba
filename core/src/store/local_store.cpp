#include "core/store/local_store.hpp"

#include "core/domain/domain_json_error.hpp"
#include "core/domain/vacancy_json.hpp"
#include "domain/enum_names.hpp"
#include "store/store_database.hpp"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTimeZone>
#include <QUuid>
#include <algorithm>

namespace core::store {

using detail::StatementResult;
using domain::Vacancy;

namespace {

constexpr auto feedCursorKey = "feed_cursor";
constexpr auto lastSuccessKey = "last_success";
constexpr auto codeListsCheckedKey = "code_lists_checked";
constexpr auto codeListsName = "bundle";

// The columns recordFrom() reads, in order.
constexpr auto recordColumns
    = "local_id, server_id, etag, base_json, data_json, state, deleted, server_deleted,"
      " rejection_json, rejection_code, updated_at,"
      " (SELECT count(*) FROM outbox o WHERE o.local_id = vacancies.local_id)";
constexpr auto outboxColumns = "sequence, operation_id, local_id, kind, body, attempts,"
                               " next_attempt_at, last_error";
constexpr auto conflictColumns
    = "local_id, mine_json, server_json, base_json, server_etag, fields_json, detected_at";

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QVariant orNull(const QString& text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

/// Never NULL: a null QString (an untouched field) binds as NULL in QtSql.
QString notNull(const QString& text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

QVariant dateOrNull(const QDate& date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate))
                          : QVariant(QMetaType(QMetaType::QString));
}

QByteArray serialise(const Vacancy& vacancy)
{
    return QJsonDocument(domain::toJson(vacancy)).toJson(QJsonDocument::Compact);
}

Vacancy parseVacancy(const QByteArray& json, const char* what)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        throw StoreError(std::string("local store: ") + what + " is not a JSON object");
    try {
        return domain::vacancyFromJson(document.object());
    } catch (const domain::DomainJsonError& e) {
        throw StoreError(std::string("local store: ") + what + ": " + e.what());
    }
}

Vacancy parseVacancy(const QVariant& json, const char* what)
{
    return parseVacancy(json.toString().toUtf8(), what);
}

/// The members only the server sets; a local save never changes them.
void takeServerAssigned(Vacancy& into, const Vacancy& from)
{
    into.vacancyId = from.vacancyId;
    into.status = from.status;
    into.createdOn = from.createdOn;
    into.updatedOn = from.updatedOn;
    into.publishedOn = from.publishedOn;
}

/// Equal in everything the clerk enters (the server-assigned members aside).
bool sameContent(Vacancy a, const Vacancy& b)
{
    takeServerAssigned(a, b);
    return a == b;
}

QString stateName(RecordState state)
{
    switch (state) {
    case RecordState::Draft:
        return QStringLiteral("draft");
    case RecordState::Pending:
        return QStringLiteral("pending");
    case RecordState::Synced:
        return QStringLiteral("synced");
    case RecordState::Conflict:
        return QStringLiteral("conflict");
    case RecordState::Rejected:
        break;
    }
    return QStringLiteral("rejected");
}

RecordState stateFromName(const QString& name)
{
    for (const RecordState state : { RecordState::Draft, RecordState::Pending, RecordState::Synced,
             RecordState::Conflict, RecordState::Rejected }) {
        if (stateName(state) == name)
            return state;
    }
    throw StoreError("local store: unknown record state '" + name.toStdString() + "'");
}

QString kindName(OperationKind kind)
{
    switch (kind) {
    case OperationKind::Create:
        return QStringLiteral("create");
    case OperationKind::Update:
        return QStringLiteral("update");
    case OperationKind::Delete:
        break;
    }
    return QStringLiteral("delete");
}

OperationKind kindFromName(const QString& name)
{
    for (const OperationKind kind :
        { OperationKind::Create, OperationKind::Update, OperationKind::Delete }) {
        if (kindName(kind) == name)
            return kind;
    }
    throw StoreError("local store: unknown operation kind '" + name.toStdString() + "'");
}

QString messagesJson(const QList<domain::FieldMessage>& messages)
{
    QJsonArray array;
    for (const domain::FieldMessage& m : messages)
        array.append(QJsonObject {
            { QStringLiteral("field"), m.field }, { QStringLiteral("message"), m.message } });
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<domain::FieldMessage> messagesFrom(const QVariant& json)
{
    QList<domain::FieldMessage> messages;
    if (json.isNull())
        return messages;
    const QJsonArray array = QJsonDocument::fromJson(json.toString().toUtf8()).array();
    for (const QJsonValue& value : array) {
        const QJsonObject o = value.toObject();
        messages.append({ o.value(QStringLiteral("field")).toString(),
            o.value(QStringLiteral("message")).toString() });
    }
    return messages;
}

QDateTime fromMs(const QVariant& value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

LocalVacancy recordFrom(const QVariantList& row)
{
    LocalVacancy r;
    r.localId = row.at(0).toString();
    r.serverId = row.at(1).toString();
    r.etag = row.at(2).toString();
    if (!row.at(3).isNull())
        r.base = parseVacancy(row.at(3), "base_json");
    r.data = parseVacancy(row.at(4), "data_json");
    r.state = stateFromName(row.at(5).toString());
    r.deleted = row.at(6).toInt() != 0;
    r.serverDeleted = row.at(7).toInt() != 0;
    r.rejection = messagesFrom(row.at(8));
    r.rejectionCode = row.at(9).toString();
    r.updatedAt = fromMs(row.at(10));
    r.queuedOperations = row.at(11).toInt();
    return r;
}

OutboxEntry entryFrom(const QVariantList& row)
{
    OutboxEntry e;
    e.sequence = row.at(0).toLongLong();
    e.operationId = row.at(1).toString();
    e.localId = row.at(2).toString();
    e.kind = kindFromName(row.at(3).toString());
    e.body = row.at(4).toByteArray();
    e.attempts = row.at(5).toInt();
    e.nextAttemptAt = fromMs(row.at(6));
    e.lastError = row.at(7).toString();
    return e;
}

ConflictRecord conflictFrom(const QVariantList& row)
{
    ConflictRecord c;
    c.localId = row.at(0).toString();
    c.mine = parseVacancy(row.at(1), "conflict mine_json");
    c.server = parseVacancy(row.at(2), "conflict server_json");
    c.base = parseVacancy(row.at(3), "conflict base_json");
    c.serverEtag = row.at(4).toString();
    for (const QJsonValue& field : QJsonDocument::fromJson(row.at(5).toString().toUtf8()).array())
        c.fields.append(field.toString());
    c.detectedAt = fromMs(row.at(6));
    return c;
}

} // namespace

struct LocalStore::Impl {
    detail::StoreDatabase db;

    explicit Impl(const QString& file)
        : db(file)
    { }

    StatementResult run(const QString& sql, const QVariantList& values = {}) const
    {
        return db.run(sql, values);
    }

    void transaction(const std::function<void()>& work) const { db.transaction(work); }

    // --- records ------------------------------------------------------------------------------

    std::optional<LocalVacancy> load(const QString& column, const QVariant& value) const
    {
        const StatementResult result = run(QStringLiteral("SELECT %1 FROM vacancies WHERE %2 = ?")
                                               .arg(QLatin1String(recordColumns), column),
            { value });
        if (result.rows.isEmpty())
            return std::nullopt;
        return recordFrom(result.rows.first());
    }

    std::optional<LocalVacancy> load(const QString& localId) const
    {
        return load(QStringLiteral("local_id"), localId);
    }

    LocalVacancy require(const QString& localId) const
    {
        auto record = load(localId);
        if (!record)
            throw StoreError("local store: no vacancy " + localId.toStdString());
        return *record;
    }

    /// Writes every column of `r`, the list columns derived from its data and base. An upsert
    /// that updates in place (never INSERT OR REPLACE: the search index's triggers need it).
    void write(LocalVacancy& r) const
    {
        r.updatedAt = QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC);
        const Vacancy& d = r.data;
        const QVariant serverStatus = r.base && r.base->status
            ? QVariant(domain::detail::statusName(*r.base->status))
            : QVariant(QMetaType(QMetaType::QString));
        const QString searchBody
            = QStringList { d.qualifications, d.duties, d.workAddress }.join(u'\n');
        run(QStringLiteral(
                "INSERT INTO vacancies (local_id, server_id, etag, base_json, data_json, state,"
                " deleted, server_deleted, rejection_json, rejection_code, updated_at, title,"
                " agency_name, person_kind, server_status, valid_from, valid_to, openings,"
                " search_body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (local_id) DO UPDATE SET server_id = excluded.server_id,"
                " etag = excluded.etag, base_json = excluded.base_json,"
                " data_json = excluded.data_json, state = excluded.state,"
                " deleted = excluded.deleted, server_deleted = excluded.server_deleted,"
                " rejection_json = excluded.rejection_json,"
                " rejection_code = excluded.rejection_code, updated_at = excluded.updated_at,"
                " title = excluded.title, agency_name = excluded.agency_name,"
                " person_kind = excluded.person_kind, server_status = excluded.server_status,"
                " valid_from = excluded.valid_from, valid_to = excluded.valid_to,"
                " openings = excluded.openings, search_body = excluded.search_body"),
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
                dateOrNull(d.validTo), d.openings, notNull(searchBody) });
    }

    /// The record, its outbox rows and its conflict go.
    void erase(const QString& localId) const
    {
        run(QStringLiteral("DELETE FROM outbox WHERE local_id = ?"), { localId });
        run(QStringLiteral("DELETE FROM conflicts WHERE local_id = ?"), { localId });
        run(QStringLiteral("DELETE FROM vacancies WHERE local_id = ?"), { localId });
    }

    // --- outbox -------------------------------------------------------------------------------

    QList<OutboxEntry> rowsOf(const QString& localId) const
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

    OutboxEntry entry(qint64 sequence) const
    {
        const StatementResult result
            = run(QStringLiteral("SELECT %1 FROM outbox WHERE sequence = ?")
                      .arg(QLatin1String(outboxColumns)),
                { sequence });
        if (result.rows.isEmpty())
            throw StoreError("local store: no outbox row " + std::to_string(sequence));
        return entryFrom(result.rows.first());
    }

    void addRow(const QString& localId, OperationKind kind, const QByteArray& body) const
    {
        run(QStringLiteral("INSERT INTO outbox (operation_id, local_id, kind, body, created_at)"
                           " VALUES (?, ?, ?, ?, ?)"),
            { newUuid(), localId, kindName(kind),
                kind == OperationKind::Delete ? QVariant(QMetaType(QMetaType::QByteArray))
                                              : QVariant(body),
                nowMs() });
    }

    void dropRow(qint64 sequence) const
    {
        run(QStringLiteral("DELETE FROM outbox WHERE sequence = ?"), { sequence });
    }

    void dropRowsOf(const QString& localId) const
    {
        run(QStringLiteral("DELETE FROM outbox WHERE local_id = ?"), { localId });
    }

    void dropUpdatesOf(const QString& localId) const
    {
        run(QStringLiteral("DELETE FROM outbox WHERE local_id = ? AND kind = 'update'"),
            { localId });
    }

    void dropConflictOf(const QString& localId) const
    {
        run(QStringLiteral("DELETE FROM conflicts WHERE local_id = ?"), { localId });
    }

    std::optional<ConflictRecord> conflictOf(const QString& localId) const
    {
        const StatementResult result
            = run(QStringLiteral("SELECT %1 FROM conflicts WHERE local_id = ?")
                      .arg(QLatin1String(conflictColumns)),
                { localId });
        if (result.rows.isEmpty())
            return std::nullopt;
        return conflictFrom(result.rows.first());
    }

    // --- sync_state ---------------------------------------------------------------------------

    QString stateValue(const char* key) const
    {
        const StatementResult result = run(
            QStringLiteral("SELECT value FROM sync_state WHERE key = ?"), { QLatin1String(key) });
        return result.rows.isEmpty() ? QString() : result.rows.first().at(0).toString();
    }

    void setStateValue(const char* key, const QString& value) const
    {
        run(QStringLiteral("INSERT INTO sync_state (key, value) VALUES (?, ?)"
                           " ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
            { QLatin1String(key), value });
    }

    /// A record a pull inserted under `serverId` while our create of the same vacancy was not
    /// acknowledged yet (its answer was lost): the same server record twice. The pulled copy
    /// goes; its queued rows and unqueued edits move to `ours`.
    void foldDuplicate(LocalVacancy& ours, const QString& serverId) const
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
};

QString LocalStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/shiqiuren/local.sqlite");
}

LocalStore::LocalStore(const QString& file)
    : impl_(std::make_unique<Impl>(file))
{ }

LocalStore::~LocalStore() = default;

const QString& LocalStore::file() const
{
    return impl_->db.file();
}

QString LocalStore::createDraft(const Vacancy& data)
{
    LocalVacancy r;
    r.localId = newUuid();
    r.data = data;
    takeServerAssigned(r.data, Vacancy {});
    r.state = RecordState::Draft;
    impl_->transaction([&] { impl_->write(r); });
    return r.localId;
}

void LocalStore::saveDraft(const QString& localId, const Vacancy& data)
{
    impl_->transaction([&] {
        LocalVacancy r = impl_->require(localId);
        if (r.deleted)
            throw StoreError("local store: vacancy " + localId.toStdString() + " is deleted");
        Vacancy saved = data;
        takeServerAssigned(saved, r.data);
        r.data = saved;
        if (r.state == RecordState::Conflict) {
            impl_->run(QStringLiteral("UPDATE conflicts SET mine_json = ? WHERE local_id = ?"),
                { QString::fromUtf8(serialise(saved)), localId });
        } else {
            r.state = RecordState::Draft;
        }
        impl_->write(r);
    });
}

void LocalStore::queue(const QString& localId)
{
    impl_->transaction([&] {
        LocalVacancy r = impl_->require(localId);
        if (r.deleted)
            throw StoreError("local store: vacancy " + localId.toStdString() + " is deleted");
        if (r.state == RecordState::Conflict)
            throw StoreError(
                "local store: vacancy " + localId.toStdString() + " has a conflict to resolve");
        if (r.serverDeleted) {
            // The server let it go while the clerk kept editing: it goes out as a new vacancy.
            impl_->dropRowsOf(localId);
            r.serverId.clear();
            r.etag.clear();
            r.base.reset();
            r.serverDeleted = false;
            takeServerAssigned(r.data, Vacancy {});
        }
        const QByteArray body = serialise(r.data);
        const QList<OutboxEntry> rows = impl_->rowsOf(localId);
        if (!rows.isEmpty() && rows.last().attempts == 0
            && rows.last().kind != OperationKind::Delete) {
            // Never tried: nobody has seen these bytes under this key, so they may change.
            impl_->run(QStringLiteral("UPDATE outbox SET body = ? WHERE sequence = ?"),
                { body, rows.last().sequence });
        } else {
            const bool createQueued = std::any_of(rows.cbegin(), rows.cend(),
                [](const OutboxEntry& e) { return e.kind == OperationKind::Create; });
            impl_->addRow(localId,
                r.serverId.isEmpty() && !createQueued ? OperationKind::Create
                                                      : OperationKind::Update,
                body);
        }
        r.state = RecordState::Pending;
        r.rejection.clear();
        r.rejectionCode.clear();
        impl_->write(r);
    });
}

void LocalStore::saveAndQueue(const QString& localId, const Vacancy& data)
{
    impl_->transaction([&] {
        saveDraft(localId, data);
        queue(localId);
    });
}

void LocalStore::remove(const QString& localId)
{
    impl_->transaction([&] {
        LocalVacancy r = impl_->require(localId);
        if (r.deleted)
            return;
        const QList<OutboxEntry> rows = impl_->rowsOf(localId);
        const bool createTried = std::any_of(rows.cbegin(), rows.cend(),
            [](const OutboxEntry& e) { return e.kind == OperationKind::Create && e.attempts > 0; });
        // Never sent (or the server already let it go): nobody else knows it.
        if ((r.serverId.isEmpty() && !createTried) || r.serverDeleted) {
            impl_->erase(localId);
            return;
        }
        impl_->dropConflictOf(localId);
        impl_->dropUpdatesOf(localId);
        impl_->addRow(localId, OperationKind::Delete, {});
        r.deleted = true;
        r.state = RecordState::Pending;
        r.rejection.clear();
        r.rejectionCode.clear();
        impl_->write(r);
    });
}

std::optional<LocalVacancy> LocalStore::find(const QString& localId) const
{
    return impl_->load(localId);
}

std::optional<LocalVacancy> LocalStore::findByServerId(const QString& serverId) const
{
    if (serverId.isEmpty())
        return std::nullopt;
    return impl_->load(QStringLiteral("server_id"), serverId);
}

QList<LocalVacancy> LocalStore::all() const
{
    const StatementResult result
        = impl_->run(QStringLiteral("SELECT %1 FROM vacancies ORDER BY updated_at, local_id")
                         .arg(QLatin1String(recordColumns)));
    QList<LocalVacancy> records;
    for (const QVariantList& row : result.rows)
        records.append(recordFrom(row));
    return records;
}

int LocalStore::count(RecordState state) const
{
    return impl_
        ->run(
            QStringLiteral("SELECT count(*) FROM vacancies WHERE state = ?"), { stateName(state) })
        .rows.first()
        .at(0)
        .toInt();
}

ListPage LocalStore::list(const ListQuery& query) const
{
    return queryVacancies(impl_->db.connection(), query);
}

std::optional<Vacancy> LocalStore::queuedData(const QString& localId) const
{
    const StatementResult result = impl_->run(
        QStringLiteral("SELECT body FROM outbox WHERE local_id = ? AND kind IN ('create', 'update')"
                       " ORDER BY sequence DESC LIMIT 1"),
        { localId });
    if (result.rows.isEmpty())
        return std::nullopt;
    return parseVacancy(result.rows.first().at(0).toByteArray(), "outbox body");
}

std::optional<OutboxEntry> LocalStore::nextDue(
    const QDateTime& now, const QSet<QString>& skip) const
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
    // Per record only its first row can go; a record in Conflict waits for the clerk.
    const StatementResult result = impl_->run(
        QStringLiteral("SELECT o.sequence FROM outbox o JOIN vacancies v ON v.local_id = o.local_id"
                       " WHERE v.state != 'conflict'"
                       " AND o.sequence = (SELECT min(sequence) FROM outbox f"
                       " WHERE f.local_id = o.local_id)"
                       " AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?)%1"
                       " ORDER BY o.sequence LIMIT 1")
            .arg(excluded),
        values);
    if (result.rows.isEmpty())
        return std::nullopt;
    return impl_->entry(result.rows.first().at(0).toLongLong());
}

QList<OutboxEntry> LocalStore::outbox() const
{
    const StatementResult result
        = impl_->run(QStringLiteral("SELECT %1 FROM outbox ORDER BY sequence")
                         .arg(QLatin1String(outboxColumns)));
    QList<OutboxEntry> rows;
    for (const QVariantList& row : result.rows)
        rows.append(entryFrom(row));
    return rows;
}

void LocalStore::beginAttempt(qint64 sequence)
{
    impl_->transaction([&] {
        if (impl_
                ->run(
                    QStringLiteral("UPDATE outbox SET attempts = attempts + 1 WHERE sequence = ?"),
                    { sequence })
                .affected
            != 1)
            throw StoreError("local store: no outbox row " + std::to_string(sequence));
    });
}

void LocalStore::deferOperation(
    qint64 sequence, const QDateTime& nextAttemptAt, const QString& error)
{
    impl_->transaction([&] {
        if (impl_
                ->run(QStringLiteral("UPDATE outbox SET next_attempt_at = ?, last_error = ?"
                                     " WHERE sequence = ?"),
                    { nextAttemptAt.isValid() ? QVariant(nextAttemptAt.toMSecsSinceEpoch())
                                              : QVariant(QMetaType(QMetaType::LongLong)),
                        error, sequence })
                .affected
            != 1)
            throw StoreError("local store: no outbox row " + std::to_string(sequence));
    });
}

void LocalStore::acknowledge(qint64 sequence, const Vacancy& serverRecord, const QString& etag)
{
    if (serverRecord.vacancyId.isEmpty())
        throw StoreError("local store: the server's record has no vacancyId");
    impl_->transaction([&] {
        const OutboxEntry e = impl_->entry(sequence);
        if (e.kind == OperationKind::Delete)
            throw StoreError("local store: acknowledge() of a delete; use acknowledgeDelete()");
        LocalVacancy r = impl_->require(e.localId);
        impl_->dropRow(sequence);
        impl_->foldDuplicate(r, serverRecord.vacancyId);
        r.serverId = serverRecord.vacancyId;
        r.etag = etag;
        r.base = serverRecord;
        r.serverDeleted = false;
        const bool moreQueued = !impl_->rowsOf(e.localId).isEmpty();
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
        impl_->write(r);
    });
}

void LocalStore::acknowledgeDelete(
    qint64 sequence, const std::optional<Vacancy>& withdrawn, const QString& etag)
{
    impl_->transaction([&] {
        const OutboxEntry e = impl_->entry(sequence);
        if (!withdrawn) {
            impl_->erase(e.localId);
            return;
        }
        LocalVacancy r = impl_->require(e.localId);
        impl_->dropRowsOf(e.localId);
        impl_->dropConflictOf(e.localId);
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
        impl_->write(r);
    });
}

void LocalStore::reject(
    qint64 sequence, const QString& code, const QList<domain::FieldMessage>& messages)
{
    impl_->transaction([&] {
        const OutboxEntry e = impl_->entry(sequence);
        LocalVacancy r = impl_->require(e.localId);
        if (e.kind == OperationKind::Delete) {
            // The server keeps it (it has ended, say): back in the list, with the reason.
            impl_->dropRow(sequence);
            r.deleted = false;
        } else if (r.deleted) {
            impl_->dropRow(sequence);
            if (r.serverId.isEmpty() && e.kind == OperationKind::Create) {
                // Refused and deleted: the server never had it.
                impl_->erase(e.localId);
                return;
            }
            impl_->write(r);
            return;
        } else {
            impl_->dropRowsOf(e.localId);
        }
        r.state = RecordState::Rejected;
        r.rejection = messages;
        r.rejectionCode = code;
        impl_->write(r);
    });
}

void LocalStore::rebase(const QString& localId, const Vacancy& server, const QString& serverEtag,
    const Vacancy& merged, const std::optional<Vacancy>& mergedData)
{
    impl_->transaction([&] {
        LocalVacancy r = impl_->require(localId);
        if (!server.vacancyId.isEmpty())
            r.serverId = server.vacancyId;
        r.base = server;
        r.etag = serverEtag;
        QList<OutboxEntry> updates = impl_->rowsOf(localId);
        updates.removeIf([](const OutboxEntry& e) { return e.kind != OperationKind::Update; });
        if (!updates.isEmpty()) {
            impl_->run(QStringLiteral("UPDATE outbox SET body = ? WHERE sequence = ?"),
                { serialise(merged), updates.first().sequence });
            for (qsizetype i = 1; i < updates.size(); ++i)
                impl_->dropRow(updates.at(i).sequence);
        }
        if (!r.deleted)
            r.data = mergedData.value_or(merged);
        takeServerAssigned(r.data, server);
        impl_->write(r);
    });
}

void LocalStore::rebase(qint64 sequence, const Vacancy& server, const QString& serverEtag,
    const Vacancy& merged, const std::optional<Vacancy>& mergedData)
{
    impl_->transaction(
        [&] { rebase(impl_->entry(sequence).localId, server, serverEtag, merged, mergedData); });
}

void LocalStore::recordConflict(const ConflictRecord& conflict)
{
    impl_->transaction([&] {
        LocalVacancy r = impl_->require(conflict.localId);
        const QDateTime detected
            = conflict.detectedAt.isValid() ? conflict.detectedAt : QDateTime::currentDateTimeUtc();
        impl_->run(QStringLiteral("INSERT INTO conflicts (local_id, mine_json, server_json,"
                                  " base_json, server_etag, fields_json, detected_at)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (local_id) DO UPDATE"
                                  " SET mine_json = excluded.mine_json,"
                                  " server_json = excluded.server_json,"
                                  " base_json = excluded.base_json,"
                                  " server_etag = excluded.server_etag,"
                                  " fields_json = excluded.fields_json,"
                                  " detected_at = excluded.detected_at"),
            { conflict.localId, QString::fromUtf8(serialise(conflict.mine)),
                QString::fromUtf8(serialise(conflict.server)),
                QString::fromUtf8(serialise(conflict.base)), conflict.serverEtag,
                QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(conflict.fields))
                                      .toJson(QJsonDocument::Compact)),
                detected.toMSecsSinceEpoch() });
        r.data = conflict.mine;
        r.state = RecordState::Conflict;
        impl_->write(r);
    });
}

QList<ConflictRecord> LocalStore::conflicts() const
{
    const StatementResult result
        = impl_->run(QStringLiteral("SELECT %1 FROM conflicts ORDER BY detected_at, local_id")
                         .arg(QLatin1String(conflictColumns)));
    QList<ConflictRecord> list;
    for (const QVariantList& row : result.rows)
        list.append(conflictFrom(row));
    return list;
}

std::optional<ConflictRecord> LocalStore::conflict(const QString& localId) const
{
    return impl_->conflictOf(localId);
}

void LocalStore::resolveConflict(const QString& localId, const Vacancy& resolved)
{
    impl_->transaction([&] {
        const auto c = impl_->conflictOf(localId);
        if (!c)
            throw StoreError("local store: vacancy " + localId.toStdString() + " has no conflict");
        LocalVacancy r = impl_->require(localId);
        if (!c->server.vacancyId.isEmpty())
            r.serverId = c->server.vacancyId;
        r.base = c->server;
        r.etag = c->serverEtag;
        Vacancy data = resolved;
        takeServerAssigned(data, c->server);
        impl_->dropConflictOf(localId);
        impl_->dropUpdatesOf(localId);
        const bool moreQueued = !impl_->rowsOf(localId).isEmpty();
        if (sameContent(data, c->server) && !moreQueued) {
            // Keep the server's: nothing to send.
            r.data = c->server;
            r.state = RecordState::Synced;
        } else {
            r.data = data;
            impl_->addRow(localId, OperationKind::Update, serialise(data));
            r.state = RecordState::Pending;
        }
        impl_->write(r);
    });
}

void LocalStore::applyServerRecord(const Vacancy& server, const QString& etag)
{
    if (server.vacancyId.isEmpty())
        throw StoreError("local store: the server's record has no vacancyId");
    impl_->transaction([&] {
        LocalVacancy r;
        if (const auto known = findByServerId(server.vacancyId)) {
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
        r.data = server;
        r.state = RecordState::Synced;
        r.deleted = false;
        r.serverDeleted = false;
        r.rejection.clear();
        r.rejectionCode.clear();
        impl_->write(r);
    });
}

void LocalStore::applyServerTombstone(
    const QString& serverId, const QString& etag, const std::optional<Vacancy>& last)
{
    impl_->transaction([&] {
        auto known = findByServerId(serverId);
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
                impl_->erase(r.localId);
                return;
            }
            impl_->dropRowsOf(r.localId);
            impl_->dropConflictOf(r.localId);
            r.deleted = false;
            r.queuedOperations = 0;
            r.state = RecordState::Synced;
            r.rejection.clear();
            r.rejectionCode.clear();
            r.base = *last;
            r.data = *last;
            r.etag = etag;
            impl_->write(r);
            return;
        }
        // Local edits the server can no longer take: kept for the clerk.
        impl_->dropRowsOf(r.localId);
        impl_->dropConflictOf(r.localId);
        r.serverDeleted = true;
        r.state = RecordState::Draft;
        if (last) {
            r.base = *last;
            r.etag = etag;
        } else {
            r.etag.clear();
        }
        impl_->write(r);
    });
}

QString LocalStore::feedCursor() const
{
    return impl_->stateValue(feedCursorKey);
}

void LocalStore::setFeedCursor(const QString& cursor)
{
    impl_->transaction([&] { impl_->setStateValue(feedCursorKey, cursor); });
}

void LocalStore::inTransaction(const std::function<void()>& work)
{
    impl_->transaction(work);
}

std::optional<LocalStore::CachedCodeLists> LocalStore::cachedCodeLists() const
{
    const StatementResult result
        = impl_->run(QStringLiteral("SELECT body, etag FROM code_lists WHERE name = ?"),
            { QLatin1String(codeListsName) });
    if (result.rows.isEmpty())
        return std::nullopt;
    return CachedCodeLists { result.rows.first().at(0).toByteArray(),
        result.rows.first().at(1).toString() };
}

void LocalStore::saveCodeLists(const QByteArray& bundle, const QString& etag)
{
    impl_->transaction([&] {
        impl_->run(QStringLiteral("INSERT INTO code_lists (name, etag, body) VALUES (?, ?, ?)"
                                  " ON CONFLICT (name) DO UPDATE SET etag = excluded.etag,"
                                  " body = excluded.body"),
            { QLatin1String(codeListsName), etag, bundle });
    });
}

QDateTime LocalStore::lastSuccessfulSync() const
{
    const QString value = impl_->stateValue(lastSuccessKey);
    return value.isEmpty() ? QDateTime() : fromMs(value.toLongLong());
}

void LocalStore::setLastSuccessfulSync(const QDateTime& when)
{
    impl_->transaction(
        [&] { impl_->setStateValue(lastSuccessKey, QString::number(when.toMSecsSinceEpoch())); });
}

QDateTime LocalStore::codeListsCheckedAt() const
{
    const QString value = impl_->stateValue(codeListsCheckedKey);
    return value.isEmpty() ? QDateTime() : fromMs(value.toLongLong());
}

void LocalStore::setCodeListsCheckedAt(const QDateTime& when)
{
    impl_->transaction([&] {
        impl_->setStateValue(codeListsCheckedKey, QString::number(when.toMSecsSinceEpoch()));
    });
}

void LocalStore::failStatementAfter(int n)
{
    impl_->db.failStatementAfter(n);
}

bool LocalStore::faultPending() const
{
    return impl_->db.faultPending();
}

} // namespace core::store
