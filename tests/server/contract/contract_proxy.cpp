#include "contract_proxy.hpp"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QThread>
#include <QUrl>
#include <QXmlStreamReader>
#include <catch2/catch.hpp>

namespace contract {
namespace {

quint16 freePort()
{
    QTcpServer probe;
    REQUIRE(probe.listen(QHostAddress::LocalHost, 0));
    return probe.serverPort();
}

QString text(const QByteArray& bytes)
{
    return QString::fromUtf8(bytes);
}

/// Prism's own answers (a violation with --errors, a route it does not know) are problem+json;
/// the server never answers that type.
bool fromPrism(const servertest::Reply& reply)
{
    return reply.header("content-type").startsWith("application/problem+json");
}

/// An element as JSON: its text when it has no child elements, else an object of child name →
/// the list of those children (check-walk.js decides from the schema which are lists).
QJsonValue elementAsJson(QXmlStreamReader& reader)
{
    QJsonObject children;
    QString text;
    bool hasChildren = false;
    while (reader.readNext() != QXmlStreamReader::EndElement && !reader.atEnd()) {
        if (reader.isCharacters())
            text += reader.text();
        else if (reader.isStartElement()) {
            hasChildren = true;
            const QString name = reader.name().toString();
            QJsonArray list = children.value(name).toArray();
            list.append(elementAsJson(reader));
            children.insert(name, list);
        }
    }
    if (hasChildren)
        return children;
    return text;
}

/// `{ "<root element>": … }`, or an empty object when the text is not well-formed XML.
QJsonObject xmlAsJson(const QByteArray& xml)
{
    QXmlStreamReader reader(xml);
    QJsonObject document;
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::StartElement) {
            const QString root = reader.name().toString();
            document.insert(root, elementAsJson(reader));
        }
    }
    return reader.hasError() ? QJsonObject() : document;
}

QJsonArray headerList(const servertest::Headers& headers)
{
    QJsonArray list;
    for (const auto& [name, value] : headers)
        list.append(QJsonArray { text(name), text(value) });
    return list;
}

} // namespace

QString openApiPath()
{
    return qEnvironmentVariable("SHIQIUREN_SOURCE_DIR") + QStringLiteral("/docs/api/openapi.yaml");
}

PrismProxy::PrismProxy(const QString& upstream, bool errors)
{
    const QString prism = qEnvironmentVariable("SHIQIUREN_PRISM");
    INFO("SHIQIUREN_PRISM names the prism executable (tests/server/contract/run-walk.sh sets it)");
    REQUIRE_FALSE(prism.isEmpty());
    const quint16 port = freePort();
    QStringList arguments { "proxy", openApiPath(), upstream, "--host", "127.0.0.1", "--port",
        QString::number(port) };
    if (errors)
        arguments << "--errors";
    process_.setProcessChannelMode(QProcess::MergedChannels);
    process_.start(prism, arguments);
    REQUIRE(process_.waitForStarted());
    baseUrl_ = QStringLiteral("http://127.0.0.1:%1").arg(port);

    // Prism takes a few seconds to read the document; it is ready once it answers at all.
    const servertest::HttpClient client(baseUrl_);
    QDeadlineTimer deadline(120 * 1000);
    while (client.get(QStringLiteral("/api/v1/health")).status == 0) {
        INFO(log().toStdString());
        REQUIRE(process_.state() == QProcess::Running);
        REQUIRE_FALSE(deadline.hasExpired());
        QThread::msleep(200);
    }
}

PrismProxy::~PrismProxy()
{
    process_.terminate();
    if (!process_.waitForFinished(5000)) {
        process_.kill();
        process_.waitForFinished();
    }
}

QString PrismProxy::log()
{
    output_ += process_.readAll();
    return text(output_.right(20000));
}

Walk::Walk(const QString& upstream, const QString& strictProxy, const QString& lenientProxy)
    : direct_(upstream)
    , strict_(strictProxy)
    , lenient_(lenientProxy)
{
    const QString path = qEnvironmentVariable("SHIQIUREN_CONTRACT_RECORD");
    if (!path.isEmpty()) {
        file_ = std::make_unique<QFile>(path);
        REQUIRE(file_->open(QIODevice::WriteOnly | QIODevice::Append));
    }
}

servertest::Reply Walk::call(const QString& operationId, const QByteArray& method,
    const QString& path, int expectedStatus, const QByteArray& body,
    const servertest::Headers& headers)
{
    const servertest::Reply reply = strict_.send(method, path, body, headers);
    INFO(operationId.toStdString()
        << ": " << method.toStdString() << " " << path.toStdString() << "\nanswer " << reply.status
        << ": " << reply.body.left(3000).toStdString());
    INFO("sl-violations: " << reply.header("sl-violations").toStdString());
    CHECK(reply.header("sl-violations").isEmpty());
    CHECK_FALSE(fromPrism(reply));
    CHECK(reply.status == expectedStatus);
    record(QStringLiteral("call"), operationId, method, path, body, headers, reply);
    return reply;
}

servertest::Reply Walk::callJson(const QString& operationId, const QByteArray& method,
    const QString& path, int expectedStatus, const QJsonObject& body, const QString& token,
    const servertest::Headers& extra)
{
    servertest::Headers headers { { "Content-Type", "application/json" } };
    if (!token.isEmpty())
        headers.append(servertest::bearer(token));
    headers.append(extra);
    return call(operationId, method, path, expectedStatus,
        QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

servertest::Reply Walk::callXml(const QString& operationId, const QString& path, int expectedStatus,
    const servertest::Headers& headers)
{
    const servertest::Reply reply = lenient_.send("GET", path, {}, headers);
    const QByteArray violations = reply.header("sl-violations");
    INFO(operationId.toStdString() << ": GET " << path.toStdString() << "\nanswer " << reply.status
                                   << ": " << reply.body.left(3000).toStdString());
    INFO("sl-violations: " << violations.toStdString());
    CHECK_FALSE(fromPrism(reply));
    CHECK(reply.status == expectedStatus);
    for (const QJsonValue& violation : QJsonDocument::fromJson(violations).array()) {
        const QJsonArray location = violation.toObject().value("location").toArray();
        CHECK(location == QJsonArray { "response", "body" });
        CHECK(reply.header("content-type").startsWith("application/xml"));
    }
    QJsonObject extra;
    if (reply.header("content-type").startsWith("application/xml")) {
        const QJsonObject xml = xmlAsJson(reply.body);
        CHECK_FALSE(xml.isEmpty());
        extra.insert("responseXml", xml);
    }
    record(QStringLiteral("call"), operationId, "GET", path, {}, headers, reply, extra);
    return reply;
}

servertest::Reply Walk::bad(const QString& operationId, const QByteArray& method,
    const QString& path, int expectedStatus, const QByteArray& body,
    const servertest::Headers& headers)
{
    const servertest::Reply reply = lenient_.send(method, path, body, headers);
    const QByteArray violations = reply.header("sl-violations");
    INFO(operationId.toStdString()
        << " (bad request): " << method.toStdString() << " " << path.toStdString() << "\nanswer "
        << reply.status << ": " << reply.body.left(3000).toStdString());
    INFO("sl-violations: " << violations.toStdString());
    CHECK_FALSE(fromPrism(reply));
    CHECK(reply.status == expectedStatus);
    // Prism names the request's problems (that is the point of a bad request); the answer must
    // still be one the document describes.
    int responseViolations = 0;
    for (const QJsonValue& violation : QJsonDocument::fromJson(violations).array())
        if (violation.toObject().value("location").toArray().first().toString()
            != QLatin1String("request"))
            ++responseViolations;
    CHECK(responseViolations == 0);
    record(QStringLiteral("bad"), operationId, method, path, body, headers, reply,
        { { "violations", QJsonDocument::fromJson(violations).array() } });
    return reply;
}

servertest::Reply Walk::notJson(const QString& operationId, const QByteArray& method,
    const QString& path, int expectedStatus, const QByteArray& body,
    const servertest::Headers& headers)
{
    const servertest::Reply reply = direct_.send(method, path, body, headers);
    INFO(operationId.toStdString()
        << " (not JSON): " << method.toStdString() << " " << path.toStdString() << "\nanswer "
        << reply.status << ": " << reply.body.left(3000).toStdString());
    CHECK(reply.status == expectedStatus);
    record(QStringLiteral("bad"), operationId, method, path, body, headers, reply);
    return reply;
}

void Walk::headAndOptions(const QString& path, const QString& token)
{
    servertest::Headers headers;
    if (!token.isEmpty())
        headers.append(servertest::bearer(token));
    const servertest::Reply get = direct_.send("GET", path, {}, headers);
    const servertest::Reply head = direct_.send("HEAD", path, {}, headers);
    const servertest::Reply options = direct_.send("OPTIONS", path, {}, headers);
    QJsonObject getAnswer { { "status", get.status }, { "headers", headerList(get.headers) } };
    record(QStringLiteral("head"), {}, "HEAD", path, {}, headers, head, { { "get", getAnswer } });
    record(QStringLiteral("options"), {}, "OPTIONS", path, {}, headers, options);
}

void Walk::record(const QString& kind, const QString& operationId, const QByteArray& method,
    const QString& path, const QByteArray& requestBody, const servertest::Headers& headers,
    const servertest::Reply& reply, const QJsonObject& extra)
{
    if (!file_)
        return;
    const QUrl url(path);
    QJsonObject line { { "kind", kind }, { "operationId", operationId }, { "method", text(method) },
        { "path", url.path() }, { "query", url.query() }, { "requestHeaders", headerList(headers) },
        { "requestBody", text(requestBody) }, { "status", reply.status },
        { "responseHeaders", headerList(reply.headers) }, { "responseBody", text(reply.body) } };
    for (auto it = extra.begin(); it != extra.end(); ++it)
        line.insert(it.key(), it.value());
    file_->write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
    file_->flush();
}

} // namespace contract
