#pragma once

#include "ui/login/login_page.hpp"

class QLabel;

namespace ui {

/// The card signs and the server checks: progress, nothing to do.
class WorkingPage : public LoginPage {
    Q_OBJECT
public:
    explicit WorkingPage(core::login::LoginController& controller, QWidget* parent = nullptr);

    void retranslate() override;

private:
    QLabel* label_ = nullptr;
};

} // namespace ui
