#pragma once

#include "core/domain/code_lists.hpp"
#include "core/domain/vacancy.hpp"

#include <QDate>
#include <QList>
#include <QSet>
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

/// The form's rules (docs/vacancy-rules.md names each one's source). The client runs them for
/// fast feedback; the server runs the same ones and stays the authority. `today` decides whether
/// a draft starts in the past.
QList<FieldMessage> validate(const Vacancy& vacancy, const CodeLists& codes, const QDate& today);

/// The fields the rules require for this post as it stands, by JSON key (the form's 「*」): the
/// seed's starred fields, the content that protects applicants, and 官職等, 職系 and the gender
/// reason where the post's kind or its 性別 asks for them (core/domain/post_kind.hpp).
QSet<QString> requiredFields(const Vacancy& vacancy);

} // namespace core::domain
