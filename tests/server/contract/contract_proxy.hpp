#pragma once

// The contract walk's tools: Stoplight Prism's validating proxy in front of the real server, and
// a record of every exchange (JSON lines) for the checks that run after the walk
// (check-walk.js: which operations were covered, and every body under a strict JSON Schema
// reading of docs/api/openapi.yaml).

#include "http_client.hpp"

#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <memory>

namespace contract {

/// `prism proxy SPEC UPSTREAM` on a free loopback port. `errors`: Prism answers a request that
/// breaks the contract itself (422, or 401 for missing credentials) and a response that breaks
/// it with 500; without it the request goes through and violations are only listed in the
/// `sl-violations` header.
class PrismProxy {
public:
    PrismProxy(const QString& upstream, bool errors);
    ~PrismProxy();
    PrismProxy(const PrismProxy&) = delete;
    PrismProxy& operator=(const PrismProxy&) = delete;

    const QString& baseUrl() const { return baseUrl_; }
    /// What Prism printed so far (its log names each violation).
    QString log();

private:
    QProcess process_;
    QString baseUrl_;
    QByteArray output_;
};

/// The document under test: SHIQIUREN_SOURCE_DIR/docs/api/openapi.yaml.
QString openApiPath();

/// Sends requests through the proxies and writes down each exchange with the operation it is
/// meant to exercise.
class Walk {
public:
    /// `upstream`: the server's own address (HEAD, OPTIONS and anything Prism cannot carry).
    Walk(const QString& upstream, const QString& strictProxy, const QString& lenientProxy);

    /// A request that keeps to the contract, through the strict proxy: REQUIREs that Prism saw
    /// no violation of any kind and that the server answered `expectedStatus`.
    servertest::Reply call(const QString& operationId, const QByteArray& method,
        const QString& path, int expectedStatus, const QByteArray& body = {},
        const servertest::Headers& headers = {});
    /// The same with a JSON body (and Content-Type) and an optional bearer token.
    servertest::Reply callJson(const QString& operationId, const QByteArray& method,
        const QString& path, int expectedStatus, const QJsonObject& body, const QString& token = {},
        const servertest::Headers& extra = {});
    /// A request whose answer is XML: Prism reads no XML (it reports any XML body as "must be
    /// object"), so it goes through the lenient proxy, may draw that one violation and no other,
    /// and the body is written down as its elements for check-walk.js to read strictly.
    servertest::Reply callXml(const QString& operationId, const QString& path, int expectedStatus,
        const servertest::Headers& headers = {});
    /// A request the contract does not allow, through the lenient proxy: the server must answer
    /// `expectedStatus` (a 4xx) and Prism must find nothing wrong with the response.
    servertest::Reply bad(const QString& operationId, const QByteArray& method, const QString& path,
        int expectedStatus, const QByteArray& body = {}, const servertest::Headers& headers = {});
    /// A body that is not JSON at all: Prism answers that itself (its own 400), so it goes
    /// straight to the server; the answer is still written down for check-walk.js.
    servertest::Reply notJson(const QString& operationId, const QByteArray& method,
        const QString& path, int expectedStatus, const QByteArray& body,
        const servertest::Headers& headers = {});
    /// HEAD and OPTIONS straight to the server, written down with the GET answer they are
    /// compared with (check-walk.js holds them to what the document says).
    void headAndOptions(const QString& path, const QString& token = {});

private:
    void record(const QString& kind, const QString& operationId, const QByteArray& method,
        const QString& path, const QByteArray& requestBody, const servertest::Headers& headers,
        const servertest::Reply& reply, const QJsonObject& extra = {});

    servertest::HttpClient direct_, strict_, lenient_;
    std::unique_ptr<QFile> file_;
};

} // namespace contract
