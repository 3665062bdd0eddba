#pragma once

#include "response_writer.hpp"

#include <QObject>
#include <QTimer>
#include <map>

class QTcpSocket;

namespace server::http {

/// One client connection's bookkeeping, a child of its socket. Handlers may finish out of
/// order on the worker threads, but HTTP/1.1 answers pipelined requests in order: each request
/// takes a ticket and answers are written by ticket. It also closes a connection that takes
/// longer than the request timeout to send a request (slowloris) or sits idle that long.
class Connection : public QObject {
    Q_OBJECT
public:
    Connection(QTcpSocket* socket, int requestTimeoutSeconds);

    /// The socket's Connection (made by GuardedServer); created on the spot if missing.
    static Connection* of(QTcpSocket* socket, int requestTimeoutSeconds);

    /// The request line of this connection's latest request said HTTP/1.0.
    bool http10() const { return http10_; }

    /// A whole request arrived: its place in the answer order. The timeout waits meanwhile.
    quint64 begin();
    /// The answer for `ticket`; written once every earlier one is.
    void finish(quint64 ticket, const QByteArray& answer, AfterAnswer after);

private:
    void noteRequestLine();
    void restartTimeoutIfIdle();

    QTcpSocket* socket_;
    QTimer timeout_;
    bool http10_ = false;
    bool awaitingRequestLine_ = true;
    bool closing_ = false;
    quint64 nextTicket_ = 0;
    quint64 nextToWrite_ = 0;
    std::map<quint64, std::pair<QByteArray, AfterAnswer>> ready_;
};

} // namespace server::http
