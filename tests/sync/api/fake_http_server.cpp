#include "fake_http_server.hpp"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <memory>

namespace apitest {

namespace {

/// The length of the first whole request in `buffer`, or 0 while it is incomplete.
qsizetype wholeRequest(const QByteArray& buffer)
{
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return 0;
    qsizetype length = 0;
    for (const QByteArray& line : buffer.left(headEnd).split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (trimmed.toLower().startsWith("content-length:"))
            length = trimmed.mid(15).trimmed().toLongLong();
    }
    const qsizetype total = headEnd + 4 + length;
    return buffer.size() >= total ? total : 0;
}

} // namespace

FakeHttpServer::FakeHttpServer(Script script)
    : script_(std::move(script))
    , server_(new QTcpServer)
{
    if (!server_->listen(QHostAddress::LocalHost, 0))
        qFatal("FakeHttpServer: cannot listen");
    port_ = server_->serverPort();
    QObject::connect(server_, &QTcpServer::newConnection, server_, [this] {
        while (QTcpSocket* socket = server_->nextPendingConnection()) {
            auto buffer = std::make_shared<QByteArray>();
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                buffer->append(socket->readAll());
                const qsizetype length = wholeRequest(*buffer);
                if (length == 0)
                    return;
                const QByteArray request = buffer->left(length);
                buffer->remove(0, length);
                ++requests_;
                if (const std::optional<QByteArray> reply = script_(request)) {
                    socket->write(*reply);
                    socket->disconnectFromHost();
                }
            });
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    server_->moveToThread(&thread_);
    thread_.start();
}

FakeHttpServer::~FakeHttpServer()
{
    server_->deleteLater(); // in its thread, which deletes it on the way out
    thread_.quit();
    thread_.wait();
}

QUrl FakeHttpServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port_));
}

QByteArray FakeHttpServer::answer(
    int status, const QByteArray& body, const QByteArray& extraHeaders)
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n"
        + extraHeaders + "\r\n" + body;
}

} // namespace apitest
