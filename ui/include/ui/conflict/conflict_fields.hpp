#pragma once

#include "core/domain/code_lists.hpp"
#include "core/domain/vacancy.hpp"

#include <QString>

/// The conflict resolver's words for a vacancy field (a JSON key of core::domain::toJson):
/// its label as the seed's form names it, and a value as the clerk reads it.
/// Translated in context "ConflictFieldText".
namespace ui::conflictfields {

QString label(const QString& key);
/// `after` as rich text, the part that differs from `before` on a yellow ground (one changed
/// stretch between the common beginning and end: enough to find the edit in a long text).
QString changesHtml(const QString& before, const QString& after);
QString value(
    const core::domain::Vacancy& vacancy, const QString& key, const core::domain::CodeLists& lists);

} // namespace ui::conflictfields
