#include "server/accounts/password_policy.hpp"

#include <QRegularExpression>

namespace server::accounts {

QStringList passwordPolicyFailures(const QString& password)
{
    static const QString forbidden = QStringLiteral("%&+*?<>\\/");
    QStringList failures;
    if (password.size() < 8)
        failures << QStringLiteral("too-short");
    bool letter = false, digit = false, symbol = false, banned = false;
    for (const QChar c : password) {
        if (forbidden.contains(c))
            banned = true;
        else if (c.isLetter() && c.unicode() < 128)
            letter = true;
        else if (c.isDigit() && c.unicode() < 128)
            digit = true;
        else if (c.unicode() > 32 && c.unicode() < 127)
            symbol = true;
        else
            banned = true; // spaces, control and non-ASCII characters cannot be typed everywhere
    }
    if (!letter)
        failures << QStringLiteral("needs-letter");
    if (!digit)
        failures << QStringLiteral("needs-digit");
    if (!symbol)
        failures << QStringLiteral("needs-symbol");
    if (banned)
        failures << QStringLiteral("forbidden-character");
    return failures;
}

QStringList accountNameFailures(const QString& account)
{
    static const QRegularExpression shape(QStringLiteral("^[A-Za-z][A-Za-z0-9._-]{3,29}$"));
    static const QRegularExpression idShape(QStringLiteral("^[A-Za-z][0-9A-Da-d][0-9]{8}$"));
    QStringList failures;
    if (!shape.match(account).hasMatch())
        failures << QStringLiteral("account-format");
    else if (idShape.match(account).hasMatch())
        failures << QStringLiteral("account-looks-like-id");
    return failures;
}

bool isPlausibleEmail(const QString& email)
{
    static const QRegularExpression shape(
        QStringLiteral("^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$"));
    return email.size() <= 254 && shape.match(email).hasMatch();
}

} // namespace server::accounts
