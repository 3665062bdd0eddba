#include "json_fields.hpp"

#include <cmath>
#include <limits>

namespace core::domain::detail {

using Kind = DomainJsonError::Kind;

JsonFields::JsonFields(const QJsonObject& object, const QString& path)
    : object_(object)
    , path_(path)
{ }

QString JsonFields::path(const char* key) const
{
    const QString name = QString::fromLatin1(key);
    return path_.isEmpty() ? name : path_ + QLatin1Char('.') + name;
}

void JsonFields::fail(Kind kind, const QString& field, const char* detail) const
{
    throw DomainJsonError(kind, field, QString::fromLatin1(detail));
}

bool JsonFields::has(const char* key) const
{
    return object_.contains(QLatin1String(key));
}

QJsonValue JsonFields::value(const char* key)
{
    seen_.insert(QString::fromLatin1(key));
    return object_.value(QLatin1String(key));
}

QString JsonFields::string(const char* key)
{
    const QJsonValue v = value(key);
    if (v.isUndefined())
        return {};
    if (!v.isString())
        fail(Kind::WrongType, path(key), "expected a string");
    return v.toString();
}

bool JsonFields::boolean(const char* key, bool fallback)
{
    const QJsonValue v = value(key);
    if (v.isUndefined())
        return fallback;
    if (!v.isBool())
        fail(Kind::WrongType, path(key), "expected true or false");
    return v.toBool();
}

std::optional<int> wholeNumber(const QJsonValue& value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    if (std::floor(d) != d || d < std::numeric_limits<int>::min()
        || d > std::numeric_limits<int>::max())
        return std::nullopt;
    return static_cast<int>(d);
}

std::optional<int> JsonFields::integer(const char* key)
{
    const QJsonValue v = value(key);
    if (v.isUndefined())
        return std::nullopt;
    const auto number = wholeNumber(v);
    if (!number)
        fail(Kind::WrongType, path(key), "expected a whole number");
    return number;
}

QDate JsonFields::date(const char* key)
{
    const QString text = string(key);
    if (!has(key))
        return {};
    // ISO only: ROC dates belong on screen, never on the wire.
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!date.isValid() || text.size() != 10)
        fail(Kind::BadValue, path(key), "expected a date as yyyy-MM-dd");
    return date;
}

QJsonArray JsonFields::array(const char* key)
{
    const QJsonValue v = value(key);
    if (v.isUndefined())
        return {};
    if (!v.isArray())
        fail(Kind::WrongType, path(key), "expected an array");
    return v.toArray();
}

QStringList JsonFields::strings(const char* key)
{
    const QJsonArray items = array(key);
    QStringList result;
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!items.at(i).isString())
            fail(Kind::WrongType, path(key) + QStringLiteral("[%1]").arg(i), "expected a string");
        result.append(items.at(i).toString());
    }
    return result;
}

std::optional<QJsonObject> JsonFields::object(const char* key)
{
    const QJsonValue v = value(key);
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isObject())
        fail(Kind::WrongType, path(key), "expected an object");
    return v.toObject();
}

void JsonFields::finish() const
{
    for (const QString& key : object_.keys())
        if (!seen_.contains(key))
            fail(Kind::UnknownField, path_.isEmpty() ? key : path_ + QLatin1Char('.') + key,
                "unknown field");
}

} // namespace core::domain::detail
