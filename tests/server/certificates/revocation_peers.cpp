#include "revocation_peers.hpp"

#include <QDeadlineTimer>
#include <QTcpServer>
#include <arpa/inet.h>
#include <catch2/catch.hpp>
#include <csignal>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace std::chrono_literals;

namespace certtest {

quint16 freePort()
{
    QTcpServer probe;
    REQUIRE(probe.listen(QHostAddress::LocalHost, 0));
    return probe.serverPort(); // closed again when `probe` goes; nothing listens there now
}

// ---- OcspResponder ----

OcspResponder::OcspResponder(const QString& signer, const QString& key, const QString& index)
{
    // The free port can be taken between probing and binding: try a few.
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (start(QStringList { QStringLiteral("ocsp"), QStringLiteral("-index"), index,
                QStringLiteral("-CA"), pkiPath(QStringLiteral("moica-ca.pem")),
                QStringLiteral("-rsigner"), signer, QStringLiteral("-rkey"), key,
                QStringLiteral("-ndays"), QStringLiteral("1") }))
            return;
    }
    FAIL("openssl ocsp did not start: " << output_.toStdString());
}

bool OcspResponder::start(QStringList arguments)
{
    stop();
    port_ = freePort();
    arguments << QStringLiteral("-port") << QString::number(port_);
    output_.clear();
    process_.setProcessChannelMode(QProcess::MergedChannels);
    process_.start(QStringLiteral("openssl"), arguments);
    if (!process_.waitForStarted(5000))
        return false;
    // It prints "ACCEPT [::]:PORT PID=…" once listening. No test connection: the responder
    // quits on a connection that closes without a request.
    const QDeadlineTimer deadline(10s);
    while (!deadline.hasExpired() && process_.state() == QProcess::Running) {
        process_.waitForReadyRead(100);
        output_ += process_.readAll();
        if (output_.contains("ACCEPT"))
            return true;
    }
    return false;
}

void OcspResponder::stop()
{
    if (process_.state() == QProcess::NotRunning)
        return;
    ::kill(static_cast<pid_t>(process_.processId()), SIGKILL);
    process_.waitForFinished(5000);
}

// ---- CannedHttpServer ----

CannedHttpServer::CannedHttpServer(QByteArray reply)
    : reply_(std::move(reply))
{
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(listener_ >= 0);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    REQUIRE(::listen(listener_, 1) == 0);
    socklen_t length = sizeof address;
    REQUIRE(::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { serveOnce(); });
}

CannedHttpServer::~CannedHttpServer()
{
    stopping_ = true;
    thread_.join();
    ::close(listener_);
}

void CannedHttpServer::serveOnce()
{
    pollfd waiting { listener_, POLLIN, 0 };
    while (!stopping_ && ::poll(&waiting, 1, 50) == 0) { }
    if (stopping_)
        return;
    const int client = ::accept(listener_, nullptr, nullptr);
    if (client < 0)
        return;
    // Read the whole request: closing with unread bytes would reset the connection instead
    // of delivering the reply.
    QByteArray request;
    pollfd reading { client, POLLIN, 0 };
    char buffer[4096];
    while (!isComplete(request) && ::poll(&reading, 1, 5000) > 0) {
        const ssize_t got = ::read(client, buffer, sizeof buffer);
        if (got <= 0)
            break;
        request.append(buffer, static_cast<qsizetype>(got));
    }
    if (!reply_.isEmpty())
        ::send(client, reply_.constData(), static_cast<std::size_t>(reply_.size()), MSG_NOSIGNAL);
    ::close(client);
}

bool CannedHttpServer::isComplete(const QByteArray& request)
{
    const qsizetype end = request.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const QByteArray headers = request.left(end).toLower();
    const qsizetype field = headers.indexOf("content-length:");
    const qsizetype length
        = field < 0 ? 0 : headers.mid(field + 15).split('\r').front().trimmed().toLongLong();
    return request.size() >= end + 4 + length;
}

} // namespace certtest
