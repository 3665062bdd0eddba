#include "server/vacancies/query_params.hpp"

#include "server/http/api_error.hpp"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace server::vacancies {

QueryParams::QueryParams(const QUrlQuery& query, const QStringList& allowedKeys)
    : query_(query)
{
    QSet<QString> seen;
    for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!allowedKeys.contains(key))
            reject(key, QStringLiteral("unknown"));
        else if (seen.contains(key))
            reject(key, QStringLiteral("repeated"));
        seen.insert(key);
    }
}

void QueryParams::reject(const QString& key, const QString& reason)
{
    QJsonArray reasons = problems_.value(key).toArray();
    if (!reasons.contains(reason))
        reasons.append(reason);
    problems_.insert(key, reasons);
}

std::optional<QString> QueryParams::text(const QString& key, qsizetype maxLength)
{
    if (!query_.hasQueryItem(key))
        return std::nullopt;
    const QString value = query_.queryItemValue(key, QUrl::FullyDecoded);
    if (value.isEmpty())
        return std::nullopt;
    if (value.size() > maxLength) {
        reject(key, QStringLiteral("too-long"));
        return std::nullopt;
    }
    return value;
}

int QueryParams::integer(const QString& key, int fallback, int minimum, int maximum)
{
    const std::optional<QString> value = text(key, 12);
    if (!value)
        return fallback;
    static const QRegularExpression digits(QStringLiteral("^-?[0-9]{1,10}$"));
    bool ok = false;
    const qint64 number = digits.match(*value).hasMatch() ? value->toLongLong(&ok) : 0;
    if (!ok) {
        reject(key, QStringLiteral("integer"));
        return fallback;
    }
    if (number < minimum || number > maximum) {
        reject(key, QStringLiteral("range"));
        return fallback;
    }
    return static_cast<int>(number);
}

QString QueryParams::choice(const QString& key, const QStringList& allowed, const QString& fallback)
{
    const std::optional<QString> value = text(key, 40);
    if (!value)
        return fallback;
    if (!allowed.contains(*value)) {
        reject(key, QStringLiteral("value"));
        return fallback;
    }
    return *value;
}

void QueryParams::finish() const
{
    if (!problems_.isEmpty())
        throw http::ApiError(400, QStringLiteral("request-invalid"), {}, problems_);
}

} // namespace server::vacancies
