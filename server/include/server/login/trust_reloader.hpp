#pragma once

#include "server/service_context.hpp"

#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

namespace server::login {

/// Loads the trust directory and the CRL files again, without a restart, when the process gets
/// SIGHUP or a configured CRL file changes (a new CRL is published every few hours). The new
/// store replaces the old one in `context.trust` only when it loads completely; otherwise the
/// old one stays and the log says why, so a half-written download never opens or closes logins.
class TrustReloader : public QObject {
    Q_OBJECT
public:
    explicit TrustReloader(ServiceContext& context, QObject* parent = nullptr);
    ~TrustReloader() override;

    /// Loads now; true when the new store is in force.
    bool reload();

private:
    void watchFiles();

    ServiceContext& context_;
    QFileSystemWatcher watcher_;
    QTimer settle_; // a file is often written in several steps: reload once it is quiet
};

} // namespace server::login
