#pragma once

#include "ui/login/login_page.hpp"

class QLabel;
class QLineEdit;
class QPushButton;

namespace ui {

class PasswordRuleChecklist;

/// Account setup after the first card login: custom account, email, the password twice with a
/// live checklist of the rule. Nothing else opens until it is done.
class AccountSetupPage : public LoginPage {
    Q_OBJECT
public:
    explicit AccountSetupPage(core::login::LoginController& controller, QWidget* parent = nullptr);

    void refresh() override;
    void retranslate() override;

private:
    void updateState();

    QLabel* intro_ = nullptr;
    QLabel* accountLabel_ = nullptr;
    QLineEdit* account_ = nullptr;
    QLabel* accountCheck_ = nullptr;
    QLabel* emailLabel_ = nullptr;
    QLineEdit* email_ = nullptr;
    QLabel* passwordLabel_ = nullptr;
    QLineEdit* password_ = nullptr;
    QLabel* confirmLabel_ = nullptr;
    QLineEdit* confirm_ = nullptr;
    PasswordRuleChecklist* checklist_ = nullptr;
    QLabel* error_ = nullptr;
    QPushButton* submit_ = nullptr;
};

} // namespace ui
