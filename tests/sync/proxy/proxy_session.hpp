#pragma once

// One client connection and its upstream connection, in the proxy's thread. Requests are
// handled one after the other; the next is read once the previous one is finished.
// proxy_session.cpp moves the bytes; proxy_session_faults.cpp is what each fault does.

#include "fault_proxy.hpp"
#include "http_framing.hpp"
#include "proxy_state.hpp"

#include <QByteArray>
#include <QObject>
#include <QTcpSocket>

namespace synctest {

class ProxySession : public QObject {
public:
    ProxySession(FaultProxy::Private* d, QTcpSocket* client, int id);
    ~ProxySession() override;

private:
    /// Reads the next request off the client connection and takes its rule.
    void next();
    /// The fault's part before anything reaches the server.
    void act();
    void forward();
    void sendUpstream();
    void dropUpstream();
    void readUpstream(bool eof);
    /// The fault's part once the server has answered with `bytes`.
    void answered(const QByteArray& bytes, const http::Response& response);
    void answerClient(const QByteArray& bytes, int status, bool thenClose);
    void closeClient();
    void finish();

    FaultProxy::Private* d_;
    QTcpSocket* client_;
    QTcpSocket* upstream_ = nullptr;
    int id_;
    QByteArray clientBuffer_;
    QByteArray upstreamBuffer_;
    bool busy_ = false; ///< a request is being handled
    bool closing_ = false; ///< we are closing the client connection
    bool clientGone_ = false;
    bool awaiting_ = false; ///< a forwarded request waits for its response
    bool upstreamConnected_ = false;
    http::Request request_;
    FaultRule rule_;
    ProxyLogEntry entry_;
};

} // namespace synctest
