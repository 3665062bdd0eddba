#pragma once

// A tiny HTTP "server" on 127.0.0.1 for what the real one never does: answer garbage, cut an
// answer off, never answer. It runs in a thread of its own, so the client under test may block
// the test's thread.

#include <QByteArray>
#include <QThread>
#include <QUrl>
#include <atomic>
#include <functional>
#include <optional>

class QTcpServer;

namespace apitest {

class FakeHttpServer {
public:
    /// Given one whole request (head and Content-Length body), the bytes to send back before
    /// the connection is closed; nullopt: keep the connection open and never answer.
    using Script = std::function<std::optional<QByteArray>(const QByteArray& request)>;

    explicit FakeHttpServer(Script script);
    ~FakeHttpServer();
    FakeHttpServer(const FakeHttpServer&) = delete;
    FakeHttpServer& operator=(const FakeHttpServer&) = delete;

    QUrl url() const;
    /// Whole requests received so far.
    int requests() const { return requests_.load(); }

    /// `HTTP/1.1 <status>` with Content-Type and Content-Length for `body`, plus `extraHeaders`
    /// (each ending in CRLF).
    static QByteArray answer(
        int status, const QByteArray& body, const QByteArray& extraHeaders = QByteArray());

private:
    Script script_;
    QThread thread_;
    QTcpServer* server_ = nullptr;
    quint16 port_ = 0;
    std::atomic<int> requests_ { 0 };
};

} // namespace apitest
