#include "fault_proxy.hpp"

#include "proxy_session.hpp"
#include "proxy_state.hpp"

#include <QDeadlineTimer>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <stdexcept>

namespace synctest {

QString ProxyLogEntry::describe() const
{
    QString line = QStringLiteral("#%1 conn %2 %3 %4")
                       .arg(sequence)
                       .arg(connection)
                       .arg(QString::fromLatin1(method), path);
    if (!idempotencyKey.isEmpty())
        line += QStringLiteral(" key=%1").arg(QString::fromLatin1(idempotencyKey));
    if (!ifMatch.isEmpty())
        line += QStringLiteral(" if-match=%1").arg(QString::fromLatin1(ifMatch));
    line += QStringLiteral(" [%1] at %2 ms").arg(FaultRule::kindName(fault)).arg(receivedMs);
    if (forwarded)
        line += upstreamFailed ? QStringLiteral(", server: no answer")
                               : QStringLiteral(", server: %1").arg(upstreamStatus);
    else
        line += QStringLiteral(", not forwarded");
    line += status ? QStringLiteral(", client: %1").arg(status) : QStringLiteral(", client: -");
    if (clientGone)
        line += QStringLiteral(" (client gone)");
    if (finished())
        line += QStringLiteral(", done at %1 ms").arg(finishedMs);
    return line;
}

// ---- FaultProxy ----

FaultProxy::FaultProxy(QString upstreamHost, quint16 upstreamPort, quint16 listenPort)
    : d(std::make_unique<Private>())
{
    d->upstreamHost = std::move(upstreamHost);
    d->upstreamPort = upstreamPort;
    d->clock.start();
    d->context = new QObject;
    d->context->moveToThread(&d->thread);
    d->thread.setObjectName(QStringLiteral("fault-proxy"));
    d->thread.start();
    QString error;
    QMetaObject::invokeMethod(
        d->context,
        [this, listenPort, &error] {
            auto* server = new QTcpServer(d->context);
            if (!server->listen(QHostAddress::LocalHost, listenPort)) {
                error = server->errorString();
                return;
            }
            d->port = server->serverPort();
            QObject::connect(server, &QTcpServer::newConnection, server, [this, server] {
                while (QTcpSocket* socket = server->nextPendingConnection())
                    new ProxySession(d.get(), socket, ++d->connections);
            });
        },
        Qt::BlockingQueuedConnection);
    if (!error.isEmpty())
        throw std::runtime_error(
            QStringLiteral("fault proxy: cannot listen: %1").arg(error).toStdString());
}

FaultProxy::~FaultProxy() = default;

quint16 FaultProxy::port() const
{
    return d->port;
}

QString FaultProxy::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(d->port);
}

void FaultProxy::push(FaultRule rule)
{
    if (rule.count == 0)
        return;
    QMutexLocker lock(&d->mutex);
    d->rules.append(std::move(rule));
}

void FaultProxy::setDefault(FaultRule rule)
{
    QMutexLocker lock(&d->mutex);
    d->defaultRule = std::move(rule);
}

void FaultProxy::clearRules()
{
    QMutexLocker lock(&d->mutex);
    d->rules.clear();
}

int FaultProxy::rulesPending() const
{
    QMutexLocker lock(&d->mutex);
    return int(d->rules.size());
}

QList<ProxyLogEntry> FaultProxy::log() const
{
    QMutexLocker lock(&d->mutex);
    return d->entries;
}

void FaultProxy::clearLog()
{
    QMutexLocker lock(&d->mutex);
    d->entries.clear();
}

int FaultProxy::requestsSeen() const
{
    QMutexLocker lock(&d->mutex);
    return d->sequence;
}

bool FaultProxy::waitForFinished(int count, int timeoutMs) const
{
    QDeadlineTimer deadline(timeoutMs);
    QMutexLocker lock(&d->mutex);
    for (;;) {
        int finished = 0;
        for (const ProxyLogEntry& entry : d->entries)
            finished += entry.finished() ? 1 : 0;
        if (finished >= count)
            return true;
        if (!d->changed.wait(&d->mutex, deadline))
            return false;
    }
}

qint64 FaultProxy::elapsedMs() const
{
    return d->clock.elapsed();
}

void FaultProxy::setObserver(std::function<void(const ProxyLogEntry&)> observer)
{
    QMutexLocker lock(&d->mutex);
    d->observer = std::move(observer);
}

} // namespace synctest
