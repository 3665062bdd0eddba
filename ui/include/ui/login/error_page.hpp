#pragma once

#include "ui/login/login_page.hpp"

class QLabel;
class QPushButton;

namespace ui {

/// What happened and what to do, with 重試 when trying again makes sense.
class ErrorPage : public LoginPage {
    Q_OBJECT
public:
    explicit ErrorPage(core::login::LoginController& controller, QWidget* parent = nullptr);

    void refresh() override;
    void retranslate() override;

private:
    QLabel* heading_ = nullptr;
    QLabel* message_ = nullptr;
    QPushButton* retry_ = nullptr;
    QPushButton* back_ = nullptr;
};

} // namespace ui
