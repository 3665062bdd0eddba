#pragma once

#include <QString>
#include <QStringList>
#include <vector>

namespace core::auth {

/// One part of the seed's password rule (修改密碼): 密碼長度8碼以上，且必須至少包含英文字母、
/// 數字及特殊符號; 密碼請勿輸入下列特殊字元 % & + * ? < > \ /. The client shows them as a live
/// checklist and the server refuses a password failing any of them: both call this one set.
enum class PasswordRule {
    MinimumLength, ///< at least 8 characters ("too-short")
    Letter, ///< at least one ASCII letter ("needs-letter")
    Digit, ///< at least one ASCII digit ("needs-digit")
    Symbol, ///< at least one printable ASCII symbol not forbidden ("needs-symbol")
    NoForbiddenCharacter, ///< none of % & + * ? < > \ /, spaces, controls, non-ASCII
                          ///< ("forbidden-character")
};

/// A rule and whether the candidate passes it.
struct PasswordRuleResult {
    PasswordRule rule;
    bool passed = false;
};

/// Every rule in the seed's order, each with pass/fail for `password`.
std::vector<PasswordRuleResult> checkPasswordRules(const QString& password);

/// The rule's stable identifier as the server reports it in a 422 password-policy answer.
QString passwordRuleId(PasswordRule rule);

/// The identifiers of the rules `password` fails. Empty = acceptable.
QStringList passwordPolicyFailures(const QString& password);

/// The characters the seed forbids in a password: % & + * ? < > \ /
QString forbiddenPasswordCharacters();

/// A custom account (自訂帳號): 4–30 letters, digits, '.', '_' or '-', starting with a letter,
/// and not shaped like an ID number (the login form takes either). Identifiers
/// "account-format", "account-looks-like-id"; empty = ok.
QStringList accountNameFailures(const QString& account);

/// A simple, strict e-mail shape: local@domain.tld, no spaces, at most 254 characters.
bool isPlausibleEmail(const QString& email);

} // namespace core::auth
