#pragma once

#include "core/domain/code_lists.hpp"
#include "server/app/server_config.hpp"

#include <QSqlDatabase>
#include <atomic>
#include <memory>

namespace server::login {
class TrustStore;
class RevocationChecker;
} // namespace server::login

namespace server {

/// What every route handler shares: the configuration, the open database, the PKI and the
/// code lists. Built once in main() (or a test) and outlives the HTTP server.
struct ServiceContext {
    app::ServerConfig config;
    QSqlDatabase db;
    /// Replaced whole when the CRLs are reloaded (login::TrustReloader); a login takes one
    /// snapshot with load() and finishes with the store it started with.
    std::atomic<std::shared_ptr<const login::TrustStore>> trust;
    std::shared_ptr<const login::RevocationChecker> revocation;
    core::domain::CodeLists codes = core::domain::CodeLists::builtin();
};

} // namespace server
