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
#include <optional>

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
    /// Several requests on the wire together (on as many connections as the manager opens to
    /// the host, the rest waiting for a free one); returns when every one is answered, failed
    /// or timed out, each result in the order of `requests` and as send() would give it.
    QList<Result<HttpAnswer>> sendAll(const QList<HttpRequest>& requests);

private:
    struct Flight;

    QNetworkAccessManager& manager();
    void dropManager();
    /// Why `request` must not go out (the address, the TLS settings, a header), if it must not.
    std::optional<Failure> refusal(const HttpRequest& request) const;
    void start(Flight& flight, const HttpRequest& request);
    /// The result of a settled flight; `dropConnections` is set when the connections must go.
    Result<HttpAnswer> finish(Flight& flight, bool& dropConnections);
    Result<HttpAnswer> failed(const Flight& flight, Failure failure) const;

    ServiceConfig config_;
    TlsPolicy tls_;
    std::unique_ptr<QNetworkAccessManager> manager_;
};

} // namespace core::api::detail
