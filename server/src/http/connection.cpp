#include "connection.hpp"

#include "server/http/request_log.hpp"

#include <QTcpSocket>

namespace server::http {

Connection::Connection(QTcpSocket* socket, int requestTimeoutSeconds)
    : QObject(socket)
    , socket_(socket)
{
    timeout_.setSingleShot(true);
    timeout_.setInterval(requestTimeoutSeconds * 1000);
    connect(&timeout_, &QTimer::timeout, this, [this] {
        qCInfo(lcRequests) << "connection closed: no complete request within the request timeout";
        socket_->abort();
    });
    // Connected before the HTTP server's own slot, so the request line is seen before it is read.
    connect(socket_, &QTcpSocket::readyRead, this, &Connection::noteRequestLine);
    // An answer still going out to a slow reader keeps the connection while it makes progress.
    connect(socket_, &QTcpSocket::bytesWritten, this, [this] {
        if (timeout_.isActive())
            timeout_.start();
    });
    timeout_.start();
}

Connection* Connection::of(QTcpSocket* socket, int requestTimeoutSeconds)
{
    if (auto* existing = socket->findChild<Connection*>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    return new Connection(socket, requestTimeoutSeconds);
}

void Connection::noteRequestLine()
{
    if (!awaitingRequestLine_)
        return;
    const QByteArray head = socket_->peek(8 * 1024);
    const qsizetype end = head.indexOf("\r\n");
    if (end < 0)
        return;
    http10_ = head.left(end).trimmed().endsWith(" HTTP/1.0");
    awaitingRequestLine_ = false;
}

quint64 Connection::begin()
{
    timeout_.stop();
    awaitingRequestLine_ = true;
    return nextTicket_++;
}

void Connection::finish(quint64 ticket, const QByteArray& answer, AfterAnswer after)
{
    ready_.emplace(ticket, std::make_pair(answer, after));
    while (!ready_.empty() && ready_.begin()->first == nextToWrite_) {
        auto [bytes, then] = std::move(ready_.begin()->second);
        ready_.erase(ready_.begin());
        ++nextToWrite_;
        if (closing_)
            continue; // the client asked to close before this request
        socket_->write(bytes);
        if (then == AfterAnswer::Close) {
            closing_ = true;
            timeout_.stop();
            socket_->disconnectFromHost(); // after what is queued has gone out
        }
    }
    restartTimeoutIfIdle();
}

void Connection::restartTimeoutIfIdle()
{
    if (!closing_ && nextToWrite_ == nextTicket_)
        timeout_.start();
}

} // namespace server::http
