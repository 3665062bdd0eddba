#pragma once

#include "connection.hpp"
#include "server/http/service_limits.hpp"

#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <memory>

namespace server::http {

/// Qt 6.4's HTTP server buffers a whole request before any handler sees it. This guard watches
/// each connection's bytes first and answers 413 and closes before a huge body fills memory.
void guardRequestSize(QTcpSocket* socket, qint64 maxRequestBytes);

/// Answers `503 server-busy` (Retry-After) on a connection over the cap, closes and deletes it.
void refuseOverCap(QTcpSocket* socket);

/// A listening socket whose connections are counted, capped and guarded before
/// QAbstractHttpServer reads them.
template <typename Base> class GuardedServer : public Base {
public:
    GuardedServer(qint64 maxRequestBytes, const ServiceLimits& limits, QObject* parent)
        : Base(parent)
        , maxRequestBytes_(maxRequestBytes)
        , limits_(limits)
    { }

    QTcpSocket* nextPendingConnection() override
    {
        while (QTcpSocket* socket = Base::nextPendingConnection()) {
            if (*open_ >= limits_.maxConnections) {
                refuseOverCap(socket);
                continue;
            }
            ++*open_;
            // Shared, not a member: sockets may outlive this object's derived part.
            QObject::connect(socket, &QObject::destroyed, [open = open_] { --*open; });
            new Connection(socket, limits_.requestTimeoutSeconds);
            guardRequestSize(socket, maxRequestBytes_);
            return socket;
        }
        return nullptr;
    }

private:
    qint64 maxRequestBytes_;
    ServiceLimits limits_;
    std::shared_ptr<int> open_ = std::make_shared<int>(0);
};

} // namespace server::http
