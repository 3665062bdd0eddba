#pragma once

#include "ui/login/login_page.hpp"

class QLabel;

namespace ui {

/// A card that cannot log in (its certificate expired, not yet valid, or missing): what it is
/// and why it stops here. A valid card goes straight on to the PIN page.
class CardPage : public LoginPage {
    Q_OBJECT
public:
    explicit CardPage(core::login::LoginController& controller, QWidget* parent = nullptr);

    void refresh() override;
    void retranslate() override;

    /// The clerk-facing name of a card kind (自然人憑證, 機關憑證, …).
    static QString kindName(const QString& kind);
    /// The card read, one fact a line: holder, kind, certificate validity, PIN tries left.
    static QString summary(const core::login::LoginController& controller);

private:
    QLabel* heading_ = nullptr;
    QLabel* details_ = nullptr;
    QLabel* notice_ = nullptr;
};

} // namespace ui
