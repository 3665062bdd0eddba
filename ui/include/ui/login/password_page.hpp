#pragma once

#include "ui/login/login_page.hpp"

class QLabel;
class QLineEdit;
class QPushButton;

namespace ui {

/// Account and password. Vacancies can be entered only after a card login; a 健保卡 in a
/// reader gives the account field its ID number (as the portal's 健保卡 column does).
class PasswordPage : public LoginPage {
    Q_OBJECT
public:
    explicit PasswordPage(core::login::LoginController& controller, QWidget* parent = nullptr);

    void refresh() override;
    void retranslate() override;
    void prefillIdNumber(const QString& idNumber);

private:
    void updateButton();

    QLabel* note_ = nullptr;
    QLabel* accountLabel_ = nullptr;
    QLineEdit* account_ = nullptr;
    QLabel* passwordLabel_ = nullptr;
    QLineEdit* password_ = nullptr;
    QLabel* nhi_ = nullptr;
    QLabel* error_ = nullptr;
    QPushButton* useCard_ = nullptr;
    QPushButton* login_ = nullptr;
    QString prefilled_;
};

} // namespace ui
