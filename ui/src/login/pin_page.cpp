#include "ui/login/pin_page.hpp"

#include "core/login/login_controller.hpp"
#include "ui/login/pin_field.hpp"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

using core::login::PinLevel;

PinPage::PinPage(core::login::LoginController& controller, QWidget* parent)
    : LoginPage(controller, parent)
{
    holder_ = new QLabel(this);
    holder_->setObjectName(QStringLiteral("pinHolder"));
    prompt_ = new QLabel(this);
    prompt_->setWordWrap(true);
    field_ = new PinField(this);
    field_->setObjectName(QStringLiteral("pinField"));
    length_ = new QLabel(this);
    length_->setObjectName(QStringLiteral("pinLength"));
    tries_ = new QLabel(this);
    tries_->setObjectName(QStringLiteral("pinTries"));
    tries_->setWordWrap(true);
    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("pinError"));
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #b00020"));
    login_ = new QPushButton(this);
    login_->setObjectName(QStringLiteral("pinLogin"));
    defaultButton_ = login_;
    focusOnShow_ = field_;
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(login_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(holder_);
    layout->addWidget(prompt_);
    layout->addWidget(field_);
    layout->addWidget(length_);
    layout->addWidget(tries_);
    layout->addWidget(error_);
    layout->addStretch();
    layout->addLayout(buttons);
    connect(field_, &PinField::lengthChanged, this, &PinPage::updateLength);
    connect(field_, &PinField::submitted, this, &PinPage::submit);
    connect(login_, &QPushButton::clicked, this, &PinPage::submit);
    retranslate();
    refresh();
}

void PinPage::retranslate()
{
    prompt_->setText(tr("請輸入憑證密碼（Pin Code）後按【登入】。"));
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
    length_->setStyleSheet(fits || length == 0 ? QString() : QStringLiteral("color: #a15c00"));
    login_->setEnabled(fits && !controller_.busy());
}

void PinPage::refresh()
{
    const auto* card = controller_.card();
    const auto* certificate = card ? card->signingCertificate() : nullptr;
    holder_->setText(certificate ? tr("持卡人：%1").arg(certificate->holderName) : QString());
    field_->setMaximumLength(controller_.pinMaxLength());
    field_->setLettersAllowed(controller_.pinAllowsLetters());

    const auto tries = controller_.pinStatus().triesLeft;
    switch (controller_.pinLevel()) {
    case PinLevel::Normal:
        tries_->setText(tries ? tr("剩餘 %1 次嘗試機會。連續錯誤 3 次將會鎖卡。").arg(*tries)
                              : tr("連續錯誤 3 次將會鎖卡。"));
        tries_->setStyleSheet(QString());
        break;
    case PinLevel::TriesLow:
        tries_->setText(tries ? tr("注意：只剩 %1 次嘗試機會，用完將會鎖卡。").arg(*tries)
                              : tr("注意：上次輸入的密碼錯誤，連續錯誤 3 次將會鎖卡。"));
        tries_->setStyleSheet(QStringLiteral("color: #a15c00"));
        break;
    case PinLevel::FinalTry:
    case PinLevel::Locked:
        tries_->setText(tr("最後一次機會：若密碼再錯誤，卡片將被鎖住。送出前會再請您確認。"));
        tries_->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold"));
        break;
    }

    if (const auto& problem = controller_.problem())
        error_->setText(problem->message);
    else if (const auto left = controller_.wrongPinTriesLeft())
        error_->setText(tr("輸入的憑證密碼（Pin Code）錯誤，剩餘 %1 次嘗試機會。").arg(*left));
    else
        error_->clear();
    updateLength();
    if (isVisible())
        field_->setFocus();
}

} // namespace ui
