#pragma once

// One blocking HTTP exchange with the service: what may go out is decided here, the bytes go
// out on the wire of the network module (core/api/http_wire.hpp), opened by the first request,
// whose local event loop waits for the answer (or the timeout), so it works in any thread,
// with or without an event loop of its own.

#include "core/api/http_wire.hpp"
#include "core/api/result.hpp"
#include "core/api/service_config.hpp"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <memory>
#include <optional>

namespace core::api::detail {

using HeaderList = wire::HeaderList;

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
inline constexpr qint64 maxAnswerBytes = wire::maxAnswerBytes;

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
    /// The module's wire, opened with the first request that goes out; null when it cannot be.
    wire::Wire* wire(QString& why);
    /// Why `request` must not go out (the address, the TLS settings, a header), if it must not.
    std::optional<Failure> refusal(const HttpRequest& request) const;
    /// The result of `request` from how it ended on the wire.
    Result<HttpAnswer> settle(
        const HttpRequest& request, wire::Reply reply, qint64 elapsedMs) const;
    Result<HttpAnswer> failed(const HttpRequest& request, qint64 elapsedMs, Failure failure) const;

    ServiceConfig config_;
    bool pinConfigured_ = false;
    std::optional<QByteArray> pin_; ///< 32 raw bytes, when the configured pin is one
    std::unique_ptr<wire::Wire> wire_;
};

} // namespace core::api::detail
