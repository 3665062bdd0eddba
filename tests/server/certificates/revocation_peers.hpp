#pragma once

// The network peers the revocation checks talk to: a real `openssl ocsp` responder and an HTTP
// peer that answers with canned bytes.

#include "certificate_test_pki.hpp"

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <atomic>
#include <thread>

namespace certtest {

quint16 freePort();

/// A real `openssl ocsp` responder for moica-ca, run as a child and killed by its PID when the
/// test is done. It serves forever, one request at a time.
class OcspResponder {
public:
    /// `signer`/`key`: the responder's certificate and key (PEM paths); `index`: its database.
    explicit OcspResponder(const QString& signer = pkiPath(QStringLiteral("ocsp-signer.pem")),
        const QString& key = pkiPath(QStringLiteral("ocsp-signer.key")),
        const QString& index = pkiPath(QStringLiteral("moica-ca.index.txt")));
    ~OcspResponder() { stop(); }
    OcspResponder(const OcspResponder&) = delete;
    OcspResponder& operator=(const OcspResponder&) = delete;

    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(port_); }

private:
    bool start(QStringList arguments);
    void stop();

    QProcess process_;
    quint16 port_ = 0;
    QByteArray output_;
};

/// A one-connection HTTP peer on its own thread that reads the request and sends `reply` verbatim
/// (or just closes when `reply` is empty): HTTP errors and garbage bodies.
class CannedHttpServer {
public:
    explicit CannedHttpServer(QByteArray reply);
    ~CannedHttpServer();
    CannedHttpServer(const CannedHttpServer&) = delete;
    CannedHttpServer& operator=(const CannedHttpServer&) = delete;

    QString url() const { return QStringLiteral("http://127.0.0.1:%1/").arg(port_); }

private:
    void serveOnce();
    /// Headers and as many body bytes as their Content-Length says.
    static bool isComplete(const QByteArray& request);

    QByteArray reply_;
    int listener_ = -1;
    quint16 port_ = 0;
    std::atomic<bool> stopping_ { false };
    std::thread thread_;
};

} // namespace certtest
