#include "server/http/api_error.hpp"

#include <QJsonArray>
#include <QJsonDocument>

namespace server::http {

ApiError::ApiError(
    int status, const QString& code, const QString& message, const QJsonObject& fields)
    : std::runtime_error(code.toStdString())
    , status_(status)
    , code_(code)
    , message_(message.isEmpty() ? catalogueMessage(code) : message)
    , fields_(fields)
{ }

ApiError& ApiError::withBody(const QString& key, const QJsonValue& value)
{
    extraBody_.insert(key, value);
    return *this;
}

ApiError& ApiError::withHeader(const QByteArray& name, const QByteArray& value)
{
    headers_.append({ name, value });
    return *this;
}

HttpResponse ApiError::toResponse() const
{
    QJsonObject body = extraBody_;
    body.insert(QStringLiteral("error"), code_);
    body.insert(QStringLiteral("message"), message_);
    if (!fields_.isEmpty())
        body.insert(QStringLiteral("fields"), fields_);
    HttpResponse response = HttpResponse::json(status_, QJsonDocument(body));
    response.headers = headers_;
    response.errorCode = code_;
    return response;
}

ApiError ApiError::badField(const QString& field, const QString& reason)
{
    return ApiError(400, QStringLiteral("request-invalid"), {},
        QJsonObject { { field, QJsonArray { reason } } });
}

} // namespace server::http
