#include "store/store_rows.hpp"

#include "core/domain/domain_json_error.hpp"
#include "core/domain/vacancy_json.hpp"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace core::store::detail {

using domain::Vacancy;

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

QVariant nullText()
{
    return QVariant(QMetaType(QMetaType::QString));
}

QString serialisedText(const Vacancy& vacancy)
{
    return QString::fromUtf8(serialise(vacancy));
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

void takeServerAssigned(Vacancy& into, const Vacancy& from)
{
    into.vacancyId = from.vacancyId;
    into.status = from.status;
    into.createdOn = from.createdOn;
    into.updatedOn = from.updatedOn;
    into.publishedOn = from.publishedOn;
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

namespace {

RecordState stateFromName(const QString& name)
{
    for (const RecordState state : { RecordState::Draft, RecordState::Pending, RecordState::Synced,
             RecordState::Conflict, RecordState::Rejected }) {
        if (stateName(state) == name)
            return state;
    }
    throw StoreError("local store: unknown record state '" + name.toStdString() + "'");
}

} // namespace

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

namespace {

OperationKind kindFromName(const QString& name)
{
    for (const OperationKind kind :
        { OperationKind::Create, OperationKind::Update, OperationKind::Delete }) {
        if (kindName(kind) == name)
            return kind;
    }
    throw StoreError("local store: unknown operation kind '" + name.toStdString() + "'");
}

} // namespace

QString messagesJson(const QList<domain::FieldMessage>& messages)
{
    QJsonArray array;
    for (const domain::FieldMessage& m : messages)
        array.append(QJsonObject {
            { QStringLiteral("field"), m.field }, { QStringLiteral("message"), m.message } });
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

namespace {

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

} // namespace

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
    r.serverRejectionReason = row.at(12).toString();
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

} // namespace core::store::detail
