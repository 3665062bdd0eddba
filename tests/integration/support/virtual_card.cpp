#include "virtual_card.hpp"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <stdexcept>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace testsupport {

namespace {

// The environment may point elsewhere; the build's own locations are the default.
QString setting(const char* name, const char* builtIn)
{
    const QString value = qEnvironmentVariable(name);
    return value.isEmpty() ? QString::fromUtf8(builtIn) : value;
}

QString scratchDir()
{
    const QString dir = buildBinDir() + QStringLiteral("/../virtual-cards");
    QDir().mkpath(dir);
    return QDir(dir).absolutePath();
}

int connectControl(const QString& path)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    const QByteArray raw = QFile::encodeName(path);
    std::strncpy(address.sun_path, raw.constData(), sizeof address.sun_path - 1);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

} // namespace

QString testPkiDir()
{
    return setting("SHIQIUREN_TEST_PKI", SHIQIUREN_TEST_PKI);
}
QString buildBinDir()
{
    return setting("SHIQIUREN_BIN_DIR", SHIQIUREN_BIN_DIR);
}
QString stackScript()
{
    return setting("SHIQIUREN_STACK_SCRIPT", SHIQIUREN_STACK_SCRIPT);
}

QString virtualReaderName(int port)
{
    return port == VirtualCard::slot0Port ? QStringLiteral("Virtual PCD 00 00")
                                          : QStringLiteral("Virtual PCD 00 01");
}

void stack(const QString& command)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!environment.contains(QStringLiteral("SHIQIUREN_STACK_DIR")))
        environment.insert(
            QStringLiteral("SHIQIUREN_STACK_DIR"), QStringLiteral(SHIQIUREN_STACK_DIR));
    process.setProcessEnvironment(environment);
    process.start(stackScript(), command.split(QLatin1Char(' ')));
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        throw std::runtime_error("pcsc-stack.sh " + command.toStdString()
            + " failed: " + process.readAllStandardError().toStdString());
}

QByteArray pkiFile(const QString& name)
{
    QFile file(testPkiDir() + QLatin1Char('/') + name);
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("missing PKI file " + name.toStdString());
    return file.readAll();
}

std::map<QString, QString> pkiIdentity()
{
    std::map<QString, QString> values;
    for (const QByteArray& line : pkiFile(QStringLiteral("identity.env")).split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq <= 0 || line.startsWith('#'))
            continue;
        QString value = QString::fromUtf8(line.mid(eq + 1)).trimmed();
        if (value.size() >= 2
            && (value.startsWith(QLatin1Char('"')) || value.startsWith(QLatin1Char('\''))))
            value = value.mid(1, value.size() - 2);
        values[QString::fromUtf8(line.left(eq)).trimmed()] = value;
    }
    return values;
}

VirtualCard::VirtualCard(const QString& personality, const QStringList& extraArgs, int port)
{
    static int counter = 0;
    const QString base = QStringLiteral("%1/%2-%3-%4")
                             .arg(scratchDir(), personality)
                             .arg(::getpid())
                             .arg(++counter);
    controlPath_ = base + QStringLiteral(".sock");
    logPath_ = base + QStringLiteral(".log");
    pidPath_ = base + QStringLiteral(".pid");
    QFile::remove(controlPath_);
    QFile::remove(logPath_);

    QStringList args { QStringLiteral("--personality"), personality, QStringLiteral("--pki"),
        testPkiDir(), QStringLiteral("--port"), QString::number(port), QStringLiteral("--control"),
        controlPath_, QStringLiteral("--log"), logPath_ };
    args += extraArgs;
    const QByteArray program = QFile::encodeName(buildBinDir() + QStringLiteral("/virtual-card"));
    std::vector<QByteArray> storage { program };
    for (const auto& arg : args)
        storage.push_back(arg.toUtf8());
    std::vector<char*> argv;
    for (auto& item : storage)
        argv.push_back(item.data());
    argv.push_back(nullptr);

    const pid_t parent = ::getpid();
    pid_ = ::fork();
    if (pid_ == 0) {
        // The card must not outlive a test that crashed.
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent)
            ::_exit(1);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    if (pid_ < 0)
        throw std::runtime_error("fork failed");
    QFile pidFile(pidPath_);
    if (pidFile.open(QIODevice::WriteOnly))
        pidFile.write(QByteArray::number(pid_));

    // Ready once its control socket answers.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
        const int fd = connectControl(controlPath_);
        if (fd >= 0) {
            ::close(fd);
            return;
        }
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            throw std::runtime_error("virtual-card exited at start: " + log().toStdString());
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    throw std::runtime_error("virtual-card control socket never appeared");
}

VirtualCard::~VirtualCard()
{
    if (pid_ > 0) {
        ::kill(pid_, SIGTERM);
        int status = 0;
        ::waitpid(pid_, &status, 0);
    }
    QFile::remove(controlPath_);
    QFile::remove(pidPath_);
}

std::string VirtualCard::control(const std::string& command)
{
    const int fd = connectControl(controlPath_);
    if (fd < 0)
        throw std::runtime_error("cannot reach the virtual card's control socket");
    const std::string line = command + "\n";
    if (::write(fd, line.data(), line.size()) != static_cast<ssize_t>(line.size())) {
        ::close(fd);
        throw std::runtime_error("control write failed");
    }
    std::string reply;
    char c = 0;
    while (::read(fd, &c, 1) == 1 && c != '\n')
        reply += c;
    ::close(fd);
    if (!reply.starts_with("ok"))
        throw std::runtime_error("virtual-card refused '" + command + "': " + reply);
    return reply;
}

std::map<std::string, long> VirtualCard::stats()
{
    std::map<std::string, long> values;
    const QString reply = QString::fromStdString(control("stats"));
    static const QRegularExpression pair(QStringLiteral("(\\w+)=(\\d+)"));
    for (auto it = pair.globalMatch(reply); it.hasNext();) {
        const auto match = it.next();
        values[match.captured(1).toStdString()] = match.captured(2).toLong();
    }
    return values;
}

QString VirtualCard::log() const
{
    QFile file(logPath_);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace testsupport
