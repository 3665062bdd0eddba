#pragma once

#include "ui/login/login_page.hpp"

class QLabel;
class QPushButton;

namespace ui {

class PinField;

/// The PIN: masked, its length checked as typed, the tries left at three levels (low, final
/// try, and a wrong PIN's new count).
class PinPage : public LoginPage {
    Q_OBJECT
public:
    explicit PinPage(core::login::LoginController& controller, QWidget* parent = nullptr);

    void refresh() override;
    void retranslate() override;
    PinField* field() const { return field_; }

private:
    void updateLength();
    void submit();

    QLabel* holder_ = nullptr;
    QLabel* prompt_ = nullptr;
    PinField* field_ = nullptr;
    QLabel* length_ = nullptr;
    QLabel* tries_ = nullptr;
    QLabel* error_ = nullptr;
    QPushButton* login_ = nullptr;
};

} // namespace ui
