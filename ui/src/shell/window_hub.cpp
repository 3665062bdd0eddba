#include "ui/shell/window_hub.hpp"

#include "core/session/service_runner.hpp"
#include "core/session/session_state.hpp"
#include "core/store/local_store.hpp"
#include "core/sync/sync_service.hpp"
#include "ui/account/account_dialog.hpp"
#include "ui/applicants/applicants_dialog.hpp"
#include "ui/diagnostics/environment_check_dialog.hpp"
#include "ui/form/vacancy_form_dialog.hpp"
#include "ui/login/login_dialog.hpp"
#include "ui/main/main_window.hpp"
#include "ui/preview/preview_dialog.hpp"
#include "ui/settings/settings_dialog.hpp"

namespace ui {

WindowHub::WindowHub(AppContext& context, MainWindow& window)
    : QObject(&window)
    , context_(context)
    , window_(window)
{
    connect(&window, &MainWindow::newVacancyRequested, this, [this] { openForm({}); });
    connect(&window, &MainWindow::editRequested, this, &WindowHub::openForm);
    connect(&window, &MainWindow::previewRequested, this, &WindowHub::openPreview);
    connect(&window, &MainWindow::loginRequested, this, [this] { openLogin(); });
    connect(&window, &MainWindow::logoutRequested, this, &WindowHub::logout);
    connect(&window, &MainWindow::accountRequested, this, &WindowHub::openAccount);
    connect(&window, &MainWindow::settingsRequested, this, &WindowHub::openSettings);
    connect(
        &window, &MainWindow::environmentCheckRequested, this, &WindowHub::openEnvironmentCheck);
    connect(&window, &MainWindow::applicantsRequested, this, &WindowHub::openApplicants);
}

template <typename Make> QDialog* WindowHub::single(QPointer<QDialog>& open, Make make)
{
    // A dialog just closed is still there until its deferred delete: open a new one then.
    if (open && open->isVisible()) {
        open->raise();
        open->activateWindow();
        return open;
    }
    QDialog* dialog = make();
    open = dialog;
    show(dialog);
    return dialog;
}

QDialog* WindowHub::openLogin(bool password)
{
    QDialog* dialog = single(login_, [this] {
        auto* login = new LoginDialog(context_, &window_);
        connect(login, &QDialog::accepted, &window_, &MainWindow::refresh);
        connect(
            login, &LoginDialog::environmentCheckRequested, this, &WindowHub::openEnvironmentCheck);
        return login;
    });
    if (password)
        static_cast<LoginDialog*>(dialog)->showPasswordLogin();
    return dialog;
}

void WindowHub::logout()
{
    core::session::SessionState* session = context_.session;
    // The program's session ends at once; the server's when it answers (or by expiry).
    context_.service->run<core::api::Empty>(
        this, [](core::api::ServiceClient& client) { return client.logout(); },
        [](const core::api::Result<core::api::Empty>&) {});
    session->end();
}

QDialog* WindowHub::openAccount()
{
    return single(account_, [this] { return new AccountDialog(context_, &window_); });
}

QDialog* WindowHub::openSettings()
{
    return single(settings_, [this] { return new SettingsDialog(context_, &window_); });
}

QDialog* WindowHub::openEnvironmentCheck()
{
    return single(environment_, [this] { return new EnvironmentCheckDialog(context_, &window_); });
}

QDialog* WindowHub::openApplicants(const QString& serverId)
{
    auto* dialog = new ApplicantsDialog(context_, serverId, &window_);
    show(dialog);
    return dialog;
}

WindowHub::~WindowHub() = default;

VacancyFormDialog* WindowHub::openForm(const QString& localId)
{
    if (auto open = forms_.value(localId); open && open->isVisible()) {
        open->raise();
        open->activateWindow();
        return open;
    }
    auto* form = new VacancyFormDialog(context_, localId, &window_);
    forms_.insert(localId, form);
    connect(form, &VacancyFormDialog::saved, this, [this, form](const QString& savedId) {
        // A new form has its record now: a later 新增 must open a blank one.
        if (forms_.value(QString()) == form) {
            forms_.remove(QString());
            forms_.insert(savedId, form);
        }
        window_.refresh();
    });
    connect(form, &VacancyFormDialog::queued, this, [this] {
        window_.refresh();
        if (context_.sync)
            context_.sync->syncNow();
    });
    show(form);
    return form;
}

QDialog* WindowHub::openPreview(const QString& localId)
{
    const auto record = context_.store->records().find(localId);
    if (!record)
        return nullptr;
    auto* preview = new PreviewDialog(record->data, &window_);
    preview->setRejectionReason(record->serverRejectionReason);
    show(preview);
    return preview;
}

void WindowHub::show(QDialog* dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::NonModal);
    lastOpened_ = dialog;
    dialog->show();
}

} // namespace ui

#include "ui/shell/moc_window_hub.cpp"
