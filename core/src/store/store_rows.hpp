#pragma once

// The store's rows in and out of SQL: the column lists its SELECTs read, and the conversions
// between a row and the public record types. Shared by the store's parts (records, outbox, sync
// state); nothing here runs a statement.

#include "core/store/store_types.hpp"

#include <QDate>
#include <QVariant>
#include <QVariantList>

namespace core::store::detail {

/// The columns recordFrom() reads, in order (the last one counts the record's outbox rows).
inline constexpr auto recordColumns
    = "local_id, server_id, etag, base_json, data_json, state, deleted, server_deleted,"
      " rejection_json, rejection_code, updated_at,"
      " (SELECT count(*) FROM outbox o WHERE o.local_id = vacancies.local_id),"
      " server_rejection_reason";
/// The columns entryFrom() reads, in order.
inline constexpr auto outboxColumns = "sequence, operation_id, local_id, kind, body, attempts,"
                                      " next_attempt_at, last_error";
/// The columns conflictFrom() reads, in order.
inline constexpr auto conflictColumns
    = "local_id, mine_json, server_json, base_json, server_etag, fields_json, detected_at";

qint64 nowMs();
QString newUuid();
/// NULL for an empty text.
QVariant orNull(const QString& text);
/// Never NULL: a null QString (an untouched field) binds as NULL in QtSql.
QString notNull(const QString& text);
QVariant dateOrNull(const QDate& date);
/// A NULL of text type (QtSql binds a typed null).
QVariant nullText();
QDateTime fromMs(const QVariant& value);

QByteArray serialise(const domain::Vacancy& vacancy);
QString serialisedText(const domain::Vacancy& vacancy);
/// Throws StoreError naming `what` when the JSON is not a vacancy.
domain::Vacancy parseVacancy(const QByteArray& json, const char* what);
domain::Vacancy parseVacancy(const QVariant& json, const char* what);

/// The members only the server sets; a local save never changes them.
void takeServerAssigned(domain::Vacancy& into, const domain::Vacancy& from);

QString stateName(RecordState state);
QString kindName(OperationKind kind);
QString messagesJson(const QList<domain::FieldMessage>& messages);

LocalVacancy recordFrom(const QVariantList& row);
OutboxEntry entryFrom(const QVariantList& row);
ConflictRecord conflictFrom(const QVariantList& row);

} // namespace core::store::detail
