#include "response_writer.hpp"

#include "core/api/reason_phrase.hpp"

#include <algorithm>

namespace server::http {
namespace {

bool hasToken(const QByteArray& header, const QByteArray& token)
{
    for (const QByteArray& part : header.split(','))
        if (part.trimmed().toLower() == token)
            return true;
    return false;
}

} // namespace

QByteArray serializeResponse(const HttpResponse& response, bool head, AfterAnswer after)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
        + core::api::reasonPhrase(response.status) + "\r\n";
    if (!response.contentType.isEmpty())
        out += "Content-Type: " + response.contentType + "\r\n";
    for (const auto& [name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    const bool cacheSet = std::any_of(response.headers.begin(), response.headers.end(),
        [](const auto& header) { return header.first.toLower() == "cache-control"; });
    if (!cacheSet)
        out += "Cache-Control: no-store\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    if (after == AfterAnswer::Close)
        out += "Connection: close\r\n";
    else if (after == AfterAnswer::KeepAliveSaid)
        out += "Connection: keep-alive\r\n";
    out += "\r\n";
    // HEAD is GET without the body (RFC 9110): same status and headers, nothing after them.
    if (!head)
        out += response.body;
    return out;
}

AfterAnswer afterAnswerFor(const QByteArray& connectionHeader, bool http10)
{
    if (hasToken(connectionHeader, "close"))
        return AfterAnswer::Close;
    if (http10)
        return hasToken(connectionHeader, "keep-alive") ? AfterAnswer::KeepAliveSaid
                                                        : AfterAnswer::Close;
    return AfterAnswer::KeepOpen;
}

} // namespace server::http
