#pragma once

#include "ui/login/login_page.hpp"

class QLabel;
class QPushButton;

namespace ui {

/// The card read: kind, holder, card number, certificate validity. An expired or not yet
/// valid certificate stops here with a message.
class CardPage : public LoginPage {
    Q_OBJECT
public:
    explicit CardPage(core::login::LoginController& controller, QWidget* parent = nullptr);

    void refresh() override;
    void retranslate() override;

    /// The clerk-facing name of a card kind (自然人憑證, 機關憑證, …).
    static QString kindName(const QString& kind);

private:
    QLabel* heading_ = nullptr;
    QLabel* details_ = nullptr;
    QLabel* notice_ = nullptr;
    QPushButton* next_ = nullptr;
};

} // namespace ui
