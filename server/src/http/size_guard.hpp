#pragma once

#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>

namespace server::http {

/// Qt 6.4's HTTP server buffers a whole request before any handler sees it. This guard watches
/// each connection's bytes first and answers 413 and closes before a huge body fills memory.
void guardRequestSize(QTcpSocket* socket, qint64 maxRequestBytes);

/// A listening socket whose connections are guarded before QAbstractHttpServer reads them.
template <typename Base> class GuardedServer : public Base {
public:
    GuardedServer(qint64 maxRequestBytes, QObject* parent)
        : Base(parent)
        , maxRequestBytes_(maxRequestBytes)
    { }

    QTcpSocket* nextPendingConnection() override
    {
        QTcpSocket* socket = Base::nextPendingConnection();
        if (socket)
            guardRequestSize(socket, maxRequestBytes_);
        return socket;
    }

private:
    qint64 maxRequestBytes_;
};

} // namespace server::http
