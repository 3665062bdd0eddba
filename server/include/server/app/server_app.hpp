#pragma once

#include "server/app/server_config.hpp"
#include "server/http/api_server.hpp"
#include "server/login/trust_reloader.hpp"
#include "server/service_context.hpp"

#include <memory>
#include <stdexcept>

namespace server::app {

/// A start-up problem the administrator must fix (bad trust directory, unreachable database,
/// broken seed, port taken); main() prints it and exits non-zero.
class StartupError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The running service: database opened and migrated, seed loaded, PKI loaded, listening.
class ServerApp {
public:
    explicit ServerApp(const ServerConfig& config);
    ~ServerApp();

    quint16 port() const { return port_; }
    QString baseUrl() const;

private:
    ServiceContext context_;
    std::unique_ptr<login::TrustReloader> trustReloader_;
    std::unique_ptr<http::ApiServer> server_;
    quint16 port_ = 0;
    QString connectionName_;
};

} // namespace server::app
