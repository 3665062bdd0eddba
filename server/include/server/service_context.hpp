#pragma once

#include "core/domain/code_lists.hpp"
#include "server/app/server_config.hpp"
#include "server/storage/thread_database.hpp"

#include <atomic>
#include <memory>

namespace server::login {
class TrustStore;
class RevocationChecker;
} // namespace server::login

namespace server::accounts {
class PasswordGate;
} // namespace server::accounts

namespace server {

/// What every route handler shares: the configuration, the database, the PKI and the code lists.
/// Built once in main() (or a test) and outlives the HTTP server. Handlers run on several worker
/// threads at once: everything here is read-only after start-up except `db` (one connection per
/// thread), `passwordGate` (locks inside) and `trust` (swapped whole on a CRL reload).
struct ServiceContext {
    app::ServerConfig config;
    storage::ThreadDatabase db;
    /// The per-client and global limits in front of password hashing; null: no limits.
    std::shared_ptr<accounts::PasswordGate> passwordGate;
    /// Replaced whole when the CRLs are reloaded (login::TrustReloader); a login takes one
    /// snapshot with load() and finishes with the store it started with.
    std::atomic<std::shared_ptr<const login::TrustStore>> trust;
    std::shared_ptr<const login::RevocationChecker> revocation;
    core::domain::CodeLists codes = core::domain::CodeLists::builtin();
};

} // namespace server
