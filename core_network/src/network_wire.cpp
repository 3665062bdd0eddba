// The wire of core's HTTP exchange over QNetworkAccessManager: TLS with the pin, the timeout,
// the answer size cap. Core decides what is sent and what each ending means.
#include "network_wire.hpp"

#include "core/api/service_config.hpp"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>
#include <QStringList>
#include <QThread>
#include <QTimer>
#include <vector>

namespace core::network {

namespace {

using api::wire::maxAnswerBytes;
using api::wire::Outcome;

QString hexPin(const QSslCertificate& certificate)
{
    if (certificate.isNull())
        return QStringLiteral("(none)");
    return QString::fromLatin1(api::certificatePin(certificate.toDer()).toHex());
}

QString notPinned(const QSslCertificate& leaf)
{
    return QStringLiteral("not the pinned certificate (server's sha256 %1)").arg(hexPin(leaf));
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

} // namespace

/// One request on the wire: its reply, what happened to it, its timeout.
struct NetworkWire::Flight {
    QNetworkReply* reply = nullptr;
    QTimer timer;
    bool timedOut = false;
    bool tooLarge = false;
    bool pinMismatch = false;
    QString tlsProblem;
    bool done = false; ///< finished, counted out of the open ones
};

NetworkWire::NetworkWire(const api::wire::Settings& settings)
    : settings_(settings)
    , tls_(settings)
{ }

NetworkWire::~NetworkWire()
{
    dropManager();
}

QNetworkAccessManager& NetworkWire::manager()
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

void NetworkWire::dropManager()
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

QList<api::wire::Reply> NetworkWire::exchange(const QList<api::wire::Request>& requests)
{
    std::vector<std::unique_ptr<Flight>> flights;
    flights.reserve(std::size_t(requests.size()));
    QEventLoop loop; // first: it gives a thread without an event loop its event dispatcher
    int open = 0;
    for (const api::wire::Request& request : requests) {
        auto flight = std::make_unique<Flight>();
        start(*flight, request);
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
        flights.push_back(std::move(flight));
    }
    if (open > 0)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    // Every reply is settled before any is deleted: a pin mismatch drops the manager, and with
    // it the replies it still holds.
    QList<api::wire::Reply> replies;
    replies.reserve(requests.size());
    bool dropConnections = false;
    for (const auto& flight : flights)
        replies.append(finish(*flight, dropConnections));
    if (dropConnections)
        dropManager();
    return replies;
}

void NetworkWire::start(Flight& flight, const api::wire::Request& request)
{
    QNetworkAccessManager& network = manager();
    QNetworkRequest outgoing(request.url);
    outgoing.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    outgoing.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    outgoing.setAttribute(
        QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    outgoing.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    outgoing.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    outgoing.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    outgoing.setRawHeader("Accept", "application/json");
    if (!settings_.userAgent.isEmpty())
        outgoing.setHeader(QNetworkRequest::UserAgentHeader, settings_.userAgent);
    if (request.url.scheme() == QLatin1String("https"))
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

    Flight* f = &flight;
    const auto oversize = [reply, f] {
        f->tooLarge = true;
        reply->abort();
    };
    flight.timer.setSingleShot(true);
    flight.timer.setTimerType(Qt::PreciseTimer);
    QObject::connect(&flight.timer, &QTimer::timeout, reply, [reply, f] {
        f->timedOut = true;
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
    QObject::connect(
        reply, &QNetworkReply::sslErrors, reply, [this, reply, f](const QList<QSslError>& errors) {
            const QSslCertificate leaf = peerLeaf(reply, errors);
            if (tls_.waives(errors, leaf)) {
                reply->ignoreSslErrors(errors);
                return;
            }
            QStringList problems;
            for (const QSslError& error : errors)
                problems.append(error.errorString());
            f->tlsProblem = problems.join(QStringLiteral("; "));
            if (tls_.pinned() && !tls_.acceptsPeer(leaf))
                f->tlsProblem += QStringLiteral("; ") + notPinned(leaf);
        });
    // A certificate the CAs vouch for must still be the pinned one; checked before any request
    // byte goes out on the connection.
    QObject::connect(reply, &QNetworkReply::encrypted, reply, [this, reply, f] {
        const QSslCertificate leaf = reply->sslConfiguration().peerCertificate();
        if (!tls_.acceptsPeer(leaf)) {
            f->pinMismatch = true;
            f->tlsProblem = notPinned(leaf);
            reply->abort();
        }
    });
    // Counted from here, also while the request waits for a free connection behind others.
    flight.timer.start(settings_.timeout);
}

api::wire::Reply NetworkWire::finish(Flight& flight, bool& dropConnections)
{
    QNetworkReply* reply = flight.reply;
    flight.timer.stop();
    if (!reply->isFinished())
        reply->abort();
    const bool https = reply->url().scheme() == QLatin1String("https");
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError error = reply->error();
    api::wire::Reply result;
    result.status = status;
    result.problem = reply->errorString();
    // Also a reused connection must have been the pinned server's.
    if (https && tls_.pinned() && !flight.pinMismatch && status > 0) {
        const QSslCertificate leaf = reply->sslConfiguration().peerCertificate();
        if (!tls_.acceptsPeer(leaf)) {
            flight.pinMismatch = true;
            flight.tlsProblem = notPinned(leaf);
        }
    }
    if (!flight.timedOut && !flight.tooLarge && !flight.pinMismatch) {
        result.body = reply->readAll();
        result.headers = reply->rawHeaderPairs();
    }
    delete reply;
    flight.reply = nullptr;

    const auto ended = [&](Outcome outcome) {
        result.outcome = outcome;
        if (outcome != Outcome::Answered) {
            result.body.clear();
            result.headers.clear();
        }
        return result;
    };
    if (flight.pinMismatch) {
        dropConnections = true;
        result.problem = flight.tlsProblem;
        return ended(Outcome::Tls);
    }
    if (flight.tooLarge || result.body.size() > maxAnswerBytes)
        return ended(Outcome::TooLarge);
    if (flight.timedOut)
        return ended(Outcome::TimedOut);
    if (status > 0)
        return ended(isTransportError(error) ? Outcome::CutOff : Outcome::Answered);
    if (error == QNetworkReply::SslHandshakeFailedError || !flight.tlsProblem.isEmpty()) {
        dropConnections = true;
        if (!flight.tlsProblem.isEmpty())
            result.problem = flight.tlsProblem;
        return ended(Outcome::Tls);
    }
    if (error == QNetworkReply::TimeoutError)
        return ended(Outcome::SocketTimeout);
    if (isProtocolError(error))
        return ended(Outcome::NotHttp);
    return ended(Outcome::Network);
}

} // namespace core::network

extern "C" Q_DECL_EXPORT core::api::wire::Wire* shiqiuren_create_wire(
    int version, const core::api::wire::Settings& settings)
{
    if (version != core::api::wire::interfaceVersion)
        return nullptr;
    return new core::network::NetworkWire(settings);
}
