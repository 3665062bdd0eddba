// What each fault (FaultRule::Kind) does to a request. Delay is Pass held for delayMs, which
// next() applies to every kind before act().
#include "core/api/reason_phrase.hpp"
#include "proxy_session.hpp"

#include <QJsonDocument>
#include <QJsonParseError>

namespace synctest {

namespace {

/// The response a Respond/RespondAfterForward rule stands in with.
QByteArray injectedResponse(const FaultRule& rule, bool close)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(rule.status) + ' '
        + core::api::reasonPhrase(rule.status) + "\r\n";
    for (const auto& [name, value] : rule.headers)
        out += name + ": " + value + "\r\n";
    if (!rule.body.isEmpty() && !http::hasHeader(rule.headers, "Content-Type")) {
        QJsonParseError error;
        QJsonDocument::fromJson(rule.body, &error);
        out += error.error == QJsonParseError::NoError
            ? "Content-Type: application/json\r\n"
            : "Content-Type: text/plain; charset=utf-8\r\n";
    }
    if (!http::hasHeader(rule.headers, "Content-Length"))
        out += "Content-Length: " + QByteArray::number(rule.body.size()) + "\r\n";
    if (close && !http::hasHeader(rule.headers, "Connection"))
        out += "Connection: close\r\n";
    return out + "\r\n" + rule.body;
}

} // namespace

void ProxySession::act()
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

void ProxySession::answered(const QByteArray& bytes, const http::Response& response)
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

} // namespace synctest
