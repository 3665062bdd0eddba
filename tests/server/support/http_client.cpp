#include "http_client.hpp"

#include <QBuffer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace servertest {

QByteArray Reply::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

HttpClient::HttpClient(QString baseUrl)
    : baseUrl_(std::move(baseUrl))
{ }

Reply HttpClient::send(const QByteArray& method, const QString& path, const QByteArray& body,
    const Headers& headers) const
{
    QNetworkAccessManager manager;
    QNetworkRequest request(QUrl(baseUrl_ + path));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
    QBuffer buffer;
    buffer.setData(body);
    buffer.open(QIODevice::ReadOnly);
    // HEAD must go through head(): a custom verb would wait for the body Content-Length names.
    QNetworkReply* reply = method == "HEAD" ? manager.head(request)
                                            : manager.sendCustomRequest(request, method, &buffer);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(30000);
    loop.exec();
    Reply result;
    if (reply->isFinished()) {
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        for (const auto& pair : reply->rawHeaderPairs())
            result.headers.append(pair);
    } else {
        reply->abort();
    }
    reply->deleteLater();
    return result;
}

Reply HttpClient::sendJson(const QByteArray& method, const QString& path, const QJsonObject& body,
    const QString& token, const Headers& extra) const
{
    Headers headers { { "Content-Type", "application/json" } };
    if (!token.isEmpty())
        headers.append(bearer(token));
    headers.append(extra);
    return send(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

Reply HttpClient::get(const QString& path, const QString& token, const Headers& extra) const
{
    Headers headers = extra;
    if (!token.isEmpty())
        headers.append(bearer(token));
    return send("GET", path, {}, headers);
}

QPair<QByteArray, QByteArray> bearer(const QString& token)
{
    return { "Authorization", "Bearer " + token.toLatin1() };
}

} // namespace servertest
