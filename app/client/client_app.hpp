#pragma once

#include "client_options.hpp"
#include "core/cards/card_service.hpp"
#include "core/login/card_session_guard.hpp"
#include "core/session/service_runner.hpp"
#include "core/session/session_state.hpp"
#include "core/settings/client_settings.hpp"
#include "core/store/local_store.hpp"
#include "core/sync/sync_service.hpp"
#include "ui/app_context.hpp"
#include "ui/main/main_window.hpp"
#include "ui/shell/window_hub.hpp"

#include <QObject>
#include <memory>

namespace client {

/// Everything the program is made of, in the order it is made (and the reverse order it goes):
/// settings, the local store, the session, the central-service runner, the sync service, the
/// main window; the card watch and the network once the window is painted. No logic: wiring.
class ClientApp : public QObject {
    Q_OBJECT
public:
    /// Throws core::store::StoreError when the local database cannot be opened.
    explicit ClientApp(const ClientOptions& options);
    ~ClientApp() override;
    /// What the first window does not need: watching the card readers, the first health check
    /// (and with it the network and TLS). Called once that window is on the screen.
    void startBackground();

    ui::AppContext& context() { return context_; }
    ui::MainWindow& window() { return *window_; }
    ui::WindowHub& windows() { return *hub_; }
    core::sync::SyncService& sync() { return *sync_; }
    /// One line for checks: the server, online or not, what is queued.
    QString statusLine() const;

private:
    core::api::ServiceConfig serviceConfig() const;
    void setLanguage(const QString& language);

    ClientOptions options_;
    std::unique_ptr<core::settings::ClientSettings> settings_;
    std::unique_ptr<core::store::LocalStore> store_;
    std::unique_ptr<core::session::SessionState> session_;
    std::unique_ptr<core::session::ServiceRunner> runner_;
    std::unique_ptr<core::sync::SyncService> sync_;
    std::unique_ptr<core::cards::CardService> cards_;
    std::unique_ptr<core::login::CardSessionGuard> cardGuard_;
    ui::AppContext context_;
    std::unique_ptr<ui::MainWindow> window_;
    ui::WindowHub* hub_ = nullptr; // owned by the window
};

} // namespace client
