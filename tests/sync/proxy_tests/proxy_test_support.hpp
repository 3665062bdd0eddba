#pragma once

// The fault proxy suite's client side: a blocking raw HTTP client, request builders, just
// enough HTTP reading to check what crossed, and the proxy's log once it has settled.

#include "fault_proxy.hpp"

#include <QByteArray>
#include <QList>
#include <QTcpSocket>
#include <catch2/catch.hpp>

namespace proxytest {

using synctest::FaultProxy;
using synctest::ProxyLogEntry;

QByteArray headerOf(const QByteArray& message, const QByteArray& name);
/// The length of the Content-Length-framed message at the front of `buffer`; 0: incomplete.
qsizetype messageLength(const QByteArray& buffer, bool noBody = false);
int statusOf(const QByteArray& response);
QByteArray bodyOf(const QByteArray& response);

QByteArray get(const QByteArray& target, const QByteArray& extra = {});
QByteArray post(const QByteArray& target, const QByteArray& body, const QByteArray& extra = {});

/// The proxy's log once `n` entries are finished.
QList<ProxyLogEntry> finishedLog(const FaultProxy& proxy, int n);

/// A blocking raw HTTP client on the test's thread.
class RawClient {
public:
    explicit RawClient(quint16 port);

    void send(const QByteArray& bytes)
    {
        socket_.write(bytes);
        REQUIRE(socket_.waitForBytesWritten(5000));
    }

    /// One Content-Length-framed response; empty when the connection closed first (what did
    /// arrive stays in leftover()).
    QByteArray readResponse(bool noBody = false, int timeoutMs = 5000);

    /// Everything until the peer closes (or the time runs out: then closed() is false).
    QByteArray readUntilClosed(int timeoutMs = 5000);

    bool closed() const { return socket_.state() == QAbstractSocket::UnconnectedState; }
    const QByteArray& leftover() const { return buffer_; }
    void close() { socket_.abort(); }

private:
    QTcpSocket socket_;
    QByteArray buffer_;
};

} // namespace proxytest
