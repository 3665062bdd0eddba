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

private:
    QProcess process_;
    quint16 port_ = 0;
};

/// A loopback port nothing listens on (bound and released), for "responder unreachable".
quint16 closedPort();

} // namespace servertest
