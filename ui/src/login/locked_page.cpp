#include "ui/login/locked_page.hpp"

#include "core/login/login_controller.hpp"
#include "ui/login/url_opener.hpp"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

using core::login::UnblockSite;

namespace {

UnblockSite siteOf(const core::login::LoginController& controller)
{
    const auto* card = controller.card();
    return core::login::unblockSiteFor(card ? card->kind : QString());
}

} // namespace

LockedPage::LockedPage(core::login::LoginController& controller, QWidget* parent)
    : LoginPage(controller, parent)
{
    heading_ = makeHeading();
    heading_->setObjectName(QStringLiteral("lockedHeading"));
    heading_->setStyleSheet(QStringLiteral("color: #b00020"));
    holder_ = new QLabel(this);
    holder_->setObjectName(QStringLiteral("lockedHolder"));
    holder_->setTextFormat(Qt::PlainText);
    text_ = new QLabel(this);
    text_->setObjectName(QStringLiteral("unblockText"));
    text_->setWordWrap(true);
    text_->setTextFormat(Qt::PlainText);
    text_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    open_ = new QPushButton(this);
    open_->setObjectName(QStringLiteral("unblockOpen"));
    stillPossible_ = new QLabel(this);
    stillPossible_->setObjectName(QStringLiteral("lockedStillPossible"));
    stillPossible_->setWordWrap(true);
    defaultButton_ = open_;
    focusOnShow_ = open_;
    auto* openRow = new QHBoxLayout;
    openRow->addWidget(open_);
    openRow->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(heading_);
    layout->addWidget(holder_);
    layout->addWidget(text_);
    layout->addLayout(openRow);
    layout->addSpacing(8);
    layout->addWidget(stillPossible_);
    layout->addStretch();
    connect(open_, &QPushButton::clicked, this, [this] { urlOpener()(unblockUrl()); });
    retranslate();
    refresh();
}

QUrl LockedPage::unblockUrl() const
{
    return QUrl(core::login::unblockUrl(siteOf(controller_)));
}

void LockedPage::retranslate()
{
    heading_->setText(tr("卡片已鎖住"));
    stillPossible_->setText(tr("解卡之前您仍可以：\n"
                               "・按【以帳號密碼登入】：只能檢視，不能新增、修改或發布徵才公告。\n"
                               "・按【離線作業】：繼續撰寫草稿，解卡後再以卡片登入送出。"));
}

void LockedPage::refresh()
{
    const auto* card = controller_.card();
    const auto* certificate = card ? card->signingCertificate() : nullptr;
    holder_->setText(certificate ? tr("持卡人：%1").arg(certificate->holderName) : QString());
    const UnblockSite site = siteOf(controller_);
    const QString intro
        = tr("憑證密碼（Pin Code）連續錯誤 3 次，卡片已鎖住，必須進行解卡方可再使用。"
             "程式不會再送出任何密碼給這張卡片。");
    const QString where = site == UnblockSite::Gca
        ? tr("機關憑證請至 GCA 政府憑證管理中心網站 %1 進行解卡。")
        : tr("自然人憑證請至 MOICA 內政部憑證管理中心網站 %1 進行解卡。");
    text_->setText(intro + QStringLiteral("\n\n") + where.arg(unblockUrl().toString()));
    open_->setText(site == UnblockSite::Gca ? tr("開啟 GCA 解卡網站") : tr("開啟 MOICA 解卡網站"));
}

} // namespace ui
