#include "http_exchange.hpp"

#include "api_log.hpp"
#include "network_module.hpp"

#include <QElapsedTimer>
#include <QStringList>
#include <QUrl>
#include <cctype>
#include <optional>

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

/// A configured pin as 32 raw bytes: given raw, or as 64 hex digits (colons allowed).
std::optional<QByteArray> normalisedPin(const QByteArray& pin)
{
    if (pin.size() == 32)
        return pin;
    QByteArray hex = pin.trimmed();
    hex.replace(':', QByteArray());
    if (hex.size() != 64)
        return std::nullopt;
    for (const char c : hex)
        if (!std::isxdigit(static_cast<unsigned char>(c)))
            return std::nullopt;
    return QByteArray::fromHex(hex);
}

QString describe(const HttpRequest& request)
{
    return QString::fromLatin1(request.method) + u' ' + request.path;
}

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
    , pinConfigured_(config.pinnedCertificateSha256.has_value())
{
    if (pinConfigured_)
        pin_ = normalisedPin(*config.pinnedCertificateSha256);
}

HttpExchange::~HttpExchange() = default;

wire::Wire* HttpExchange::wire(QString& why)
{
    if (!wire_) {
        wire::Settings settings;
        settings.timeout = config_.timeout;
        settings.pin = pin_;
        settings.extraCaCertificates = config_.extraCaCertificates;
        settings.userAgent = config_.userAgent;
        wire_ = openWire(settings, networkModuleCandidates(), why);
    }
    return wire_.get();
}

Result<HttpAnswer> HttpExchange::send(const HttpRequest& request)
{
    return sendAll({ request }).first();
}

QList<Result<HttpAnswer>> HttpExchange::sendAll(const QList<HttpRequest>& requests)
{
    QElapsedTimer clock;
    clock.start();
    QList<Result<HttpAnswer>> results;
    results.reserve(requests.size());
    QList<qsizetype> going; // indexes into `requests` of those that go out
    QList<wire::Request> outgoing;
    for (qsizetype i = 0; i < requests.size(); ++i) {
        if (std::optional<Failure> refused = refusal(requests[i])) {
            if (refused->kind == ErrorKind::Http) {
                // The client's own refusal: nothing went out.
                qCWarning(lcApi).noquote()
                    << describe(requests[i]) << "refused:" << refused->summary();
                results.append(Result<HttpAnswer>::fail(*refused));
            } else {
                results.append(failed(requests[i], clock.elapsed(), *refused));
            }
            continue;
        }
        results.append(Result<HttpAnswer>::fail(Failure {})); // replaced when it is answered
        going.append(i);
        outgoing.append(wire::Request { requests[i].method,
            requestUrl(config_.baseUrl, requests[i]), requests[i].headers, requests[i].body });
    }
    if (outgoing.isEmpty())
        return results;
    QString why;
    wire::Wire* line = wire(why);
    if (!line) {
        Failure failure;
        failure.kind = ErrorKind::Network;
        failure.detail = why;
        for (const qsizetype i : going)
            results[i] = failed(requests[i], clock.elapsed(), failure);
        return results;
    }
    QList<wire::Reply> replies = line->exchange(outgoing);
    for (qsizetype k = 0; k < going.size(); ++k) {
        const qsizetype i = going[k];
        if (k < replies.size()) {
            results[i] = settle(requests[i], std::move(replies[k]), clock.elapsed());
            continue;
        }
        Failure lost;
        lost.kind = ErrorKind::Network;
        lost.detail = QStringLiteral("the network module answered fewer requests than sent");
        results[i] = failed(requests[i], clock.elapsed(), std::move(lost));
    }
    return results;
}

Result<HttpAnswer> HttpExchange::settle(
    const HttpRequest& request, wire::Reply reply, qint64 elapsedMs) const
{
    const auto fail = [&](ErrorKind kind, const QString& detail, int status = 0) {
        Failure failure;
        failure.kind = kind;
        failure.httpStatus = status;
        failure.detail = detail;
        return failed(request, elapsedMs, std::move(failure));
    };
    switch (reply.outcome) {
    case wire::Outcome::Answered: {
        HttpAnswer answer;
        answer.status = reply.status;
        answer.headers = std::move(reply.headers);
        answer.body = std::move(reply.body);
        answer.elapsedMs = elapsedMs;
        return Result<HttpAnswer>::success(std::move(answer));
    }
    case wire::Outcome::CutOff:
        return fail(ErrorKind::BadResponse,
            QStringLiteral("the answer was cut off: %1").arg(reply.problem), reply.status);
    case wire::Outcome::TooLarge:
        return fail(ErrorKind::BadResponse,
            QStringLiteral("the answer is larger than %1 bytes").arg(maxAnswerBytes), reply.status);
    case wire::Outcome::TimedOut:
        return fail(ErrorKind::Timeout,
            QStringLiteral("no complete answer within %1 ms").arg(config_.timeout.count()));
    case wire::Outcome::Tls:
        return fail(ErrorKind::Tls, reply.problem);
    case wire::Outcome::SocketTimeout:
        return fail(ErrorKind::Timeout, reply.problem);
    case wire::Outcome::NotHttp:
        return fail(
            ErrorKind::BadResponse, QStringLiteral("not an HTTP answer: %1").arg(reply.problem));
    case wire::Outcome::Network:
        break;
    }
    return fail(ErrorKind::Network, reply.problem);
}

Result<HttpAnswer> HttpExchange::failed(
    const HttpRequest& request, qint64 elapsedMs, Failure failure) const
{
    qCWarning(lcApi).noquote() << describe(request) << "failed after" << elapsedMs
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
    if (pinConfigured_ && !https)
        return refuse(ErrorKind::Tls,
            QStringLiteral("a certificate pin is configured but the service address is not https"));
    if (pinConfigured_ && !pin_)
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

} // namespace core::api::detail
