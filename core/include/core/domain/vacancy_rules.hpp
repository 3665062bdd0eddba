#pragma once

#include "core/domain/code_lists.hpp"
#include "core/domain/vacancy.hpp"

#include <QDate>
#include <QList>
#include <QString>

namespace core::domain {

/// One problem with one field. `field` is the field's JSON key (see vacancy_json.hpp), so the
/// form and the server point at the same place; `message` is translated (zh-TW source).
struct FieldMessage {
    QString field;
    QString message;
    friend bool operator==(const FieldMessage&, const FieldMessage&) = default;
};

/// Longest texts the form accepts. The reference puts long texts at "~1–4k" characters.
inline constexpr qsizetype maxLongTextLength = 4000;

/// The form's rules (vacancy-data.md §4). The client runs them for fast feedback; the server
/// runs the same ones and stays the authority. `today` decides whether a draft starts in the past.
QList<FieldMessage> validate(const Vacancy& vacancy, const CodeLists& codes, const QDate& today);

} // namespace core::domain
