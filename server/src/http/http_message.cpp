#include "server/http/http_message.hpp"

namespace server::http {

QString Principal::logName() const
{
    if (!account.isEmpty())
        return account;
    if (personId != 0)
        return QStringLiteral("person#%1").arg(personId);
    if (!agencyCode.isEmpty())
        return QStringLiteral("agency:") + agencyCode;
    return QStringLiteral("-");
}

HttpResponse HttpResponse::json(int status, const QJsonDocument& document)
{
    HttpResponse response;
    response.status = status;
    response.body = document.toJson(QJsonDocument::Compact);
    return response;
}

HttpResponse HttpResponse::noContent()
{
    HttpResponse response;
    response.status = 204;
    response.contentType.clear();
    return response;
}

HttpResponse& HttpResponse::withHeader(const QByteArray& name, const QByteArray& value)
{
    headers.append({ name, value });
    return *this;
}

} // namespace server::http
