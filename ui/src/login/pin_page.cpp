#include "ui/login/pin_page.hpp"

#include "core/login/login_controller.hpp"
#include "ui/login/card_page.hpp"
#include "ui/login/pin_field.hpp"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

using core::login::PinLevel;

namespace {
const QString red = QStringLiteral("color: #b00020");
const QString amber = QStringLiteral("color: #a15c00");
} // namespace

PinPage::PinPage(core::login::LoginController& controller, QWidget* parent)
    : LoginPage(controller, parent)
{
    heading_ = makeHeading();
    heading_->setObjectName(QStringLiteral("pinHeading"));
    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("cardSummary"));
    summary_->setTextFormat(Qt::PlainText);
    summary_->setWordWrap(true);
    originNotice_ = new QLabel(this);
    originNotice_->setObjectName(QStringLiteral("pinOriginNotice"));
    originNotice_->setTextFormat(Qt::PlainText);
    originNotice_->setWordWrap(true);
    originNotice_->setStyleSheet(amber);
    originConfirm_ = new QCheckBox(this);
    originConfirm_->setObjectName(QStringLiteral("pinOriginConfirm"));
    fieldLabel_ = new QLabel(this);
    field_ = new PinField(this);
    field_->setObjectName(QStringLiteral("pinField"));
    fieldLabel_->setBuddy(field_);
    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("pinMessage"));
    message_->setTextFormat(Qt::PlainText);
    message_->setWordWrap(true);
    length_ = new QLabel(this);
    length_->setObjectName(QStringLiteral("pinLength"));
    login_ = new QPushButton(this);
    login_->setObjectName(QStringLiteral("pinLogin"));
    defaultButton_ = login_;
    focusOnShow_ = field_;
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(login_);
    auto* layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(heading_);
    layout->addWidget(summary_);
    layout->addSpacing(8);
    layout->addWidget(originNotice_);
    layout->addWidget(originConfirm_);
    layout->addWidget(fieldLabel_);
    layout->addWidget(field_);
    layout->addWidget(message_);
    layout->addWidget(length_);
    layout->addStretch();
    layout->addLayout(buttons);
    setTabOrder(originConfirm_, field_);
    setTabOrder(field_, login_);
    connect(field_, &PinField::lengthChanged, this, &PinPage::updateLength);
    connect(field_, &PinField::submitted, this, &PinPage::submit);
    connect(login_, &QPushButton::clicked, this, &PinPage::submit);
    connect(originConfirm_, &QCheckBox::toggled, this,
        [this](bool checked) { controller_.confirmOrigin(checked); });
    retranslate();
    refresh();
}

void PinPage::retranslate()
{
    heading_->setText(tr("以憑證卡片登入"));
    fieldLabel_->setText(tr("憑證密碼（Pin Code）："));
    field_->setAccessibleName(tr("憑證密碼（Pin Code）"));
    originConfirm_->setText(tr("我已確認要以卡片登入這個網站"));
    login_->setText(tr("登入"));
}

void PinPage::submit()
{
    if (!login_->isEnabled())
        return;
    controller_.submitPin(field_->take());
}

void PinPage::updateLength()
{
    const int length = field_->length();
    const int minimum = controller_.pinMinLength();
    const int maximum = controller_.pinMaxLength();
    const bool fits = length >= minimum && length <= maximum;
    length_->setText(
        tr("已輸入 %1 碼（密碼為 %2 至 %3 碼）").arg(length).arg(minimum).arg(maximum));
    length_->setStyleSheet(fits || length == 0 ? QString() : amber);
    const bool originOk = !controller_.originNeedsConfirmation() || controller_.originConfirmed();
    login_->setEnabled(fits && originOk && !controller_.busy());
}

void PinPage::updateMessage()
{
    // One message, right under the field: what happened last, else how close the card is to
    // locking (the count itself is in the summary above).
    QString text;
    QString style = red;
    const auto tries = controller_.pinStatus().triesLeft;
    if (const auto& problem = controller_.problem()) {
        text = problem->message;
    } else if (const auto left = controller_.wrongPinTriesLeft()) {
        text = *left == 1 ? tr("密碼錯誤。只剩最後 1 次機會：再錯一次，卡片就會被鎖住。")
                          : tr("密碼錯誤，還剩 %1 次嘗試機會。").arg(*left);
    } else {
        switch (controller_.pinLevel()) {
        case PinLevel::Normal:
            break;
        case PinLevel::TriesLow:
            text = tries ? tr("注意：只剩 %1 次嘗試機會，用完將會鎖卡。").arg(*tries)
                         : tr("注意：上次輸入的密碼錯誤，連續錯誤 3 次將會鎖卡。");
            style = amber;
            break;
        case PinLevel::FinalTry:
        case PinLevel::Locked:
            text = tr("最後一次機會：若密碼再錯誤，卡片將被鎖住。送出前會再請您確認。");
            break;
        }
    }
    message_->setText(text);
    message_->setStyleSheet(style);
    message_->setVisible(!text.isEmpty());
    // A screen reader hears it with the field.
    field_->setAccessibleDescription(text);
}

void PinPage::refresh()
{
    summary_->setText(CardPage::summary(controller_));
    field_->setMaximumLength(controller_.pinMaxLength());
    field_->setLettersAllowed(controller_.pinAllowsLetters());

    const bool confirmOrigin = controller_.originNeedsConfirmation();
    if (confirmOrigin)
        originNotice_->setText(
            tr("注意：此電腦的個人設定要求卡片為另一個網站簽章：%1\n"
               "這與伺服器位址不同。若您不認得這個網站，請勿登入，並通知資訊人員。")
                .arg(controller_.origin()));
    originNotice_->setVisible(confirmOrigin);
    originConfirm_->setVisible(confirmOrigin);
    {
        const QSignalBlocker quiet(originConfirm_);
        originConfirm_->setChecked(controller_.originConfirmed());
    }
    focusOnShow_ = confirmOrigin && !controller_.originConfirmed()
        ? static_cast<QWidget*>(originConfirm_)
        : field_;

    updateMessage();
    updateLength();
    if (isVisible())
        focusOnShow_->setFocus();
}

} // namespace ui
