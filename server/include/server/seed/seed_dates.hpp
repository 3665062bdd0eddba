#pragma once

#include <QDate>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace server::seed {

/// A date in a seed file: "yyyy-MM-dd", or "today", "today+N", "today-N" (N days from the day
/// the seed is loaded). The relative forms keep a demo's postings current on any day it starts,
/// with the short periods real postings have. Nothing for any other text.
std::optional<QDate> seedDate(const QString& text, const QDate& today);

/// A vacancy object of a seed with its relative dates (validFrom, validTo, createdOn and the
/// résumé ranges) written out as yyyy-MM-dd; other members untouched. Throws SeedError (naming
/// `where`) for a date member that is neither form.
QJsonObject withSeedDates(const QJsonObject& vacancy, const QDate& today, const QString& where);

} // namespace server::seed
