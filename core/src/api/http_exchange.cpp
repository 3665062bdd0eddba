#include "http_exchange.hpp"

#include "api_log.hpp"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>
#include <QStringList>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <optional>
#include <vector>

namespace core::api::detail {

namespace {

bool headerValueSafe(const QByteArray& value)
{
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f)
            return false;
    }
    return true;
}

QUrl requestUrl(const QUrl& base, const HttpRequest& request)
{
    QUrl url = base;
    QString path = base.path(QUrl::FullyEncoded);
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + request.path, QUrl::StrictMode);
    QStringList pairs;
    for (const auto& [name, value] : request.query)
        pairs.append(QString::fromLatin1(
            QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value)));
    url.setQuery(pairs.isEmpty() ? QString() : pairs.join(u'&'), QUrl::StrictMode);
    url.setFragment(QString());
    return url;
}

QString hexPin(const QSslCertificate& certificate)
{
    if (certificate.isNull())
        return QStringLiteral("(none)");
    return QString::fromLatin1(certificatePin(certificate).toHex());
}

/// The server's own certificate, during or after the handshake.
QSslCertificate peerLeaf(const QNetworkReply* reply, const QList<QSslError>& errors)
{
    const QSslCertificate leaf = reply->sslConfiguration().peerCertificate();
    if (!leaf.isNull())
        return leaf;
    for (const QSslError& error : errors)
        if (!error.certificate().isNull())
            return error.certificate();
    return QSslCertificate();
}

bool isTransportError(QNetworkReply::NetworkError error)
{
    return error > QNetworkReply::NoError && error < QNetworkReply::ProxyConnectionRefusedError;
}

bool isProtocolError(QNetworkReply::NetworkError error)
{
    return error >= QNetworkReply::ProtocolUnknownError
        && error < QNetworkReply::InternalServerError;
}

/// What happened to one reply while the loop ran.
struct Watch {
    bool timedOut = false;
    bool tooLarge = false;
    bool pinMismatch = false;
    QString tlsProblem;
};

} // namespace

QByteArray HttpAnswer::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

HttpExchange::HttpExchange(const ServiceConfig& config)
    : config_(config)
    , tls_(config)
{ }

HttpExchange::~HttpExchange()
{
    dropManager();
}

QNetworkAccessManager& HttpExchange::manager()
{
    // The manager and its connections belong to one thread: a call from another one starts over.
    if (manager_ && manager_->thread() != QThread::currentThread())
        dropManager();
    if (!manager_) {
        manager_ = std::make_unique<QNetworkAccessManager>();
        manager_->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    }
    return *manager_;
}

void HttpExchange::dropManager()
{
    if (!manager_)
        return;
    QNetworkAccessManager* old = manager_.release();
    QThread* home = old->thread();
    if (home == QThread::currentThread() || home == nullptr || home->isFinished())
        delete old;
    else
        old->deleteLater(); // its own thread deletes it
}

/// One request on the wire: its reply, what happened to it, its timeout.
struct HttpExchange::Flight {
    QString what; ///< method and path, for the log
    QElapsedTimer clock;
    QNetworkReply* reply = nullptr;
    Watch watch;
    QTimer timer;
    bool done = false; ///< finished, counted out of the open ones
};

Result<HttpAnswer> HttpExchange::send(const HttpRequest& request)
{
    return sendAll({ request }).first();
}

QList<Result<HttpAnswer>> HttpExchange::sendAll(const QList<HttpRequest>& requests)
{
    QList<Result<HttpAnswer>> results;
    results.reserve(requests.size());
    std::vector<std::unique_ptr<Flight>> flights(std::size_t(requests.size()));
    QEventLoop loop; // first: it gives a thread without an event loop its event dispatcher
    int open = 0;
    for (qsizetype i = 0; i < requests.size(); ++i) {
        auto flight = std::make_unique<Flight>();
        flight->clock.start();
        flight->what = QString::fromLatin1(requests[i].method) + u' ' + requests[i].path;
        if (std::optional<Failure> refused = refusal(requests[i])) {
            if (refused->kind == ErrorKind::Http) {
                // The client's own refusal: nothing went out.
                qCWarning(lcApi).noquote() << flight->what << "refused:" << refused->summary();
                results.append(Result<HttpAnswer>::fail(*refused));
            } else {
                results.append(failed(*flight, *refused));
            }
            continue;
        }
        results.append(Result<HttpAnswer>::fail(Failure {})); // replaced when it is answered
        start(*flight, requests[i]);
        Flight* f = flight.get();
        const auto settled = [f, &open, &loop] {
            if (f->done)
                return;
            f->done = true;
            if (--open == 0)
                loop.quit();
        };
        ++open;
        QObject::connect(f->reply, &QNetworkReply::finished, &loop, settled);
        if (f->reply->isFinished())
            settled();
        flights[std::size_t(i)] = std::move(flight);
    }
    if (open > 0)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    // Every reply is settled before any is deleted: a pin mismatch drops the manager, and with
    // it the replies it still holds.
    bool dropConnections = false;
    for (std::size_t i = 0; i < flights.size(); ++i) {
        if (flights[i])
            results[qsizetype(i)] = finish(*flights[i], dropConnections);
    }
    if (dropConnections)
        dropManager();
    return results;
}

Result<HttpAnswer> HttpExchange::failed(const Flight& flight, Failure failure) const
{
    qCWarning(lcApi).noquote() << flight.what << "failed after" << flight.clock.elapsed()
                               << "ms:" << failure.summary();
    return Result<HttpAnswer>::fail(std::move(failure));
}

std::optional<Failure> HttpExchange::refusal(const HttpRequest& request) const
{
    const auto refuse = [](ErrorKind kind, const QString& detail) {
        Failure failure;
        failure.kind = kind;
        failure.detail = detail;
        return failure;
    };
    const QUrl& base = config_.baseUrl;
    const QString scheme = base.scheme().toLower();
    if (!base.isValid() || base.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return refuse(
            ErrorKind::Network, QStringLiteral("the service address is not an http(s) URL"));
    const bool https = scheme == QLatin1String("https");
    // Passwords, tokens and ID numbers cross this connection: in clear only on this computer,
    // whatever a hand-edited settings file or --server says.
    if (!https && !isLoopbackHost(base.host()))
        return refuse(ErrorKind::Tls,
            QStringLiteral("plain http:// is refused for a service that is not on this computer; "
                           "its address must start with https://"));
    if (tls_.pinned() && !https)
        return refuse(ErrorKind::Tls,
            QStringLiteral("a certificate pin is configured but the service address is not https"));
    if (tls_.pinMalformed())
        return refuse(ErrorKind::Tls,
            QStringLiteral("the configured certificate pin is not a SHA-256 (32 bytes or 64 hex "
                           "digits)"));
    for (const auto& [name, value] : request.headers) {
        if (!headerValueSafe(value)) {
            Failure failure;
            failure.kind = ErrorKind::Http;
            failure.error = ServiceError::RequestInvalid;
            failure.code = codeOf(ServiceError::RequestInvalid);
            failure.detail
                = QStringLiteral("not sent: the %1 header would carry control characters")
                      .arg(QString::fromLatin1(name));
            return failure;
        }
    }
    return std::nullopt;
}

void HttpExchange::start(Flight& flight, const HttpRequest& request)
{
    QNetworkAccessManager& network = manager();
    const bool https = config_.baseUrl.scheme().toLower() == QLatin1String("https");
    QNetworkRequest outgoing(requestUrl(config_.baseUrl, request));
    outgoing.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    outgoing.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    outgoing.setAttribute(
        QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    outgoing.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    outgoing.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    outgoing.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    outgoing.setRawHeader("Accept", "application/json");
    if (!config_.userAgent.isEmpty())
        outgoing.setHeader(QNetworkRequest::UserAgentHeader, config_.userAgent);
    if (https)
        outgoing.setSslConfiguration(tls_.configuration());
    for (const auto& [name, value] : request.headers)
        outgoing.setRawHeader(name, value);

    QNetworkReply* reply = nullptr;
    if (request.method == "GET")
        reply = network.get(outgoing);
    else if (request.method == "DELETE")
        reply = network.deleteResource(outgoing);
    else if (request.method == "POST")
        reply = network.post(outgoing, request.body);
    else if (request.method == "PUT")
        reply = network.put(outgoing, request.body);
    else
        reply = network.sendCustomRequest(outgoing, request.method, request.body);
    flight.reply = reply;

    Watch& watch = flight.watch;
    const auto oversize = [reply, &watch] {
        watch.tooLarge = true;
        reply->abort();
    };
    flight.timer.setSingleShot(true);
    flight.timer.setTimerType(Qt::PreciseTimer);
    QObject::connect(&flight.timer, &QTimer::timeout, reply, [reply, &watch] {
        watch.timedOut = true;
        reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, oversize] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > maxAnswerBytes)
            oversize();
    });
    QObject::connect(reply, &QNetworkReply::readyRead, reply, [reply, oversize] {
        if (reply->bytesAvailable() > maxAnswerBytes)
            oversize();
    });
    QObject::connect(
        reply, &QNetworkReply::downloadProgress, reply, [oversize](qint64 received, qint64) {
            if (received > maxAnswerBytes)
                oversize();
        });
    QObject::connect(reply, &QNetworkReply::sslErrors, reply,
        [this, reply, &watch](const QList<QSslError>& errors) {
            const QSslCertificate leaf = peerLeaf(reply, errors);
            if (tls_.waives(errors, leaf)) {
                reply->ignoreSslErrors(errors);
                return;
            }
            QStringList problems;
            for (const QSslError& error : errors)
                problems.append(error.errorString());
            watch.tlsProblem = problems.join(QStringLiteral("; "));
            if (tls_.pinned() && !tls_.acceptsPeer(leaf))
                watch.tlsProblem
                    += QStringLiteral("; not the pinned certificate (server's sha256 %1)")
                           .arg(hexPin(leaf));
        });
    // A certificate the CAs vouch for must still be the pinned one; checked before any request
    // byte goes out on the connection.
    QObject::connect(reply, &QNetworkReply::encrypted, reply, [this, reply, &watch] {
        const QSslCertificate leaf = reply->sslConfiguration().peerCertificate();
        if (!tls_.acceptsPeer(leaf)) {
            watch.pinMismatch = true;
            watch.tlsProblem = QStringLiteral("not the pinned certificate (server's sha256 %1)")
                                   .arg(hexPin(leaf));
            reply->abort();
        }
    });
    // Counted from here, also while the request waits for a free connection behind others.
    flight.timer.start(config_.timeout);
}

Result<HttpAnswer> HttpExchange::finish(Flight& flight, bool& dropConnections)
{
    QNetworkReply* reply = flight.reply;
    Watch& watch = flight.watch;
    flight.timer.stop();
    if (!reply->isFinished())
        reply->abort();
    const bool https = config_.baseUrl.scheme().toLower() == QLatin1String("https");
    const auto fail = [&](ErrorKind kind, const QString& detail, int status = 0) {
        Failure failure;
        failure.kind = kind;
        failure.httpStatus = status;
        failure.detail = detail;
        return failed(flight, std::move(failure));
    };

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError error = reply->error();
    const QString errorText = reply->errorString();
    // Also a reused connection must have been the pinned server's.
    if (https && tls_.pinned() && !watch.pinMismatch && status > 0) {
        const QSslCertificate leaf = reply->sslConfiguration().peerCertificate();
        if (!tls_.acceptsPeer(leaf)) {
            watch.pinMismatch = true;
            watch.tlsProblem = QStringLiteral("not the pinned certificate (server's sha256 %1)")
                                   .arg(hexPin(leaf));
        }
    }
    HttpAnswer answer;
    answer.status = status;
    if (!watch.timedOut && !watch.tooLarge && !watch.pinMismatch) {
        answer.body = reply->readAll();
        answer.headers = reply->rawHeaderPairs();
    }
    delete reply;
    flight.reply = nullptr;

    if (watch.pinMismatch) {
        dropConnections = true;
        return fail(ErrorKind::Tls, watch.tlsProblem);
    }
    if (watch.tooLarge || answer.body.size() > maxAnswerBytes)
        return fail(ErrorKind::BadResponse,
            QStringLiteral("the answer is larger than %1 bytes").arg(maxAnswerBytes), status);
    if (watch.timedOut)
        return fail(ErrorKind::Timeout,
            QStringLiteral("no complete answer within %1 ms").arg(config_.timeout.count()));
    if (status > 0) {
        if (isTransportError(error))
            return fail(ErrorKind::BadResponse,
                QStringLiteral("the answer was cut off: %1").arg(errorText), status);
        answer.elapsedMs = flight.clock.elapsed();
        return Result<HttpAnswer>::success(std::move(answer));
    }
    if (error == QNetworkReply::SslHandshakeFailedError || !watch.tlsProblem.isEmpty()) {
        dropConnections = true;
        return fail(ErrorKind::Tls, watch.tlsProblem.isEmpty() ? errorText : watch.tlsProblem);
    }
    if (error == QNetworkReply::TimeoutError)
        return fail(ErrorKind::Timeout, errorText);
    if (isProtocolError(error))
        return fail(
            ErrorKind::BadResponse, QStringLiteral("not an HTTP answer: %1").arg(errorText));
    return fail(ErrorKind::Network, errorText);
}

} // namespace core::api::detail
