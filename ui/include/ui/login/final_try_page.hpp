#pragma once

#include "ui/login/login_page.hpp"

class QLabel;
class QPushButton;

namespace ui {

/// One try left: the PIN typed is held, and nothing is sent until the clerk confirms.
class FinalTryPage : public LoginPage {
    Q_OBJECT
public:
    explicit FinalTryPage(core::login::LoginController& controller, QWidget* parent = nullptr);

    void retranslate() override;

private:
    QLabel* warning_ = nullptr;
    QPushButton* confirm_ = nullptr;
    QPushButton* cancel_ = nullptr;
};

} // namespace ui
