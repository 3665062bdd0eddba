#pragma once

#include "ui/login/login_page.hpp"

class QLabel;

namespace ui {

/// Waiting for a reader or a card, updated live as they come and go.
class WaitingPage : public LoginPage {
    Q_OBJECT
public:
    explicit WaitingPage(core::login::LoginController& controller, QWidget* parent = nullptr);

    void refresh() override;
    void retranslate() override;

private:
    QLabel* heading_ = nullptr;
    QLabel* status_ = nullptr;
    QLabel* readers_ = nullptr;
};

} // namespace ui
