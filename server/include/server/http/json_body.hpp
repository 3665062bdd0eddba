#pragma once

#include "server/http/http_message.hpp"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace server::http {

/// The request limits every endpoint shares. A client that keeps to the contract never meets them.
struct RequestLimits {
    qint64 maxBodyBytes = 256 * 1024;
    int maxJsonDepth = 16; ///< nesting of objects and arrays together
    qsizetype maxShortText = 200; ///< accounts, names, e-mail, tokens' plain fields
};

/// The body as one JSON object: 415 unless `application/json`, 413 over the size limit, 400
/// `json-too-deep` before parsing anything deeper than the limit, 400 `json-malformed` for
/// anything that is not exactly one object.
QJsonObject readJsonObject(const HttpRequest& request, const RequestLimits& limits);

/// Nesting depth of the JSON text (objects and arrays), counted without parsing it.
int jsonNestingDepth(const QByteArray& text);

/// Strict reading of one object's members: unknown keys, missing required ones, wrong types and
/// over-long strings are collected per field, and finish() throws them together as 400
/// `request-invalid` (`fields: { name: ["missing" | "unknown" | "type" | "too-long" | "empty"] }`).
class JsonFields {
public:
    JsonFields(
        const QJsonObject& object, const QStringList& allowedKeys, const QString& prefix = {});

    QString requiredString(const QString& key, qsizetype maxLength);
    std::optional<QString> optionalString(const QString& key, qsizetype maxLength);
    QJsonObject requiredObject(const QString& key);
    void reject(const QString& key, const QString& reason);
    void finish() const;

private:
    QString name(const QString& key) const;
    const QJsonObject& object_;
    QString prefix_;
    QJsonObject problems_;
};

} // namespace server::http
