#pragma once

#include "server/http/http_message.hpp"

#include <QJsonObject>
#include <QString>
#include <stdexcept>

namespace server::http {

/// A refusal the client can act on: the HTTP status, the contract's stable error code, the zh-TW
/// sentence for people, and per-field reasons. Handlers throw it; the server turns it into
/// `{ "error", "message", "fields" }` (central-service.md, "Conventions").
class ApiError : public std::runtime_error {
public:
    /// `message` empty → the catalogue's sentence for `code`.
    ApiError(int status, const QString& code, const QString& message = {},
        const QJsonObject& fields = {});

    int status() const { return status_; }
    const QString& code() const { return code_; }
    const QString& message() const { return message_; }
    const QJsonObject& fields() const { return fields_; }

    /// Extra top-level members (412 carries the current record, 429 the wait in seconds).
    ApiError& withBody(const QString& key, const QJsonValue& value);
    ApiError& withHeader(const QByteArray& name, const QByteArray& value);

    HttpResponse toResponse() const;

    /// One field, one reason: `{ field: [reason] }`.
    static ApiError badField(const QString& field, const QString& reason);

private:
    int status_;
    QString code_;
    QString message_;
    QJsonObject fields_;
    QJsonObject extraBody_;
    QList<QPair<QByteArray, QByteArray>> headers_;
};

/// The zh-TW sentence the contract pairs with each error code; empty for an unknown code.
QString catalogueMessage(const QString& code);

/// Every error code the server can answer, for docs/api/openapi.yaml and the tests.
QStringList allErrorCodes();

} // namespace server::http
