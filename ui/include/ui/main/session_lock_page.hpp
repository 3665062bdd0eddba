#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace core::session {
class SessionState;
}
namespace core::sync {
class SyncService;
}

namespace ui {

/// 登入已逾時: what the main window shows instead of the list when the server ended the session
/// for idleness (background sync does not keep it alive). The drafts and the outbox stay in the
/// local store; 以卡片重新登入 asks for the login, 離線繼續作業 ends the dead session and goes
/// back to the list.
class SessionLockPage : public QWidget {
    Q_OBJECT
public:
    explicit SessionLockPage(core::session::SessionState* session, QWidget* parent = nullptr);

    /// Whether `sync` stopped because the session expired (the lock is shown).
    static bool locks(const core::sync::SyncService* sync);

    QPushButton* loginButton() const { return login_; }
    QPushButton* offlineButton() const { return offline_; }
    /// Sets the texts for the session now (its card number).
    void refresh();
    void retranslate();

signals:
    void loginRequested();

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    core::session::SessionState* session_;
    QLabel* heading_ = nullptr;
    QLabel* text_ = nullptr;
    QPushButton* login_ = nullptr;
    QPushButton* offline_ = nullptr;
};

} // namespace ui
