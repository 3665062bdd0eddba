#pragma once

// A real `openssl ocsp` responder for the test PKI's MOICA CA, on a free loopback port, killed
// by PID when the object goes.

#include <QProcess>
#include <QString>

namespace servertest {

class OcspResponder {
public:
    OcspResponder();
    ~OcspResponder();
    OcspResponder(const OcspResponder&) = delete;
    OcspResponder& operator=(const OcspResponder&) = delete;

    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(port_); }

    /// How many requests the responder has received so far (its "Received request" lines).
    /// Waits up to `atLeast`'s arrival for a few seconds, so a count that is due is not missed;
    /// more than `atLeast` shows up as it is.
    int requestCount(int atLeast = 0);

private:
    QProcess process_;
    QByteArray output_;
    quint16 port_ = 0;
};

/// A loopback port nothing listens on (bound and released), for "responder unreachable".
quint16 closedPort();

} // namespace servertest
