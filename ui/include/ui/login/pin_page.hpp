#pragma once

#include "ui/login/login_page.hpp"

class QCheckBox;
class QLabel;
class QPushButton;

namespace ui {

class PinField;

/// The card read and its PIN on one page: the card's summary (holder, kind, validity, tries
/// left), the masked field with its length checked as typed, and one message under it (a wrong
/// PIN and the tries left, or how close the card is to locking). When the clerk's own settings
/// send the card's signature to another site than the service, the site is shown and must be
/// confirmed before 登入 is enabled.
class PinPage : public LoginPage {
    Q_OBJECT
public:
    explicit PinPage(core::login::LoginController& controller, QWidget* parent = nullptr);

    void refresh() override;
    void retranslate() override;
    PinField* field() const { return field_; }

private:
    void updateLength();
    void updateMessage();
    void submit();

    QLabel* heading_ = nullptr;
    QLabel* summary_ = nullptr;
    QLabel* originNotice_ = nullptr;
    QCheckBox* originConfirm_ = nullptr;
    QLabel* fieldLabel_ = nullptr;
    PinField* field_ = nullptr;
    QLabel* message_ = nullptr;
    QLabel* length_ = nullptr;
    QPushButton* login_ = nullptr;
};

} // namespace ui
