#pragma once

// A blocking HTTP client over QNetworkAccessManager for the server suites: every call goes over
// real TCP to the real server process.

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace servertest {

struct Reply {
    int status = 0; ///< 0: no HTTP answer at all (connection refused, timeout)
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    QByteArray header(const QByteArray& name) const;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString error() const { return json().value("error").toString(); }
};

using Headers = QList<QPair<QByteArray, QByteArray>>;

class HttpClient {
public:
    explicit HttpClient(QString baseUrl);

    Reply send(const QByteArray& method, const QString& path, const QByteArray& body = {},
        const Headers& headers = {}) const;
    /// JSON body with Content-Type: application/json; `token` adds the Bearer header.
    Reply sendJson(const QByteArray& method, const QString& path, const QJsonObject& body,
        const QString& token = {}, const Headers& extra = {}) const;
    Reply get(const QString& path, const QString& token = {}, const Headers& extra = {}) const;

    const QString& baseUrl() const { return baseUrl_; }

private:
    QString baseUrl_;
};

/// "Bearer <token>".
QPair<QByteArray, QByteArray> bearer(const QString& token);

} // namespace servertest
