#include "ui/shell/window_hub.hpp"

#include "core/store/local_store.hpp"
#include "core/sync/sync_service.hpp"
#include "ui/form/vacancy_form_dialog.hpp"
#include "ui/main/main_window.hpp"
#include "ui/preview/preview_dialog.hpp"

namespace ui {

WindowHub::WindowHub(AppContext& context, MainWindow& window)
    : QObject(&window)
    , context_(context)
    , window_(window)
{
    connect(&window, &MainWindow::newVacancyRequested, this, [this] { openForm({}); });
    connect(&window, &MainWindow::editRequested, this, &WindowHub::openForm);
    connect(&window, &MainWindow::previewRequested, this, &WindowHub::openPreview);
}

WindowHub::~WindowHub() = default;

VacancyFormDialog* WindowHub::openForm(const QString& localId)
{
    if (auto open = forms_.value(localId)) {
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
    const auto record = context_.store->find(localId);
    if (!record)
        return nullptr;
    auto* preview = new PreviewDialog(record->data, &window_);
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
