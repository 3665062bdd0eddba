#include "slow_peers.hpp"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QNetworkRequest>
#include <QUrl>
#include <catch2/catch.hpp>

namespace servertest {

bool waitUntil(const std::function<bool()>& done)
{
    const QDeadlineTimer safetyNet(30000);
    while (!done() && !safetyNet.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    return done();
}

PendingReply::PendingReply(const HttpClient& client, const QByteArray& method, const QString& path,
    const QByteArray& body, const Headers& headers)
    : manager_(std::make_unique<QNetworkAccessManager>())
{
    QNetworkRequest request(QUrl(client.baseUrl() + path));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
    reply_ = manager_->sendCustomRequest(request, method, body);
}

PendingReply::~PendingReply()
{
    if (!reply_->isFinished())
        reply_->abort();
    delete reply_;
}

bool PendingReply::wait()
{
    return waitUntil([this] { return reply_->isFinished(); });
}

Reply PendingReply::result() const
{
    Reply result;
    if (!reply_->isFinished())
        return result;
    result.status = reply_->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply_->readAll();
    for (const auto& pair : reply_->rawHeaderPairs())
        result.headers.append(pair);
    return result;
}

HoldingResponder::HoldingResponder()
{
    REQUIRE(server_.listen(QHostAddress::LocalHost, 0));
    QObject::connect(&server_, &QTcpServer::newConnection, [this] {
        while (QTcpSocket* socket = server_.nextPendingConnection()) {
            if (holding_) {
                QObject::connect(socket, &QTcpSocket::readyRead, [socket] { socket->readAll(); });
                held_.append(socket);
            } else {
                socket->abort();
                socket->deleteLater();
            }
        }
    });
}

QString HoldingResponder::url() const
{
    return QStringLiteral("http://127.0.0.1:%1/").arg(server_.serverPort());
}

bool HoldingResponder::waitForHeld(int count)
{
    return waitUntil([this, count] { return held_.size() >= count; });
}

void HoldingResponder::release()
{
    holding_ = false;
    for (const QPointer<QTcpSocket>& socket : held_)
        if (socket) {
            socket->abort();
            socket->deleteLater();
        }
    held_.clear();
}

RawConnection::RawConnection(const QString& baseUrl)
{
    const QUrl url(baseUrl);
    socket_.connectToHost(url.host(), quint16(url.port()));
    REQUIRE(socket_.waitForConnected(10000));
    QObject::connect(&socket_, &QTcpSocket::readyRead, [this] { received_ += socket_.readAll(); });
}

void RawConnection::send(const QByteArray& bytes)
{
    socket_.write(bytes);
    socket_.flush();
}

bool RawConnection::waitForClose()
{
    return waitUntil([this] { return socket_.state() == QAbstractSocket::UnconnectedState; });
}

namespace {

int completeAnswers(const QByteArray& bytes)
{
    int count = 0;
    qsizetype at = 0;
    for (;;) {
        const qsizetype end = bytes.indexOf("\r\n\r\n", at);
        if (end < 0)
            return count;
        const QByteArray head = bytes.mid(at, end - at).toLower();
        const qsizetype length = head.indexOf("content-length:");
        const qsizetype lineEnd = head.indexOf("\r\n", length);
        const qsizetype size = length < 0
            ? 0
            : head.mid(length + 15, lineEnd < 0 ? -1 : lineEnd - length - 15)
                  .trimmed()
                  .toLongLong();
        if (bytes.size() < end + 4 + size)
            return count;
        ++count;
        at = end + 4 + size;
    }
}

} // namespace

bool RawConnection::waitForAnswers(int count)
{
    return waitUntil([this, count] { return completeAnswers(received_) >= count; });
}

const QByteArray& RawConnection::received()
{
    received_ += socket_.readAll();
    return received_;
}

} // namespace servertest
