#pragma once

#include "ui/app_context.hpp"

#include <QHash>
#include <QObject>
#include <QPointer>

class QDialog;

namespace ui {

class MainWindow;
class VacancyFormDialog;

/// Opens the windows the main window asks for (its *Requested signals): the vacancy form, the
/// preview, and the dialogs of the login, the account, the settings, the environment check and
/// 調閱履歷 as they exist. One form per record: asking again raises the open one. Dialogs are
/// window-modal to nothing (the clerk can keep the list in view) and delete themselves.
class WindowHub : public QObject {
    Q_OBJECT
public:
    WindowHub(AppContext& context, MainWindow& window);
    ~WindowHub() override;

    /// The form of `localId` (empty: a new vacancy), opened or raised.
    VacancyFormDialog* openForm(const QString& localId);
    /// The preview of a stored record; null when the record is gone.
    QDialog* openPreview(const QString& localId);

    /// The login dialog, opened or raised; on the password page when `password`.
    QDialog* openLogin(bool password = false);
    /// Ends the session: the server's (when reachable) and this program's.
    void logout();
    QDialog* openAccount();
    QDialog* openSettings();
    QDialog* openEnvironmentCheck();
    QDialog* openApplicants(const QString& serverId);

    /// The dialog opened last (tests, screenshots).
    QDialog* lastOpened() const { return lastOpened_; }

private:
    void show(QDialog* dialog);
    /// Raises `open` when it is still there; else shows `make()` and keeps it in `open`.
    template <typename Make> QDialog* single(QPointer<QDialog>& open, Make make);

    AppContext& context_;
    MainWindow& window_;
    QHash<QString, QPointer<VacancyFormDialog>> forms_; // local id → open form ("" = new)
    QPointer<QDialog> login_, account_, settings_, environment_;
    QPointer<QDialog> lastOpened_;
};

} // namespace ui
