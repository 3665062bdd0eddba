#pragma once

#include "server/service_context.hpp"

#include <QDate>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace server::vacancies {

/// The opaque cursor of `GET /changes`: unpadded base64url of "v1:<change number>".
QString encodeChangeCursor(qint64 changeSeq);
/// The change number inside a cursor; nothing for anything encodeChangeCursor did not make.
std::optional<qint64> decodeChangeCursor(const QString& cursor);

/// One page of the change feed of `agencyCodes` (a caller's agencyScope) after change number
/// `afterSeq`, one entry per vacancy
/// (its latest state), in change order:
/// `{ "changes": [{ "id", "etag", "deleted", "vacancy" }], "cursor", "hasMore" }`.
/// `deleted` is true for withdrawn and deleted ones; `vacancy` is the record (recordJson), the
/// final one for a withdrawn vacancy, null for a deleted one. `cursor` continues after the last
/// entry (or stays where it was when nothing changed).
QJsonObject changeFeedPage(const ServiceContext& context, const QStringList& agencyCodes,
    qint64 afterSeq, int limit, const QDate& today);

} // namespace server::vacancies
