#pragma once

#include "core/domain/vacancy.hpp"

#include <QHash>
#include <QString>
#include <QStringList>

namespace core::sync {

/// Whose value a field takes when the clerk settles a conflict.
enum class Side { Mine, Server };

struct MergeResult {
    /// base ⊕ mine ⊕ server: each field only one side changed takes that side's value; a field
    /// both changed to the same value takes it; a conflict field holds mine's value here.
    domain::Vacancy merged;
    /// The JSON keys (vacancy_json.hpp) both sides changed, to different values, in key order.
    QStringList conflicts;
    bool clean() const { return conflicts.isEmpty(); }
};

/// The top-level keys of a Vacancy's JSON the merge compares (every key toJson can write), sorted.
QStringList mergeKeys();

/// The keys only the server sets (vacancyId, status, createdOn, updatedOn, publishedOn): the
/// merge always takes the server's value for them and never reports them as a conflict.
QStringList serverAssignedKeys();

/// Field-by-field three-way merge over the top-level keys of core::domain::toJson: a key only
/// one side changed (against `base`) takes that side; both changed to equal values is no
/// conflict; both changed differently is a conflict field. Pure.
MergeResult merge(
    const domain::Vacancy& base, const domain::Vacancy& mine, const domain::Vacancy& server);

/// The merge with each conflict field settled by `choices` (key → side; a conflict field not
/// named keeps the server's value). Keys not in conflict are merged as merge() does.
domain::Vacancy resolve(const domain::Vacancy& base, const domain::Vacancy& mine,
    const domain::Vacancy& server, const QHash<QString, Side>& choices);

/// Equal in every field the clerk enters (the server-assigned keys aside).
bool sameContent(const domain::Vacancy& a, const domain::Vacancy& b);

} // namespace core::sync
