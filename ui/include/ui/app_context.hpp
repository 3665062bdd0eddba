#pragma once

namespace core::cards {
class CardAccess;
}
namespace core::store {
class LocalStore;
}
namespace core::session {
class SessionState;
class ServiceRunner;
} // namespace core::session
namespace core::settings {
class ClientSettings;
}
namespace core::sync {
class SyncService;
}

namespace ui {

/// What the windows and dialogs share, made once by the program (app/) and owned there.
/// Every member outlives every window.
struct AppContext {
    core::store::LocalStore* store = nullptr; ///< the local database (drafts, outbox, cache)
    core::session::SessionState* session = nullptr; ///< who is logged in
    core::session::ServiceRunner* service = nullptr; ///< central-service calls off the GUI thread
    core::settings::ClientSettings* settings = nullptr;
    core::sync::SyncService* sync = nullptr; ///< the sync engine on its thread, its status
    core::cards::CardAccess* cards = nullptr; ///< the one door to readers and cards
};

} // namespace ui
