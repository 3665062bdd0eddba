#pragma once

#include <QString>
#include <QStringList>

namespace server::accounts {

/// The seed's rule: at least 8 characters, at least one letter, one digit and one special symbol,
/// and none of % & + * ? < > \ /. Returns the parts that fail, as stable identifiers:
/// "too-short", "needs-letter", "needs-digit", "needs-symbol", "forbidden-character". Empty = ok.
QStringList passwordPolicyFailures(const QString& password);

/// A custom account (自訂帳號): 4–30 letters, digits, '.', '_' or '-', starting with a letter,
/// and not shaped like an ID number (the login form takes either). Empty = ok.
QStringList accountNameFailures(const QString& account);

/// A simple, strict e-mail shape: local@domain.tld, no spaces, at most 254 characters.
bool isPlausibleEmail(const QString& email);

} // namespace server::accounts
