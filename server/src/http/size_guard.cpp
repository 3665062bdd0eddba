#include "size_guard.hpp"

#include "response_writer.hpp"
#include "server/http/api_error.hpp"

#include <QJsonDocument>
#include <QJsonObject>
#include <memory>

namespace server::http {
namespace {

struct GuardState {
    qint64 received = 0; ///< bytes since the last response started going out
    bool refused = false;
};

qint64 declaredLength(const QByteArray& head)
{
    const qsizetype end = head.indexOf("\r\n\r\n");
    const QByteArray headers = (end < 0 ? head : head.left(end)).toLower();
    const qsizetype at = headers.indexOf("\r\ncontent-length:");
    if (at < 0)
        return -1;
    const qsizetype lineEnd = headers.indexOf("\r\n", at + 2);
    bool ok = false;
    const qint64 length
        = headers.mid(at + 17, lineEnd < 0 ? -1 : lineEnd - at - 17).trimmed().toLongLong(&ok);
    return ok ? length : -1;
}

void refuse(QTcpSocket* socket)
{
    const QByteArray body = QJsonDocument(QJsonObject {
                                              { "error", "body-too-large" },
                                              { "message", QString::fromUtf8("請求內容過大。") },
                                          })
                                .toJson(QJsonDocument::Compact);
    socket->write("HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json\r\n"
                  "Connection: close\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    socket->flush();
    socket->disconnectFromHost();
}

} // namespace

void refuseOverCap(QTcpSocket* socket)
{
    const HttpResponse busy
        = ApiError(503, QStringLiteral("server-busy")).withHeader("Retry-After", "1").toResponse();
    QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->write(serializeResponse(busy, false, AfterAnswer::Close));
    socket->disconnectFromHost();
    if (socket->state() == QAbstractSocket::UnconnectedState)
        socket->deleteLater();
}

void guardRequestSize(QTcpSocket* socket, qint64 maxRequestBytes)
{
    auto state = std::make_shared<GuardState>();
    // Connected before the HTTP server's own slot, so the bytes are seen (or swallowed) first.
    QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, state, maxRequestBytes] {
        if (state->refused) {
            socket->readAll();
            return;
        }
        const qint64 fresh = socket->bytesAvailable();
        if (state->received == 0) {
            const qint64 length = declaredLength(socket->peek(16 * 1024));
            if (length > maxRequestBytes)
                state->received = maxRequestBytes; // refused just below
        }
        state->received += fresh;
        if (state->received > maxRequestBytes) {
            state->refused = true;
            socket->readAll();
            refuse(socket);
        }
    });
    QObject::connect(socket, &QTcpSocket::bytesWritten, socket, [state](qint64) {
        if (!state->refused)
            state->received = 0;
    });
}

} // namespace server::http
