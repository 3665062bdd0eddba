#pragma once

// Peers that take their time, for the tests that the server keeps answering meanwhile: a request
// left running while the test does other things, an "OCSP responder" that holds connections
// until released, and a raw socket for what QNetworkAccessManager will not send.

#include "http_client.hpp"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <functional>
#include <memory>

namespace servertest {

/// Runs the event loop until `done` holds or 30 s pass (a safety net, not a measurement);
/// returns `done()`.
bool waitUntil(const std::function<bool()>& done);

/// One request sent now and answered whenever: the test goes on meanwhile.
class PendingReply {
public:
    PendingReply(const HttpClient& client, const QByteArray& method, const QString& path,
        const QByteArray& body = {}, const Headers& headers = {});
    ~PendingReply();

    bool isFinished() const { return reply_->isFinished(); }
    /// Waits (waitUntil) for the answer; false if none came.
    bool wait();
    /// The answer (call after wait()).
    Reply result() const;

private:
    std::unique_ptr<QNetworkAccessManager> manager_;
    QNetworkReply* reply_ = nullptr;
};

/// A listener posing as the OCSP responder. Released, it closes every connection at once (no
/// answer: the CRL decides); holding, it keeps them open and silent until release().
class HoldingResponder {
public:
    HoldingResponder();
    QString url() const;
    void hold() { holding_ = true; }
    /// Waits (waitUntil) until `count` connections are held.
    bool waitForHeld(int count);
    /// Closes what is held and stops holding.
    void release();

private:
    QTcpServer server_;
    bool holding_ = false;
    QList<QPointer<QTcpSocket>> held_;
};

/// A plain TCP connection to the test server.
class RawConnection {
public:
    explicit RawConnection(const QString& baseUrl);
    void send(const QByteArray& bytes);
    /// Waits (waitUntil) until the server closed the connection; false if it stays open.
    bool waitForClose();
    /// Waits (waitUntil) until `count` whole answers (by Content-Length) have arrived.
    bool waitForAnswers(int count);
    /// Everything received so far.
    const QByteArray& received();
    bool isOpen() const { return socket_.state() == QAbstractSocket::ConnectedState; }
    void close() { socket_.close(); }

private:
    QTcpSocket socket_;
    QByteArray received_;
};

} // namespace servertest
