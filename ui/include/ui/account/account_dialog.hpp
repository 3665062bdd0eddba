#pragma once

#include "ui/app_context.hpp"

#include <QDialog>
#include <QJsonObject>
#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;

namespace ui {

class PasswordRuleChecklist;

/// 我的專區 of the seed: 個人資料修改 (電子郵件, 個人電話) and 修改密碼 (新密碼 twice under the
/// seed's rule, shown as a live checklist; the current password too when the session was opened
/// with a password). Calls go through ServiceRunner; the server's refusals are shown in words;
/// a success updates SessionState.
class AccountDialog : public QDialog {
    Q_OBJECT
public:
    AccountDialog(AppContext& context, QWidget* parent = nullptr);
    ~AccountDialog() override;

    /// 修改個人資料: sends the e-mail and phone (checked here first).
    void saveProfile();
    /// 送出: sends the new password (only when the checklist is satisfied).
    void changePassword();
    bool busy() const { return busy_; }

    QTabWidget* tabs() const { return tabs_; }
    QLineEdit* emailEdit() const { return email_; }
    QLineEdit* phoneEdit() const { return phone_; }
    /// The current password on the profile page (a password session must type it for any change).
    QLineEdit* profilePasswordEdit() const { return profileCurrent_; }
    QPushButton* saveProfileButton() const { return saveProfile_; }
    QLabel* profileMessage() const { return profileMessage_; }
    QLineEdit* currentPasswordEdit() const { return current_; }
    QLineEdit* newPasswordEdit() const { return newPassword_; }
    QLineEdit* confirmPasswordEdit() const { return confirm_; }
    PasswordRuleChecklist* checklist() const { return checklist_; }
    QPushButton* submitPasswordButton() const { return submitPassword_; }
    QLabel* passwordMessage() const { return passwordMessage_; }

signals:
    void profileSaved();
    void passwordChanged();
    /// A call failed; `message` is what the dialog shows.
    void failed(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* buildProfilePage();
    QWidget* buildPasswordPage();
    void retranslate();
    void showAccount(const QJsonObject& account);
    void refresh();
    void updatePasswordButton();
    void setBusy(bool busy);
    using Wording = std::function<QString()>;
    /// Shows `wording()` in `label` (profile or password page) and keeps it for retranslate().
    void showMessage(QLabel* label, Wording wording, bool error);
    bool needsCurrentPassword() const;
    bool isAgencySession() const;

    AppContext& context_;
    bool busy_ = false;
    QTabWidget* tabs_ = nullptr;
    QLabel* intro_ = nullptr;
    QLabel* accountLabel_ = nullptr;
    QLabel* account_ = nullptr;
    QLabel* emailLabel_ = nullptr;
    QLineEdit* email_ = nullptr;
    QLabel* phoneLabel_ = nullptr;
    QLineEdit* phone_ = nullptr;
    QLabel* profileCurrentLabel_ = nullptr;
    QLineEdit* profileCurrent_ = nullptr;
    QPushButton* saveProfile_ = nullptr;
    QLabel* profileMessage_ = nullptr;
    QLabel* currentLabel_ = nullptr;
    QLineEdit* current_ = nullptr;
    QLabel* newLabel_ = nullptr;
    QLineEdit* newPassword_ = nullptr;
    QLabel* confirmLabel_ = nullptr;
    QLineEdit* confirm_ = nullptr;
    PasswordRuleChecklist* checklist_ = nullptr;
    QPushButton* submitPassword_ = nullptr;
    QPushButton* clearPassword_ = nullptr;
    QLabel* passwordMessage_ = nullptr;
    QPushButton* close_ = nullptr;
    // Which message each label shows, so a language switch can re-word it.
    Wording profileWording_;
    Wording passwordWording_;
};

} // namespace ui
