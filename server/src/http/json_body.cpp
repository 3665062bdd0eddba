#include "server/http/json_body.hpp"

#include "server/http/api_error.hpp"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <algorithm>

namespace server::http {

int jsonNestingDepth(const QByteArray& text)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : text) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"')
            inString = true;
        else if (c == '{' || c == '[')
            deepest = std::max(deepest, ++depth);
        else if (c == '}' || c == ']')
            --depth;
    }
    return deepest;
}

namespace {

// U+0000 is valid JSON but no database keeps it in text (PostgreSQL refuses it): refused here.
bool holdsNul(const QJsonValue& value)
{
    if (value.isString())
        return value.toString().contains(QChar(u'\0'));
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        return std::any_of(
            array.begin(), array.end(), [](const QJsonValue& v) { return holdsNul(v); });
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            if (it.key().contains(QChar(u'\0')) || holdsNul(it.value()))
                return true;
    }
    return false;
}

} // namespace

QJsonObject readJsonObject(const HttpRequest& request, const RequestLimits& limits)
{
    const QByteArray type = request.header("content-type").split(';').first().trimmed().toLower();
    if (type != "application/json")
        throw ApiError(415, QStringLiteral("unsupported-media-type"));
    if (request.body.size() > limits.maxBodyBytes)
        throw ApiError(413, QStringLiteral("body-too-large"));
    if (jsonNestingDepth(request.body) > limits.maxJsonDepth)
        throw ApiError(400, QStringLiteral("json-too-deep"));
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        throw ApiError(400, QStringLiteral("json-malformed"));
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it)
        if (it.key().contains(QChar(u'\0')) || holdsNul(it.value()))
            throw ApiError::badField(it.key(), QStringLiteral("control-character"));
    return object;
}

JsonFields::JsonFields(
    const QJsonObject& object, const QStringList& allowedKeys, const QString& prefix)
    : object_(object)
    , prefix_(prefix)
{
    for (auto it = object.begin(); it != object.end(); ++it)
        if (!allowedKeys.contains(it.key()))
            reject(it.key(), QStringLiteral("unknown"));
}

QString JsonFields::name(const QString& key) const
{
    return prefix_.isEmpty() ? key : prefix_ + u'.' + key;
}

void JsonFields::reject(const QString& key, const QString& reason)
{
    QJsonArray reasons = problems_.value(name(key)).toArray();
    reasons.append(reason);
    problems_.insert(name(key), reasons);
}

std::optional<QString> JsonFields::optionalString(const QString& key, qsizetype maxLength)
{
    const QJsonValue value = object_.value(key);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isString()) {
        reject(key, QStringLiteral("type"));
        return std::nullopt;
    }
    const QString text = value.toString();
    if (text.size() > maxLength) {
        reject(key, QStringLiteral("too-long"));
        return std::nullopt;
    }
    return text;
}

QString JsonFields::requiredString(const QString& key, qsizetype maxLength)
{
    if (!object_.contains(key) || object_.value(key).isNull()) {
        reject(key, QStringLiteral("missing"));
        return {};
    }
    const std::optional<QString> text = optionalString(key, maxLength);
    if (text && text->isEmpty())
        reject(key, QStringLiteral("empty"));
    return text.value_or(QString());
}

QJsonObject JsonFields::requiredObject(const QString& key)
{
    const QJsonValue value = object_.value(key);
    if (value.isUndefined() || value.isNull()) {
        reject(key, QStringLiteral("missing"));
        return {};
    }
    if (!value.isObject()) {
        reject(key, QStringLiteral("type"));
        return {};
    }
    return value.toObject();
}

void JsonFields::finish() const
{
    if (!problems_.isEmpty())
        throw ApiError(400, QStringLiteral("request-invalid"), {}, problems_);
}

} // namespace server::http
