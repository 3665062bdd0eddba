#include "json_shapes.hpp"

#include <QJsonDocument>
#include <QJsonParseError>
#include <cmath>
#include <limits>

namespace core::api::detail {

namespace {

QJsonValue member(const QJsonObject& object, const QString& key)
{
    const auto found = object.constFind(key);
    if (found == object.constEnd())
        throw ShapeError(QStringLiteral("`%1` is missing").arg(key));
    return *found;
}

[[noreturn]] void wrongType(const QString& key, const char* expected)
{
    throw ShapeError(QStringLiteral("`%1` is not %2").arg(key, QLatin1String(expected)));
}

} // namespace

ShapeError::ShapeError(const QString& what)
    : std::runtime_error(what.toStdString())
{ }

QJsonObject jsonObject(const QByteArray& body)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        throw ShapeError(QStringLiteral("the body is not JSON (%1 at byte %2 of %3)")
                             .arg(error.errorString())
                             .arg(error.offset)
                             .arg(body.size()));
    if (!document.isObject())
        throw ShapeError(QStringLiteral("the body is not a JSON object"));
    return document.object();
}

QString requiredString(const QJsonObject& object, const QString& key)
{
    const QJsonValue value = member(object, key);
    if (!value.isString())
        wrongType(key, "a string");
    return value.toString();
}

QString requiredText(const QJsonObject& object, const QString& key)
{
    QString text = requiredString(object, key);
    if (text.isEmpty())
        throw ShapeError(QStringLiteral("`%1` is empty").arg(key));
    return text;
}

int requiredInt(const QJsonObject& object, const QString& key)
{
    const QJsonValue value = member(object, key);
    if (!value.isDouble())
        wrongType(key, "a number");
    const double number = value.toDouble();
    if (std::trunc(number) != number || number < std::numeric_limits<int>::min()
        || number > std::numeric_limits<int>::max())
        wrongType(key, "an integer");
    return static_cast<int>(number);
}

bool requiredBool(const QJsonObject& object, const QString& key)
{
    const QJsonValue value = member(object, key);
    if (!value.isBool())
        wrongType(key, "true or false");
    return value.toBool();
}

QJsonObject requiredObject(const QJsonObject& object, const QString& key)
{
    const QJsonValue value = member(object, key);
    if (!value.isObject())
        wrongType(key, "an object");
    return value.toObject();
}

QJsonArray requiredArray(const QJsonObject& object, const QString& key)
{
    const QJsonValue value = member(object, key);
    if (!value.isArray())
        wrongType(key, "an array");
    return value.toArray();
}

QDateTime requiredTime(const QJsonObject& object, const QString& key)
{
    const QString text = requiredString(object, key);
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid() || time.timeSpec() == Qt::LocalTime)
        wrongType(key, "an ISO 8601 time with a zone");
    return time.toUTC();
}

bool isSendableTag(const QString& tag)
{
    if (tag.isEmpty())
        return false;
    for (const QChar c : tag)
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return false;
    return true;
}

} // namespace core::api::detail
