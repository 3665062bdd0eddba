#include "http_framing.hpp"

#include <QList>

namespace synctest::http {

namespace {

constexpr qsizetype maxHeadBytes = 256 * 1024;

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

} // namespace

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

} // namespace synctest::http
