#include "server/login/trust_reloader.hpp"

#include "server/login/trust_store.hpp"

#include <QFileInfo>
#include <QPointer>
#include <QSocketNotifier>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>
#include <vector>

namespace server::login {

namespace {

// SIGHUP arrives on any thread at any time: the handler only writes a byte to a pipe, and the
// event loop reads it (the only async-signal-safe way to reach Qt).
int hangupPipe[2] = { -1, -1 };

void onHangup(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(hangupPipe[1], &byte, 1);
}

/// The reloaders alive in this process (normally one); SIGHUP reloads each.
std::vector<QPointer<TrustReloader>>& reloaders()
{
    static std::vector<QPointer<TrustReloader>> all;
    return all;
}

void installHangupHandler()
{
    static QSocketNotifier* notifier = nullptr;
    if (notifier)
        return;
    if (::pipe2(hangupPipe, O_CLOEXEC | O_NONBLOCK) != 0) {
        qWarning("trust: no pipe for SIGHUP; CRLs reload only when their files change");
        return;
    }
    notifier = new QSocketNotifier(hangupPipe[0], QSocketNotifier::Read);
    QObject::connect(notifier, &QSocketNotifier::activated, [] {
        char bytes[16];
        while (::read(hangupPipe[0], bytes, sizeof bytes) > 0) { }
        qInfo("trust: SIGHUP, loading the trust directory and CRLs again");
        for (const QPointer<TrustReloader>& reloader : reloaders()) {
            if (reloader)
                reloader->reload();
        }
    });
    struct sigaction action { };
    action.sa_handler = onHangup;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGHUP, &action, nullptr);
}

} // namespace

TrustReloader::TrustReloader(ServiceContext& context, QObject* parent)
    : QObject(parent)
    , context_(context)
{
    installHangupHandler();
    reloaders().emplace_back(this);
    settle_.setSingleShot(true);
    settle_.setInterval(500);
    connect(&settle_, &QTimer::timeout, this, [this] { reload(); });
    connect(&watcher_, &QFileSystemWatcher::fileChanged, this, [this](const QString& path) {
        // A file replaced by rename leaves the watch on the old one: watch the path afresh.
        watcher_.removePath(path);
        watchFiles();
        settle_.start();
    });
    watchFiles();
}

TrustReloader::~TrustReloader()
{
    auto& all = reloaders();
    std::erase_if(all, [this](const QPointer<TrustReloader>& r) { return !r || r == this; });
}

void TrustReloader::watchFiles()
{
    for (const QString& path : context_.config.crlFiles) {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        if (!watcher_.files().contains(absolute) && QFileInfo::exists(absolute))
            watcher_.addPath(absolute);
    }
}

bool TrustReloader::reload()
{
    try {
        auto store = std::make_shared<const TrustStore>(
            TrustStore::load(context_.config.trustDir, context_.config.crlFiles));
        const int crls = store->crlCount();
        context_.trust.store(std::move(store));
        qInfo("trust: loaded again, %d CRL(s) in force", crls);
        return true;
    } catch (const TrustStoreError& error) {
        qWarning("trust: not loaded again, the previous CRLs stay in force: %s", error.what());
        return false;
    }
}

} // namespace server::login
