#pragma once

#include "core/domain/code_lists.hpp"
#include "core/domain/vacancy_rules.hpp"

#include <QList>

namespace core::domain::detail {

/// The 機關代碼's shape and every coded value of `vacancy` against `codes`: an unknown value, a
/// retired one (naming the current code when the list has a successor), and an old 職系 name
/// where a code belongs (naming the code to choose instead).
QList<FieldMessage> codeMessages(const Vacancy& vacancy, const CodeLists& codes);

} // namespace core::domain::detail
