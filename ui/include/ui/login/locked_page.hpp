#pragma once

#include "ui/login/login_page.hpp"

class QLabel;

namespace ui {

/// The PIN is locked: how to unblock it (MOICA for 自然人憑證, GCA for 機關憑證).
class LockedPage : public LoginPage {
    Q_OBJECT
public:
    explicit LockedPage(core::login::LoginController& controller, QWidget* parent = nullptr);

    void refresh() override;
    void retranslate() override;

private:
    QLabel* heading_ = nullptr;
    QLabel* text_ = nullptr;
};

} // namespace ui
