#pragma once

// Reading the service's JSON answers strictly enough to trust them: each reader throws
// ShapeError naming the member, which the client turns into a BadResponse failure.

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <stdexcept>

namespace core::api::detail {

class ShapeError : public std::runtime_error {
public:
    explicit ShapeError(const QString& what);
};

/// The body as one JSON object.
QJsonObject jsonObject(const QByteArray& body);

QString requiredString(const QJsonObject& object, const QString& key);
/// Also refuses an empty one.
QString requiredText(const QJsonObject& object, const QString& key);
int requiredInt(const QJsonObject& object, const QString& key);
bool requiredBool(const QJsonObject& object, const QString& key);
QJsonObject requiredObject(const QJsonObject& object, const QString& key);
QJsonArray requiredArray(const QJsonObject& object, const QString& key);
/// ISO 8601 with a zone (`2026-01-08T03:04:05Z`), as UTC.
QDateTime requiredTime(const QJsonObject& object, const QString& key);

/// An entity tag as it may go back out in If-Match: printable ASCII, not empty.
bool isSendableTag(const QString& tag);

} // namespace core::api::detail
