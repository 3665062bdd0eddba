#pragma once

#include "ui/login/login_page.hpp"

class QLabel;
class QLineEdit;
class QPushButton;

namespace ui {

/// First-time activation (首次啟用): the custom account or the ID number, the ID checked as
/// typed; the seed's failure messages stay on this page so the clerk can correct the entry.
class ActivationPage : public LoginPage {
    Q_OBJECT
public:
    explicit ActivationPage(core::login::LoginController& controller, QWidget* parent = nullptr);

    void refresh() override;
    void retranslate() override;

    /// Whether `text` is shaped like an ID number (a letter, then a digit): then it is checked.
    static bool looksLikeId(const QString& text);

private:
    void updateCheck();

    QLabel* intro_ = nullptr;
    QLabel* label_ = nullptr;
    QLineEdit* entry_ = nullptr;
    QLabel* check_ = nullptr;
    QLabel* error_ = nullptr;
    QPushButton* back_ = nullptr;
    QPushButton* next_ = nullptr;
};

} // namespace ui
