#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace server::agencies {

// An agency may belong to another (`agencies.parent`: a 署 under its 部). A caller acts for its
// own agency and every agency below it: it posts for them, and sees and manages their vacancies,
// their change feed, their 調閱履歷 and their audit trail. A unit's caller sees only the unit's.

/// `agencyCode` first, then every agency below it (units, their units …), each level by code.
/// Just `agencyCode` when nothing belongs to it.
QStringList agencyScope(const QSqlDatabase& db, const QString& agencyCode);

/// "<column> IN (:scope0, :scope1, …)" for `codes` (at least one), the values added to `binds`:
/// constant text, every code a bound value.
QString inScope(const QString& column, const QStringList& codes, QVariantMap& binds);

} // namespace server::agencies
