#include "fault_proxy.hpp"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QMutexLocker>
#include <QObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QWaitCondition>
#include <stdexcept>

namespace synctest {

namespace {

// ---- HTTP/1.1 framing: just enough to find where each message ends ----

constexpr qsizetype maxHeadBytes = 256 * 1024;

enum class Parse { Incomplete, Bad, Done };

QByteArray headerValue(const HeaderList& headers, const QByteArray& name)
{
    for (const auto& [key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

bool hasHeader(const HeaderList& headers, const QByteArray& name)
{
    for (const auto& header : headers)
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

bool hasToken(const QByteArray& list, const QByteArray& token)
{
    for (const QByteArray& item : list.split(','))
        if (item.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

/// Splits the head that starts at `start`: the start line and the header fields. Returns the
/// offset just past its blank line, 0 while incomplete, -1 when malformed.
qsizetype parseHead(
    const QByteArray& buffer, qsizetype start, QByteArray& startLine, HeaderList& headers)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n", start);
    if (end < 0)
        return buffer.size() - start > maxHeadBytes ? -1 : 0;
    const QList<QByteArray> lines = buffer.mid(start, end - start).split('\n');
    startLine = lines.first().trimmed();
    headers.clear();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].endsWith('\r') ? lines[i].chopped(1) : lines[i];
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return -1;
        headers.append({ line.left(colon).trimmed(), line.mid(colon + 1).trimmed() });
    }
    return end + 4;
}

/// The end of a chunked body that starts at `pos`: 0 while incomplete, -1 when malformed.
qsizetype chunkedEnd(const QByteArray& buffer, qsizetype pos)
{
    for (;;) {
        const qsizetype lineEnd = buffer.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return buffer.size() - pos > 1024 ? -1 : 0;
        QByteArray sizeText = buffer.mid(pos, lineEnd - pos);
        if (const qsizetype semicolon = sizeText.indexOf(';'); semicolon >= 0)
            sizeText.truncate(semicolon);
        bool ok = false;
        const qlonglong size = sizeText.trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0)
            return -1;
        pos = lineEnd + 2;
        if (size == 0) { // the trailer section, then a blank line
            if (buffer.size() - pos < 2)
                return 0;
            if (buffer.mid(pos, 2) == "\r\n")
                return pos + 2;
            const qsizetype trailerEnd = buffer.indexOf("\r\n\r\n", pos);
            return trailerEnd < 0 ? 0 : trailerEnd + 4;
        }
        if (buffer.size() - pos < size + 2)
            return 0;
        pos += size + 2;
    }
}

/// Where a body that starts at `bodyStart` ends, by Transfer-Encoding or Content-Length
/// (neither: no body). 0 while incomplete, -1 when malformed.
qsizetype bodyEnd(const QByteArray& buffer, qsizetype bodyStart, const HeaderList& headers)
{
    if (hasToken(headerValue(headers, "Transfer-Encoding"), "chunked"))
        return chunkedEnd(buffer, bodyStart);
    if (!hasHeader(headers, "Content-Length"))
        return bodyStart;
    bool ok = false;
    const qlonglong length = headerValue(headers, "Content-Length").toLongLong(&ok);
    if (!ok || length < 0)
        return -1;
    return buffer.size() - bodyStart >= length ? bodyStart + length : 0;
}

struct Request {
    QByteArray raw;
    QByteArray method;
    QByteArray target;
    HeaderList headers;
    bool close = false; ///< the client will not send more on this connection
};

/// Takes one complete request off the front of `buffer`.
Parse takeRequest(QByteArray& buffer, Request& request)
{
    qsizetype start = 0; // RFC 9112 2.2: empty lines before the request line are ignored
    while (buffer.mid(start, 2) == "\r\n")
        start += 2;
    QByteArray startLine;
    HeaderList headers;
    const qsizetype headEnd = parseHead(buffer, start, startLine, headers);
    if (headEnd <= 0)
        return headEnd == 0 ? Parse::Incomplete : Parse::Bad;
    const QList<QByteArray> parts = startLine.split(' ');
    if (parts.size() != 3 || !parts[2].startsWith("HTTP/1."))
        return Parse::Bad;
    const qsizetype end = bodyEnd(buffer, headEnd, headers);
    if (end <= 0)
        return end == 0 ? Parse::Incomplete : Parse::Bad;
    const QByteArray connection = headerValue(headers, "Connection");
    request.raw = buffer.left(end);
    request.method = parts[0];
    request.target = parts[1];
    request.close = hasToken(connection, "close")
        || (parts[2] == "HTTP/1.0" && !hasToken(connection, "keep-alive"));
    request.headers = std::move(headers);
    buffer.remove(0, end);
    return Parse::Done;
}

struct Response {
    qsizetype length = 0;
    int status = 0;
    bool close = false; ///< the server closes the connection after it
};

/// Finds the end of the response at the front of `buffer`; `eof`: the server closed.
Parse measureResponse(const QByteArray& buffer, bool headRequest, bool eof, Response& response)
{
    QByteArray startLine;
    HeaderList headers;
    const qsizetype headEnd = parseHead(buffer, 0, startLine, headers);
    if (headEnd <= 0)
        return headEnd == 0 ? Parse::Incomplete : Parse::Bad;
    const QList<QByteArray> parts = startLine.split(' ');
    bool ok = false;
    response.status = parts.size() >= 2 ? parts[1].toInt(&ok) : 0;
    if (!ok || !parts[0].startsWith("HTTP/1."))
        return Parse::Bad;
    const QByteArray connection = headerValue(headers, "Connection");
    response.close = hasToken(connection, "close")
        || (parts[0] == "HTTP/1.0" && !hasToken(connection, "keep-alive"));
    const bool noBody = headRequest || (response.status >= 100 && response.status < 200)
        || response.status == 204 || response.status == 304;
    if (noBody) {
        response.length = headEnd;
    } else if (!hasToken(headerValue(headers, "Transfer-Encoding"), "chunked")
        && !hasHeader(headers, "Content-Length")) {
        // The body runs to the end of the connection.
        if (!eof)
            return Parse::Incomplete;
        response.length = buffer.size();
        response.close = true;
    } else {
        response.length = bodyEnd(buffer, headEnd, headers);
        if (response.length <= 0)
            return response.length == 0 ? Parse::Incomplete : Parse::Bad;
    }
    return Parse::Done;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 409:
        return "Conflict";
    case 412:
        return "Precondition Failed";
    case 422:
        return "Unprocessable Content";
    case 428:
        return "Precondition Required";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Injected";
    }
}

/// The response a Respond/RespondAfterForward rule stands in with.
QByteArray injectedResponse(const FaultRule& rule, bool close)
{
    QByteArray out
        = "HTTP/1.1 " + QByteArray::number(rule.status) + ' ' + reasonPhrase(rule.status) + "\r\n";
    for (const auto& [name, value] : rule.headers)
        out += name + ": " + value + "\r\n";
    if (!rule.body.isEmpty() && !hasHeader(rule.headers, "Content-Type")) {
        QJsonParseError error;
        QJsonDocument::fromJson(rule.body, &error);
        out += error.error == QJsonParseError::NoError
            ? "Content-Type: application/json\r\n"
            : "Content-Type: text/plain; charset=utf-8\r\n";
    }
    if (!hasHeader(rule.headers, "Content-Length"))
        out += "Content-Length: " + QByteArray::number(rule.body.size()) + "\r\n";
    if (close && !hasHeader(rule.headers, "Connection"))
        out += "Connection: close\r\n";
    return out + "\r\n" + rule.body;
}

} // namespace

// ---- FaultRule ----

FaultRule FaultRule::respond(int status, QByteArray body, HeaderList headers)
{
    return {
        .kind = Respond, .status = status, .body = std::move(body), .headers = std::move(headers)
    };
}

FaultRule FaultRule::respondError(int status, const QString& code, HeaderList headers)
{
    const QJsonObject body { { "error", code },
        { "message", QStringLiteral("injected by the fault proxy") } };
    return respond(status, QJsonDocument(body).toJson(QJsonDocument::Compact), std::move(headers));
}

FaultRule FaultRule::respondAfterForward(int status, QByteArray body, HeaderList headers)
{
    return { .kind = RespondAfterForward,
        .status = status,
        .body = std::move(body),
        .headers = std::move(headers) };
}

FaultRule FaultRule::on(QByteArray onMethod, QString onPathPrefix) const
{
    FaultRule copy = *this;
    copy.method = std::move(onMethod);
    copy.pathPrefix = std::move(onPathPrefix);
    return copy;
}

FaultRule FaultRule::times(int n) const
{
    FaultRule copy = *this;
    copy.count = n;
    return copy;
}

FaultRule FaultRule::afterSkipping(int n) const
{
    FaultRule copy = *this;
    copy.skip = n;
    return copy;
}

FaultRule FaultRule::delayedBy(int ms) const
{
    FaultRule copy = *this;
    copy.delayMs = ms;
    return copy;
}

bool FaultRule::matches(const QByteArray& requestMethod, const QString& path) const
{
    return (method.isEmpty() || method == requestMethod)
        && (pathPrefix.isEmpty() || path.startsWith(pathPrefix));
}

QString FaultRule::kindName(Kind kind)
{
    switch (kind) {
    case Pass:
        return QStringLiteral("pass");
    case DropBeforeForward:
        return QStringLiteral("drop-before");
    case DropAfterForward:
        return QStringLiteral("drop-after");
    case CutResponse:
        return QStringLiteral("cut");
    case Delay:
        return QStringLiteral("delay");
    case Respond:
        return QStringLiteral("respond");
    case RespondAfterForward:
        return QStringLiteral("respond-after");
    }
    return QStringLiteral("?");
}

std::optional<FaultRule> FaultRule::parse(const QString& spec, QString* error)
{
    const auto fail = [error](const QString& message) -> std::optional<FaultRule> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QString head = spec.trimmed();
    FaultRule rule;
    if (const qsizetype at = head.indexOf(QLatin1String(",body=")); at >= 0) {
        rule.body = head.mid(at + 6).toUtf8();
        head.truncate(at);
    }
    const QStringList parts = head.split(QLatin1Char(','));
    const auto number = [](const QString& text, int& out) {
        bool ok = false;
        out = text.toInt(&ok);
        return ok && out >= -1;
    };
    const QString first = parts.first();
    const QString kindText = first.section(QLatin1Char('='), 0, 0).trimmed();
    const QString argument = first.section(QLatin1Char('='), 1);
    bool found = false;
    for (const Kind kind : { Pass, DropBeforeForward, DropAfterForward, CutResponse, Delay, Respond,
             RespondAfterForward })
        if (kindName(kind) == kindText) {
            rule.kind = kind;
            found = true;
        }
    if (!found)
        return fail(QStringLiteral("unknown fault kind \"%1\"").arg(kindText));
    const bool needsArgument = rule.kind == CutResponse || rule.kind == Delay
        || rule.kind == Respond || rule.kind == RespondAfterForward;
    if (needsArgument != !argument.isEmpty())
        return fail(needsArgument ? QStringLiteral("%1 needs =N").arg(kindText)
                                  : QStringLiteral("%1 takes no =argument").arg(kindText));
    int value = 0;
    if (needsArgument && (!number(argument, value) || value < 0))
        return fail(QStringLiteral("bad number \"%1\"").arg(argument));
    if (rule.kind == CutResponse)
        rule.cutBytes = value;
    else if (rule.kind == Delay)
        rule.delayMs = value;
    else if (needsArgument)
        rule.status = value;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QString key = parts[i].section(QLatin1Char('='), 0, 0).trimmed();
        const QString text = parts[i].section(QLatin1Char('='), 1);
        if (key == QLatin1String("count") && number(text, rule.count))
            continue;
        if (key == QLatin1String("skip") && number(text, rule.skip) && rule.skip >= 0)
            continue;
        if (key == QLatin1String("delay") && number(text, rule.delayMs) && rule.delayMs >= 0)
            continue;
        if (key == QLatin1String("method") && !text.isEmpty()) {
            rule.method = text.toLatin1();
            continue;
        }
        if (key == QLatin1String("path") && !text.isEmpty()) {
            rule.pathPrefix = text;
            continue;
        }
        if (key == QLatin1String("header") && text.indexOf(QLatin1Char(':')) > 0) {
            rule.headers.append({ text.section(QLatin1Char(':'), 0, 0).trimmed().toLatin1(),
                text.section(QLatin1Char(':'), 1).trimmed().toUtf8() });
            continue;
        }
        return fail(QStringLiteral("bad option \"%1\"").arg(parts[i]));
    }
    return rule;
}

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

// ---- the proxy's shared state ----

struct FaultProxy::Private {
    QString upstreamHost;
    quint16 upstreamPort = 0;
    QElapsedTimer clock;
    QThread thread;
    QObject* context = nullptr; ///< lives in `thread`; parents the server and the sessions
    quint16 port = 0;
    int connections = 0; ///< proxy thread only

    mutable QMutex mutex;
    mutable QWaitCondition changed;
    QList<FaultRule> rules;
    FaultRule defaultRule;
    QList<ProxyLogEntry> entries;
    int sequence = 0;
    std::function<void(const ProxyLogEntry&)> observer;

    ~Private() { stop(); }

    void stop()
    {
        if (!thread.isRunning())
            return;
        QMetaObject::invokeMethod(
            context, [this] { qDeleteAll(context->children()); }, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
        delete context;
        context = nullptr;
    }

    FaultRule take(const QByteArray& method, const QString& path)
    {
        QMutexLocker lock(&mutex);
        for (qsizetype i = 0; i < rules.size(); ++i) {
            FaultRule& rule = rules[i];
            if (!rule.matches(method, path))
                continue;
            if (rule.skip > 0) {
                --rule.skip;
                continue;
            }
            FaultRule taken = rule;
            if (rule.count > 0 && --rule.count == 0)
                rules.removeAt(i);
            return taken;
        }
        return defaultRule;
    }

    /// A new entry with the next sequence number, logged.
    ProxyLogEntry begin(ProxyLogEntry entry)
    {
        QMutexLocker lock(&mutex);
        entry.sequence = ++sequence;
        entries.append(entry);
        changed.wakeAll();
        return entry;
    }

    void update(const ProxyLogEntry& entry)
    {
        std::function<void(const ProxyLogEntry&)> notify;
        {
            QMutexLocker lock(&mutex);
            for (qsizetype i = entries.size() - 1; i >= 0; --i)
                if (entries[i].sequence == entry.sequence) {
                    entries[i] = entry;
                    break;
                }
            if (entry.finished())
                notify = observer;
            changed.wakeAll();
        }
        if (notify)
            notify(entry);
    }
};

namespace {

/// One client connection and its upstream connection, in the proxy's thread. Requests are
/// handled one after the other; the next is read once the previous one is finished.
class Session : public QObject {
public:
    Session(FaultProxy::Private* d, QTcpSocket* client, int id)
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
    ~Session() override
    {
        // The sockets go with this object; none of their last signals may reach it.
        client_->disconnect(this);
        if (upstream_)
            upstream_->disconnect(this);
    }

private:
    void next()
    {
        if (busy_ || clientGone_ || closing_)
            return;
        const Parse parse = takeRequest(clientBuffer_, request_);
        if (parse == Parse::Incomplete)
            return;
        if (parse == Parse::Bad) { // not HTTP we understand: give up on this connection
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
        entry.idempotencyKey = headerValue(request_.headers, "Idempotency-Key");
        entry.ifMatch = headerValue(request_.headers, "If-Match");
        entry.fault = rule_.kind;
        entry.receivedMs = d_->clock.elapsed();
        entry_ = d_->begin(entry);
        if (rule_.delayMs > 0)
            QTimer::singleShot(rule_.delayMs, Qt::PreciseTimer, this, [this] { act(); });
        else
            act();
    }

    void act()
    {
        switch (rule_.kind) {
        case FaultRule::DropBeforeForward:
            closeClient();
            finish();
            return;
        case FaultRule::Respond:
            answerClient(injectedResponse(rule_, request_.close), rule_.status, request_.close);
            finish();
            return;
        default:
            forward();
        }
    }

    void forward()
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

    void sendUpstream()
    {
        upstreamConnected_ = true;
        upstream_->write(request_.raw);
        entry_.forwarded = true;
        d_->update(entry_);
    }

    void dropUpstream()
    {
        if (!upstream_)
            return;
        upstream_->disconnect(this);
        upstream_->abort();
        upstream_->deleteLater();
        upstream_ = nullptr;
    }

    void readUpstream(bool eof)
    {
        if (!awaiting_) { // unsolicited bytes, or the server closed an idle connection
            upstreamBuffer_.clear();
            if (eof)
                dropUpstream();
            return;
        }
        Response response;
        const Parse parse = measureResponse(
            upstreamBuffer_, request_.method == "HEAD", eof && entry_.forwarded, response);
        if (parse == Parse::Incomplete && !eof)
            return;
        awaiting_ = false;
        if (parse != Parse::Done) { // no answer, or a broken one: the client sees a dead peer
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

    void answered(const QByteArray& bytes, const Response& response)
    {
        const bool close = request_.close || response.close;
        switch (rule_.kind) {
        case FaultRule::DropAfterForward:
            closeClient();
            break;
        case FaultRule::CutResponse:
            if (rule_.cutBytes >= bytes.size()) {
                answerClient(bytes, response.status, true);
            } else {
                if (!clientGone_)
                    client_->write(bytes.left(rule_.cutBytes));
                closeClient();
            }
            break;
        case FaultRule::RespondAfterForward: // the upstream's Connection: close is ours to mend
            answerClient(injectedResponse(rule_, request_.close), rule_.status, request_.close);
            break;
        default:
            answerClient(bytes, response.status, close);
        }
        finish();
    }

    void answerClient(const QByteArray& bytes, int status, bool thenClose)
    {
        if (clientGone_)
            return;
        client_->write(bytes);
        entry_.status = status;
        if (thenClose)
            closeClient();
    }

    void closeClient()
    {
        closing_ = true;
        if (!clientGone_)
            client_->disconnectFromHost(); // after what was written has gone out
    }

    void finish()
    {
        entry_.finishedMs = d_->clock.elapsed();
        d_->update(entry_);
        busy_ = false;
        if (clientGone_)
            deleteLater();
        else
            next();
    }

    FaultProxy::Private* d_;
    QTcpSocket* client_;
    QTcpSocket* upstream_ = nullptr;
    int id_;
    QByteArray clientBuffer_;
    QByteArray upstreamBuffer_;
    bool busy_ = false; ///< a request is being handled
    bool closing_ = false; ///< we are closing the client connection
    bool clientGone_ = false;
    bool awaiting_ = false; ///< a forwarded request waits for its response
    bool upstreamConnected_ = false;
    Request request_;
    FaultRule rule_;
    ProxyLogEntry entry_;
};

} // namespace

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
                    new Session(d.get(), socket, ++d->connections);
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
