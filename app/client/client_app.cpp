#include "client_app.hpp"

#include "core/i18n/translations.hpp"
#include "ui/i18n/language_switcher.hpp"

#include <QCoreApplication>
#include <QMessageBox>

namespace client {

ClientApp::ClientApp(const ClientOptions& options)
    : options_(options)
{
    settings_ = options_.settingsFile.isEmpty()
        ? std::make_unique<core::settings::ClientSettings>()
        : std::make_unique<core::settings::ClientSettings>(options_.settingsFile);
    QString lang = options_.language;
    if (lang.isEmpty())
        lang = settings_->language();
    if (lang.isEmpty())
        lang = core::i18n::languageFromEnvironment();
    ui::applyLanguage(lang);

    store_ = std::make_unique<core::store::LocalStore>(
        options_.storeFile.isEmpty() ? core::store::LocalStore::defaultPath() : options_.storeFile);
    session_ = std::make_unique<core::session::SessionState>();
    runner_ = std::make_unique<core::session::ServiceRunner>(serviceConfig());
    core::sync::SyncServiceOptions syncOptions;
    syncOptions.checkAtOnce = false; // startBackground()
    sync_ = std::make_unique<core::sync::SyncService>(*store_, serviceConfig(), syncOptions);
    sync_->follow(*session_);
    // The one card service: the login dialog, 設定's reader list and the guard that logs out
    // when the card goes.
    cards_ = std::make_unique<core::cards::CardService>(
        core::cards::CardService::Options { .ledgerDatabase = store_->file(),
            .pkcs11Module = settings_->pkcs11Module(),
            .certificateCacheDir = {} });

    context_.store = store_.get();
    context_.session = session_.get();
    context_.service = runner_.get();
    context_.settings = settings_.get();
    context_.sync = sync_.get();
    context_.cards = cards_.get();
    window_ = std::make_unique<ui::MainWindow>(context_);
    hub_ = new ui::WindowHub(context_, *window_);

    // A new address in 設定 takes effect at once (unless --server fixed it for this run).
    connect(settings_.get(), &core::settings::ClientSettings::changed, this,
        [this](const QString& key) {
            if (key != QLatin1String("serverUrl")
                && key != QLatin1String("pinnedCertificateSha256"))
                return;
            runner_->setConfig(serviceConfig());
            sync_->setConfig(serviceConfig());
        });
    connect(window_.get(), &ui::MainWindow::languageRequested, this, &ClientApp::setLanguage);
    connect(window_.get(), &ui::MainWindow::aboutRequested, window_.get(), [this] {
        QMessageBox::about(window_.get(), ui::MainWindow::tr("關於事求人"),
            ui::MainWindow::tr("事求人機關徵才系統 %1")
                .arg(QCoreApplication::applicationVersion()));
    });
}

void ClientApp::startBackground()
{
    if (cardGuard_)
        return;
    // The guard starts watching the readers (PC/SC); the health check starts the network.
    cardGuard_ = std::make_unique<core::login::CardSessionGuard>(
        *cards_, *session_, *runner_, settings_.get());
    sync_->checkHealth();
}

ClientApp::~ClientApp()
{
    window_.reset(); // before the services its widgets watch
    cardGuard_.reset();
    sync_->stop();
}

core::api::ServiceConfig ClientApp::serviceConfig() const
{
    core::api::ServiceConfig config;
    config.baseUrl = options_.server.isEmpty() ? settings_->serverUrl() : QUrl(options_.server);
    const QString pin = settings_->pinnedCertificateSha256();
    if (!pin.isEmpty())
        config.pinnedCertificateSha256 = pin.toLatin1();
    config.userAgent = QStringLiteral("shiqiuren/%1").arg(QCoreApplication::applicationVersion());
    return config;
}

void ClientApp::setLanguage(const QString& language)
{
    ui::switchLanguage(settings_.get(), language);
}

QString ClientApp::statusLine() const
{
    QString connection = QStringLiteral("unknown");
    if (sync_->connection() == core::sync::SyncService::Connection::Online)
        connection = QStringLiteral("online");
    else if (sync_->connection() == core::sync::SyncService::Connection::Offline)
        connection = QStringLiteral("offline");
    return QStringLiteral("server=%1 connection=%2 queued=%3 conflicts=%4")
        .arg(serviceConfig().baseUrl.toString(), connection)
        .arg(sync_->queued())
        .arg(sync_->conflicts());
}

} // namespace client
