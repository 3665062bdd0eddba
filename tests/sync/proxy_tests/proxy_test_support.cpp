#include "proxy_test_support.hpp"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QString>
#include <algorithm>
#include <utility>

namespace proxytest {

QByteArray headerOf(const QByteArray& message, const QByteArray& name)
{
    const qsizetype headEnd = message.indexOf("\r\n\r\n");
    for (const QByteArray& line : message.left(headEnd).split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

qsizetype messageLength(const QByteArray& buffer, bool noBody)
{
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return 0;
    const qsizetype length = noBody ? 0 : headerOf(buffer, "Content-Length").toLongLong();
    const qsizetype total = headEnd + 4 + length;
    return buffer.size() >= total ? total : 0;
}

int statusOf(const QByteArray& response)
{
    return response.split(' ').value(1).toInt();
}

QByteArray bodyOf(const QByteArray& response)
{
    return response.mid(response.indexOf("\r\n\r\n") + 4);
}

QByteArray get(const QByteArray& target, const QByteArray& extra)
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
}

QByteArray post(const QByteArray& target, const QByteArray& body, const QByteArray& extra)
{
    return "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + extra + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QList<ProxyLogEntry> finishedLog(const FaultProxy& proxy, int n)
{
    const bool finished = proxy.waitForFinished(n, 5000);
    const QList<ProxyLogEntry> log = proxy.log();
    QString lines;
    for (const ProxyLogEntry& entry : log)
        lines += entry.describe() + QLatin1Char('\n');
    INFO(lines.toStdString());
    REQUIRE(finished);
    return log;
}

RawClient::RawClient(quint16 port)
{
    socket_.connectToHost(QHostAddress::LocalHost, port);
    REQUIRE(socket_.waitForConnected(5000));
}

QByteArray RawClient::readResponse(bool noBody, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        buffer_ += socket_.readAll();
        if (const qsizetype length = messageLength(buffer_, noBody)) {
            const QByteArray response = buffer_.left(length);
            buffer_.remove(0, length);
            return response;
        }
        const qint64 left = timeoutMs - timer.elapsed();
        if (left <= 0
            || (!socket_.waitForReadyRead(int(left)) && socket_.bytesAvailable() == 0
                && socket_.state() != QAbstractSocket::ConnectedState))
            return {};
    }
}

QByteArray RawClient::readUntilClosed(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (socket_.state() == QAbstractSocket::ConnectedState && timer.elapsed() < timeoutMs)
        if (!socket_.waitForReadyRead(int(std::max<qint64>(1, timeoutMs - timer.elapsed()))))
            break;
    buffer_ += socket_.readAll();
    return std::exchange(buffer_, {});
}

} // namespace proxytest
