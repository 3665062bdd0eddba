#include "ui/login/final_try_page.hpp"

#include "core/login/login_controller.hpp"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

FinalTryPage::FinalTryPage(core::login::LoginController& controller, QWidget* parent)
    : LoginPage(controller, parent)
{
    heading_ = makeHeading();
    heading_->setObjectName(QStringLiteral("finalTryHeading"));
    heading_->setStyleSheet(QStringLiteral("color: #b00020"));
    holder_ = new QLabel(this);
    holder_->setObjectName(QStringLiteral("finalTryHolder"));
    holder_->setTextFormat(Qt::PlainText);
    warning_ = new QLabel(this);
    warning_->setObjectName(QStringLiteral("finalTryWarning"));
    warning_->setWordWrap(true);
    confirm_ = new QPushButton(this);
    confirm_->setObjectName(QStringLiteral("finalTryConfirm"));
    cancel_ = new QPushButton(this);
    cancel_->setObjectName(QStringLiteral("finalTryCancel"));
    // Enter must not burn the last try: it cancels, and 確定送出 is never a default.
    confirm_->setAutoDefault(false);
    defaultButton_ = cancel_;
    focusOnShow_ = cancel_;
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(cancel_);
    buttons->addWidget(confirm_);
    auto* layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(heading_);
    layout->addWidget(holder_);
    layout->addWidget(warning_);
    layout->addStretch();
    layout->addLayout(buttons);
    setTabOrder(cancel_, confirm_);
    connect(confirm_, &QPushButton::clicked, this, [this] { controller_.confirmFinalTry(); });
    connect(cancel_, &QPushButton::clicked, this, [this] { controller_.cancelFinalTry(); });
    retranslate();
    refresh();
}

void FinalTryPage::retranslate()
{
    heading_->setText(tr("最後一次嘗試機會"));
    warning_->setText(
        tr("這是最後一次嘗試機會。若密碼錯誤，卡片將被鎖住，必須進行解卡方可再使用。\n"
           "確定要送出這組密碼嗎？"));
    confirm_->setText(tr("確定送出"));
    cancel_->setText(tr("取消，重新輸入"));
}

void FinalTryPage::refresh()
{
    const auto* card = controller_.card();
    const auto* certificate = card ? card->signingCertificate() : nullptr;
    holder_->setText(certificate ? tr("持卡人：%1").arg(certificate->holderName) : QString());
}

} // namespace ui
