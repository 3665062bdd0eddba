#pragma once

#include "server/http/json_body.hpp"
#include "server/http/router.hpp"
#include "server/http/service_limits.hpp"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QSslConfiguration>
#include <functional>
#include <memory>
#include <optional>

namespace server::http {

class WorkerPool;

/// Checks the caller for a route's access level and returns who it is; throws ApiError
/// (401 unauthenticated / session-expired, 403 account-setup-required …).
using Gatekeeper = std::function<Principal(const HttpRequest&, Access)>;

/// The HTTP front: our router, the session gate, request limits, error bodies and one log
/// line per request. Sockets live on this thread; handlers (the gate included) run on a pool of
/// `limits.workers` threads, each answer going back to the socket's thread, or one at a time on
/// this thread with `workers` 0. A full queue answers `503 server-busy`.
class ApiServer : public QAbstractHttpServer {
    Q_OBJECT
public:
    ApiServer(Router router, Gatekeeper gatekeeper, RequestLimits limits,
        ServiceLimits serviceLimits = {}, QObject* parent = nullptr);
    ~ApiServer() override;

    /// Listens on `address:port` (0 = any free port); returns the port, 0 on failure. With a TLS
    /// configuration it serves HTTPS only.
    quint16 listenOn(const QHostAddress& address, quint16 port,
        const std::optional<QSslConfiguration>& tls = std::nullopt);

    const Router& router() const { return router_; }

    /// Runs one request through the pipeline without a socket (used by handleRequest). Safe to
    /// call from several threads at once as long as the handlers are.
    HttpResponse dispatch(HttpRequest& request) const;

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    Router router_;
    Gatekeeper gatekeeper_;
    RequestLimits limits_;
    ServiceLimits serviceLimits_;
    std::unique_ptr<WorkerPool> pool_; ///< null with `workers` 0
};

} // namespace server::http
