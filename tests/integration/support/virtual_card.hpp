#pragma once

#include <QString>
#include <QStringList>
#include <map>
#include <string>
#include <sys/types.h>

namespace testsupport {

/// One `virtual-card` process plugged into the project's pcscd (started by
/// tests/support/pcsc-stack.sh). It dies with the test process (PR_SET_PDEATHSIG) and is
/// stopped by PID in the destructor.
class VirtualCard {
public:
    static constexpr int slot0Port = 35963;
    static constexpr int slot1Port = 35964;

    VirtualCard(
        const QString& personality, const QStringList& extraArgs = {}, int port = slot0Port);
    ~VirtualCard();
    VirtualCard(const VirtualCard&) = delete;
    VirtualCard& operator=(const VirtualCard&) = delete;

    /// Sends one control command ("remove", "insert", "pull-on-apdu 3", "stats") and returns
    /// the reply line; throws when the emulator answers "error …".
    std::string control(const std::string& command);
    /// "stats" parsed into numbers: apdus, verifies, signatures, tries, present.
    std::map<std::string, long> stats();
    QString log() const;
    pid_t pid() const { return pid_; }

private:
    QString controlPath_;
    QString logPath_;
    QString pidPath_;
    pid_t pid_ = -1;
};

/// Environment the CMake file gives the tests.
QString testPkiDir();
QString buildBinDir();
QString stackScript();
QString virtualReaderName(int port = VirtualCard::slot0Port);

/// Runs tests/support/pcsc-stack.sh with one command ("restart", "restart --empty", "stop", ...).
void stack(const QString& command);

/// Bytes of a generated PKI file (e.g. "citizen-sign.der").
QByteArray pkiFile(const QString& name);
/// identity.env of the generated PKI as a map.
std::map<QString, QString> pkiIdentity();

} // namespace testsupport
