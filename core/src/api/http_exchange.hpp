#pragma once

// One blocking HTTP exchange with the service: the request goes out on the client's
// QNetworkAccessManager and a local QEventLoop waits for the answer (or the timeout), so it
// works in any thread, with or without an event loop of its own.

#include "core/api/result.hpp"
#include "core/api/service_config.hpp"
#include "tls_policy.hpp"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <memory>

class QNetworkAccessManager;

namespace core::api::detail {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct HttpRequest {
    QByteArray method; ///< GET, POST, PUT, PATCH, DELETE
    QString path; ///< under the base URL's path, e.g. `/api/v1/vacancies/1150100001`
    QList<QPair<QString, QString>> query; ///< not logged
    HeaderList headers; ///< not logged
    QByteArray body; ///< sent byte for byte
};

struct HttpAnswer {
    int status = 0;
    HeaderList headers;
    QByteArray body;
    qint64 elapsedMs = 0; ///< from sending to the last byte

    /// The first header of that name (case-insensitive); empty when absent.
    QByteArray header(const QByteArray& name) const;
};

/// Answers above this are refused (BadResponse) and the connection is dropped.
inline constexpr qint64 maxAnswerBytes = 16 * 1024 * 1024;

class HttpExchange {
public:
    explicit HttpExchange(const ServiceConfig& config);
    ~HttpExchange();
    HttpExchange(const HttpExchange&) = delete;
    HttpExchange& operator=(const HttpExchange&) = delete;

    /// Any HTTP answer is a value (the caller judges and logs it); a failure is Network,
    /// Timeout, Tls or BadResponse (too big, cut off, not HTTP), and logged here.
    Result<HttpAnswer> send(const HttpRequest& request);

private:
    QNetworkAccessManager& manager();
    void dropManager();

    ServiceConfig config_;
    TlsPolicy tls_;
    std::unique_ptr<QNetworkAccessManager> manager_;
};

} // namespace core::api::detail
