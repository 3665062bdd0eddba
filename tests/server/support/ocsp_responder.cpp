#include "ocsp_responder.hpp"

#include "test_server.hpp"

#include <QElapsedTimer>
#include <QTcpServer>
#include <catch2/catch.hpp>

namespace servertest {

quint16 closedPort()
{
    QTcpServer probe;
    REQUIRE(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

OcspResponder::OcspResponder()
{
    // Another process may take the probed port in between; a few tries settle that. Readiness is
    // the responder's own "ACCEPT" line: a probe connection that sends nothing makes it quit.
    for (int attempt = 0; attempt < 5 && port_ == 0; ++attempt) {
        const quint16 port = closedPort();
        process_.setWorkingDirectory(pkiPath(QString()));
        process_.setProcessChannelMode(QProcess::MergedChannels);
        process_.start(QStringLiteral("openssl"),
            { "ocsp", "-index", "moica-ca.index.txt", "-CA", "moica-ca.pem", "-rsigner",
                "ocsp-signer.pem", "-rkey", "ocsp-signer.key", "-port", QString::number(port) });
        REQUIRE(process_.waitForStarted(5000));
        QByteArray output;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 5000 && process_.state() == QProcess::Running
            && !output.contains("ACCEPT")) {
            process_.waitForReadyRead(100);
            output += process_.readAll();
        }
        if (output.contains("ACCEPT")) {
            port_ = port;
        } else {
            process_.kill();
            process_.waitForFinished(2000);
        }
    }
    REQUIRE(port_ != 0);
}

int OcspResponder::requestCount(int atLeast)
{
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        output_ += process_.readAll();
        const int count = static_cast<int>(output_.count("Received request"));
        if (count >= atLeast || timer.elapsed() > 10000)
            return count;
        process_.waitForReadyRead(100);
    }
}

OcspResponder::~OcspResponder()
{
    process_.terminate();
    if (!process_.waitForFinished(3000)) {
        process_.kill();
        process_.waitForFinished(2000);
    }
}

} // namespace servertest
