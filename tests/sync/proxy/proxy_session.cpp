#include "proxy_session.hpp"

#include <QTimer>

namespace synctest {

ProxySession::ProxySession(FaultProxy::Private* d, QTcpSocket* client, int id)
    : QObject(d->context)
    , d_(d)
    , client_(client)
    , id_(id)
{
    client_->setParent(this);
    connect(client_, &QTcpSocket::readyRead, this, [this] {
        clientBuffer_ += client_->readAll();
        next();
    });
    connect(client_, &QTcpSocket::disconnected, this, [this] {
        if (busy_ && !closing_)
            entry_.clientGone = true;
        clientGone_ = true;
        if (!busy_)
            deleteLater();
    });
}

ProxySession::~ProxySession()
{
    // The sockets go with this object; none of their last signals may reach it.
    client_->disconnect(this);
    if (upstream_)
        upstream_->disconnect(this);
}

void ProxySession::next()
{
    if (busy_ || clientGone_ || closing_)
        return;
    const http::Parse parse = http::takeRequest(clientBuffer_, request_);
    if (parse == http::Parse::Incomplete)
        return;
    if (parse == http::Parse::Bad) { // not HTTP we understand: give up on this connection
        closing_ = true;
        client_->abort();
        return;
    }
    busy_ = true;
    const QString path = QString::fromLatin1(request_.target);
    rule_ = d_->take(request_.method, path);
    ProxyLogEntry entry;
    entry.connection = id_;
    entry.method = request_.method;
    entry.path = path;
    entry.idempotencyKey = http::headerValue(request_.headers, "Idempotency-Key");
    entry.ifMatch = http::headerValue(request_.headers, "If-Match");
    entry.fault = rule_.kind;
    entry.receivedMs = d_->clock.elapsed();
    entry_ = d_->begin(entry);
    if (rule_.delayMs > 0)
        QTimer::singleShot(rule_.delayMs, Qt::PreciseTimer, this, [this] { act(); });
    else
        act();
}

void ProxySession::forward()
{
    upstreamBuffer_.clear();
    awaiting_ = true;
    if (upstream_ && upstream_->state() == QAbstractSocket::ConnectedState) {
        sendUpstream();
        return;
    }
    dropUpstream();
    upstream_ = new QTcpSocket(this);
    connect(upstream_, &QTcpSocket::connected, this, [this] { sendUpstream(); });
    connect(upstream_, &QTcpSocket::readyRead, this, [this] {
        upstreamBuffer_ += upstream_->readAll();
        readUpstream(false);
    });
    connect(upstream_, &QTcpSocket::disconnected, this, [this] {
        upstreamBuffer_ += upstream_->readAll();
        readUpstream(true);
    });
    connect(upstream_, &QTcpSocket::errorOccurred, this, [this] {
        // A connection that never came up (refused, unreachable); a closed one reports
        // through disconnected.
        if (!upstreamConnected_)
            readUpstream(true);
    });
    upstreamConnected_ = false;
    upstream_->connectToHost(d_->upstreamHost, d_->upstreamPort);
}

void ProxySession::sendUpstream()
{
    upstreamConnected_ = true;
    upstream_->write(request_.raw);
    entry_.forwarded = true;
    d_->update(entry_);
}

void ProxySession::dropUpstream()
{
    if (!upstream_)
        return;
    upstream_->disconnect(this);
    upstream_->abort();
    upstream_->deleteLater();
    upstream_ = nullptr;
}

void ProxySession::readUpstream(bool eof)
{
    if (!awaiting_) { // unsolicited bytes, or the server closed an idle connection
        upstreamBuffer_.clear();
        if (eof)
            dropUpstream();
        return;
    }
    http::Response response;
    const http::Parse parse = http::measureResponse(
        upstreamBuffer_, request_.method == "HEAD", eof && entry_.forwarded, response);
    if (parse == http::Parse::Incomplete && !eof)
        return;
    awaiting_ = false;
    if (parse != http::Parse::Done) { // no answer, or a broken one: the client sees a dead peer
        entry_.upstreamFailed = true;
        dropUpstream();
        closing_ = true;
        if (!clientGone_)
            client_->abort();
        finish();
        return;
    }
    const QByteArray bytes = upstreamBuffer_.left(response.length);
    upstreamBuffer_.clear();
    entry_.upstreamStatus = response.status;
    if (response.close || eof)
        dropUpstream();
    answered(bytes, response);
}

void ProxySession::answerClient(const QByteArray& bytes, int status, bool thenClose)
{
    if (clientGone_)
        return;
    client_->write(bytes);
    entry_.status = status;
    if (thenClose)
        closeClient();
}

void ProxySession::closeClient()
{
    closing_ = true;
    if (!clientGone_)
        client_->disconnectFromHost(); // after what was written has gone out
}

void ProxySession::finish()
{
    entry_.finishedMs = d_->clock.elapsed();
    d_->update(entry_);
    busy_ = false;
    if (clientGone_)
        deleteLater();
    else
        next();
}

} // namespace synctest
