#pragma once

// The fault proxy suite's server: a QTcpServer in a thread of its own that numbers its answers
// and records every byte it received and sent, so each fault is proved against what really
// reached the server.

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QMutexLocker>
#include <QObject>
#include <QTcpSocket>
#include <QThread>

namespace proxytest {

/// What the upstream got: one request, on which of its connections.
struct Received {
    QByteArray raw;
    int connection = 0;
};

/// The test's server: answers "reply <n>: <METHOD> <target>" (n counts the requests it has
/// answered) unless the path asks for something else: /status/<code>, /close (Connection:
/// close), /chunked, /eof (no Content-Length, closes), /big (300 000 bytes), /vanish (closes
/// without answering). Runs in a thread of its own.
class Upstream {
public:
    Upstream();
    ~Upstream();
    Upstream(const Upstream&) = delete;
    Upstream& operator=(const Upstream&) = delete;

    quint16 port() const { return port_; }

    QList<Received> received() const
    {
        QMutexLocker lock(&mutex_);
        return received_;
    }
    /// The bytes it sent, one entry per answered request.
    QList<QByteArray> sent() const
    {
        QMutexLocker lock(&mutex_);
        return sent_;
    }
    int count() const
    {
        QMutexLocker lock(&mutex_);
        return int(received_.size());
    }
    /// Waits (without an event loop: the upstream has its own thread) until it received `n`.
    bool waitForCount(int n, int timeoutMs = 5000) const;

private:
    void serve(QTcpSocket* socket, int connection);
    void answer(QTcpSocket* socket, const QByteArray& raw, int connection);

    QThread thread_;
    QObject* context_ = nullptr;
    quint16 port_ = 0;
    int connections_ = 0; // its thread only
    mutable QMutex mutex_;
    QList<Received> received_;
    QList<QByteArray> sent_;
};

} // namespace proxytest
