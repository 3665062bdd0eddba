#pragma once

#include "ui/login/login_page.hpp"

class QLabel;
class QPushButton;

namespace ui {

/// One try left: the PIN typed is held, and nothing is sent until the clerk confirms. Enter
/// cancels, so a habit cannot spend the last try.
class FinalTryPage : public LoginPage {
    Q_OBJECT
public:
    explicit FinalTryPage(core::login::LoginController& controller, QWidget* parent = nullptr);

    void refresh() override;
    void retranslate() override;

private:
    QLabel* heading_ = nullptr;
    QLabel* holder_ = nullptr;
    QLabel* warning_ = nullptr;
    QPushButton* confirm_ = nullptr;
    QPushButton* cancel_ = nullptr;
};

} // namespace ui
