#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace server::http {

/// Who is calling, once the session checks passed. Empty for public routes.
struct Principal {
    QByteArray sessionHash; ///< the session's key in storage, never the token itself
    qint64 personId = 0; ///< 0 for an agency certificate's session
    QString agencyCode;
    QString account; ///< custom account, or empty before account setup
    bool certificate = false; ///< the session came from a card login
    QString holder; ///< an agency card's session: the card's holder and serial, for the audit
    bool accountSetupRequired = false;

    bool isValid() const { return !sessionHash.isEmpty(); }
    /// What the request log names: the account, or an internal number — never an ID number.
    QString logName() const;
};

/// One request as the handlers see it: decoded path, lower-case header names, the raw body.
struct HttpRequest {
    QByteArray method; ///< upper case: GET, POST, PUT, PATCH, DELETE
    QString path; ///< decoded, without the query
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; ///< names lower case; a repeated header keeps the last
    QByteArray body;
    QHostAddress remote;
    QHash<QString, QString> pathParams; ///< filled by the router: {id} → "1151100001"
    Principal caller; ///< filled by the session check

    QByteArray header(const QByteArray& lowerCaseName) const
    {
        return headers.value(lowerCaseName);
    }
    QString param(const QString& name) const { return pathParams.value(name); }
};

/// What a handler answers. `logAccount` and `errorCode` only feed the request log line.
struct HttpResponse {
    int status = 200;
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QString logAccount;
    QString errorCode;

    static HttpResponse json(int status, const QJsonDocument& document);
    static HttpResponse noContent();
    HttpResponse& withHeader(const QByteArray& name, const QByteArray& value);
};

} // namespace server::http
