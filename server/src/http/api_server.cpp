#include "server/http/api_server.hpp"

#include "server/http/api_error.hpp"
#include "server/http/request_log.hpp"
#include "server/storage/sql.hpp"
#include "size_guard.hpp"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QMetaEnum>
#include <QTcpSocket>
#include <algorithm>

namespace server::http {
namespace {

// Header bytes allowed on top of the body limit before the guard cuts a connection.
constexpr qint64 headerAllowance = 64 * 1024;

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    default:
        return "OTHER";
    }
}

HttpRequest convert(const QHttpServerRequest& source)
{
    HttpRequest request;
    request.method = methodName(source.method());
    request.path = source.url().path(QUrl::FullyDecoded);
    request.query = source.query();
    for (const auto& [name, value] : source.headers())
        request.headers.insert(name.toLower(), value);
    request.body = source.body();
    request.remote = source.remoteAddress();
    return request;
}

} // namespace

ApiServer::ApiServer(Router router, Gatekeeper gatekeeper, RequestLimits limits, QObject* parent)
    : QAbstractHttpServer(parent)
    , router_(std::move(router))
    , gatekeeper_(std::move(gatekeeper))
    , limits_(limits)
{ }

quint16 ApiServer::listenOn(
    const QHostAddress& address, quint16 port, const std::optional<QSslConfiguration>& tls)
{
    const qint64 cap = limits_.maxBodyBytes + headerAllowance;
    QTcpServer* server = nullptr;
    if (tls) {
        auto* ssl = new GuardedServer<QSslServer>(cap, this);
        ssl->setSslConfiguration(*tls);
        server = ssl;
    } else {
        server = new GuardedServer<QTcpServer>(cap, this);
    }
    if (!server->listen(address, port)) {
        delete server;
        return 0;
    }
    bind(server);
    return server->serverPort();
}

HttpResponse ApiServer::dispatch(HttpRequest& request) const
{
    try {
        // No route has a control character in it; no database keeps U+0000 in text.
        if (std::any_of(request.path.begin(), request.path.end(),
                [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; }))
            throw ApiError(404, QStringLiteral("not-found"));
        for (const auto& [key, value] : request.query.queryItems(QUrl::FullyDecoded))
            if (key.contains(QChar(u'\0')) || value.contains(QChar(u'\0')))
                throw ApiError::badField(key, QStringLiteral("control-character"));
        const Router::Match match = router_.match(request);
        if (!match.route) {
            if (match.allowedMethods.isEmpty())
                throw ApiError(404, QStringLiteral("not-found"));
            throw ApiError(405, QStringLiteral("method-not-allowed"))
                .withHeader("Allow", match.allowedMethods.join(QStringLiteral(", ")).toLatin1());
        }
        if (request.body.size() > limits_.maxBodyBytes)
            throw ApiError(413, QStringLiteral("body-too-large"));
        if (match.route->access != Access::Public)
            request.caller = gatekeeper_(request, match.route->access);
        return match.route->handler(request);
    } catch (const ApiError& error) {
        return error.toResponse();
    } catch (const storage::StorageError& error) {
        qCWarning(lcRequests) << "database failure:" << error.what();
        return ApiError(503, QStringLiteral("database-unavailable")).toResponse();
    } catch (const std::exception& error) {
        // Details go to the log only; the message never holds request data.
        qCWarning(lcRequests) << "unexpected failure:" << error.what();
        return ApiError(500, QStringLiteral("internal-error")).toResponse();
    }
}

bool ApiServer::handleRequest(const QHttpServerRequest& source, QTcpSocket* socket)
{
    QElapsedTimer timer;
    timer.start();
    HttpRequest request = convert(source);
    // HEAD is GET without the body (RFC 9110): same status and headers, nothing after them.
    const bool head = request.method == "HEAD";
    if (head)
        request.method = "GET";
    HttpResponse response = dispatch(request);
    if (head)
        request.method = "HEAD";

    QHttpServerResponder responder = makeResponder(source, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    if (!response.contentType.isEmpty())
        responder.writeHeader("Content-Type", response.contentType);
    for (const auto& [name, value] : response.headers)
        responder.writeHeader(name, value);
    const bool cacheSet = std::any_of(response.headers.begin(), response.headers.end(),
        [](const auto& header) { return header.first.toLower() == "cache-control"; });
    if (!cacheSet)
        responder.writeHeader("Cache-Control", "no-store");
    responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    // writeBody also ends the header block, so HEAD writes an empty one.
    responder.writeBody(head ? QByteArray() : response.body);
    logRequest(request, response, timer.elapsed());
    return true;
}

void ApiServer::missingHandler(const QHttpServerRequest&, QTcpSocket*)
{
    // Never reached: handleRequest answers every request itself, 404 included.
}

} // namespace server::http
