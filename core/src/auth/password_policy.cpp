#include "core/auth/password_policy.hpp"

#include <QRegularExpression>

namespace core::auth {

namespace {

constexpr qsizetype minimumLength = 8;

} // namespace

QString forbiddenPasswordCharacters()
{
    return QStringLiteral("%&+*?<>\\/");
}

std::vector<PasswordRuleResult> checkPasswordRules(const QString& password)
{
    const QString forbidden = forbiddenPasswordCharacters();
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
    return {
        { PasswordRule::MinimumLength, password.size() >= minimumLength },
        { PasswordRule::Letter, letter },
        { PasswordRule::Digit, digit },
        { PasswordRule::Symbol, symbol },
        { PasswordRule::NoForbiddenCharacter, !banned },
    };
}

QString passwordRuleId(PasswordRule rule)
{
    switch (rule) {
    case PasswordRule::MinimumLength:
        return QStringLiteral("too-short");
    case PasswordRule::Letter:
        return QStringLiteral("needs-letter");
    case PasswordRule::Digit:
        return QStringLiteral("needs-digit");
    case PasswordRule::Symbol:
        return QStringLiteral("needs-symbol");
    case PasswordRule::NoForbiddenCharacter:
        return QStringLiteral("forbidden-character");
    }
    return {};
}

QStringList passwordPolicyFailures(const QString& password)
{
    QStringList failures;
    for (const PasswordRuleResult& result : checkPasswordRules(password))
        if (!result.passed)
            failures << passwordRuleId(result.rule);
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

} // namespace core::auth
