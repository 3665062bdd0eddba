#include "server/http/api_server.hpp"

#include "connection.hpp"
#include "response_writer.hpp"
#include "server/http/api_error.hpp"
#include "server/http/request_log.hpp"
#include "server/storage/sql.hpp"
#include "size_guard.hpp"
#include "worker_pool.hpp"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QPointer>
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

/// The client's address: the socket's peer, or behind a reverse proxy the last
/// X-Forwarded-For entry — the one our proxy added; earlier ones come from the client itself.
QHostAddress clientAddress(
    const QHttpServerRequest& source, const HttpRequest& request, bool behindProxy)
{
    if (behindProxy) {
        const QList<QByteArray> hops = request.header("x-forwarded-for").split(',');
        QHostAddress forwarded;
        if (forwarded.setAddress(QString::fromLatin1(hops.last().trimmed())))
            return forwarded;
    }
    return source.remoteAddress();
}

HttpRequest convert(const QHttpServerRequest& source, bool behindProxy)
{
    HttpRequest request;
    request.method = methodName(source.method());
    request.path = source.url().path(QUrl::FullyDecoded);
    request.query = source.query();
    for (const auto& [name, value] : source.headers())
        request.headers.insert(name.toLower(), value);
    request.body = source.body();
    request.remote = clientAddress(source, request, behindProxy);
    return request;
}

/// What travels with a request to a worker and back.
struct Exchange {
    HttpRequest request;
    HttpResponse response;
    QElapsedTimer timer;
    bool head = false;
    quint64 ticket = 0;
    AfterAnswer after = AfterAnswer::KeepOpen;
};

} // namespace

ApiServer::ApiServer(Router router, Gatekeeper gatekeeper, RequestLimits limits,
    ServiceLimits serviceLimits, QObject* parent)
    : QAbstractHttpServer(parent)
    , router_(std::move(router))
    , gatekeeper_(std::move(gatekeeper))
    , limits_(limits)
    , serviceLimits_(serviceLimits)
{
    if (serviceLimits_.workers > 0)
        pool_ = std::make_unique<WorkerPool>(serviceLimits_.workers, serviceLimits_.queue);
}

ApiServer::~ApiServer()
{
    // Joined first: a running handler must not post its answer to a half-destroyed server.
    pool_.reset();
}

quint16 ApiServer::listenOn(
    const QHostAddress& address, quint16 port, const std::optional<QSslConfiguration>& tls)
{
    const qint64 cap = limits_.maxBodyBytes + headerAllowance;
    QTcpServer* server = nullptr;
    if (tls) {
        auto* ssl = new GuardedServer<QSslServer>(cap, serviceLimits_, this);
        ssl->setSslConfiguration(*tls);
        server = ssl;
    } else {
        server = new GuardedServer<QTcpServer>(cap, serviceLimits_, this);
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
    Exchange exchange;
    exchange.timer.start();
    exchange.request = convert(source, serviceLimits_.behindProxy);
    // HEAD is GET without the body: the same handler, the body dropped when written.
    exchange.head = exchange.request.method == "HEAD";
    if (exchange.head)
        exchange.request.method = "GET";
    Connection* connection = Connection::of(socket, serviceLimits_.requestTimeoutSeconds);
    exchange.ticket = connection->begin();
    exchange.after = afterAnswerFor(exchange.request.header("connection"), connection->http10());

    const auto deliver = [](QPointer<Connection> target, Exchange& done) {
        if (done.head)
            done.request.method = "HEAD";
        logRequest(done.request, done.response, done.timer.elapsed());
        if (target) // null: the client went away meanwhile
            target->finish(
                done.ticket, serializeResponse(done.response, done.head, done.after), done.after);
    };
    if (!pool_) {
        exchange.response = dispatch(exchange.request);
        deliver(connection, exchange);
        return true;
    }
    const QPointer<Connection> target(connection);
    auto shared = std::make_shared<Exchange>(std::move(exchange));
    const bool queued = pool_->trySubmit([this, target, shared, deliver] {
        shared->response = dispatch(shared->request);
        QMetaObject::invokeMethod(
            this, [target, shared, deliver] { deliver(target, *shared); }, Qt::QueuedConnection);
    });
    if (!queued) {
        shared->response = ApiError(503, QStringLiteral("server-busy"))
                               .withHeader("Retry-After", "1")
                               .toResponse();
        deliver(target, *shared);
    }
    return true;
}

void ApiServer::missingHandler(const QHttpServerRequest&, QTcpSocket*)
{
    // Never reached: handleRequest answers every request itself, 404 included.
}

} // namespace server::http
