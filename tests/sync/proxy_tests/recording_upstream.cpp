#include "recording_upstream.hpp"

#include "proxy_test_support.hpp"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QTcpServer>
#include <catch2/catch.hpp>
#include <memory>

namespace proxytest {

Upstream::Upstream()
{
    context_ = new QObject;
    context_->moveToThread(&thread_);
    thread_.start();
    QMetaObject::invokeMethod(
        context_,
        [this] {
            auto* server = new QTcpServer(context_);
            REQUIRE(server->listen(QHostAddress::LocalHost));
            port_ = server->serverPort();
            QObject::connect(server, &QTcpServer::newConnection, server, [this, server] {
                while (QTcpSocket* socket = server->nextPendingConnection())
                    serve(socket, ++connections_);
            });
        },
        Qt::BlockingQueuedConnection);
}

Upstream::~Upstream()
{
    QMetaObject::invokeMethod(
        context_, [this] { qDeleteAll(context_->children()); }, Qt::BlockingQueuedConnection);
    thread_.quit();
    thread_.wait();
    delete context_;
}

bool Upstream::waitForCount(int n, int timeoutMs) const
{
    QElapsedTimer timer;
    timer.start();
    while (count() < n) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QThread::msleep(5);
    }
    return true;
}

void Upstream::serve(QTcpSocket* socket, int connection)
{
    auto buffer = std::make_shared<QByteArray>();
    QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer, connection] {
        *buffer += socket->readAll();
        while (const qsizetype length = messageLength(*buffer)) {
            const QByteArray raw = buffer->left(length);
            buffer->remove(0, length);
            answer(socket, raw, connection);
            if (socket->state() != QAbstractSocket::ConnectedState)
                return;
        }
    });
}

void Upstream::answer(QTcpSocket* socket, const QByteArray& raw, int connection)
{
    const QList<QByteArray> requestLine = raw.left(raw.indexOf("\r\n")).split(' ');
    const QByteArray method = requestLine.value(0);
    const QByteArray target = requestLine.value(1);
    int n = 0;
    {
        QMutexLocker lock(&mutex_);
        received_.append({ raw, connection });
        n = int(received_.size());
    }
    const QByteArray text = "reply " + QByteArray::number(n) + ": " + method + ' ' + target;
    QByteArray response;
    bool close = false;
    if (target == "/vanish") {
        socket->abort();
        return;
    } else if (target.startsWith("/status/")) {
        const QByteArray body = R"({"n":)" + QByteArray::number(n) + '}';
        response = "HTTP/1.1 " + target.mid(8)
            + " Whatever\r\nContent-Type: application/json"
              "\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    } else if (target == "/chunked") {
        response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                   "5\r\nreply\r\n"
                   "3;ext=1\r\n "
            + QByteArray::number(n).rightJustified(2, '0') + "\r\n0\r\nX-Trailer: t\r\n\r\n";
    } else if (target == "/eof") {
        response = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n" + text;
        close = true;
    } else {
        const QByteArray body = target == "/big" ? QByteArray(300000, 'b') : text;
        close = target == "/close";
        response = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Count: "
            + QByteArray::number(n) + "\r\nContent-Length: " + QByteArray::number(body.size())
            + (close ? "\r\nConnection: close" : "") + "\r\n\r\n"
            + (method == "HEAD" ? QByteArray() : body);
    }
    {
        QMutexLocker lock(&mutex_);
        sent_.append(response);
    }
    socket->write(response);
    if (close)
        socket->disconnectFromHost();
}

} // namespace proxytest
