#include "ui/login/locked_page.hpp"

#include "core/login/login_controller.hpp"

#include <QLabel>
#include <QVBoxLayout>

namespace ui {

using core::login::UnblockSite;

LockedPage::LockedPage(core::login::LoginController& controller, QWidget* parent)
    : LoginPage(controller, parent)
{
    heading_ = makeHeading();
    heading_->setStyleSheet(QStringLiteral("color: #b00020"));
    text_ = new QLabel(this);
    text_->setObjectName(QStringLiteral("unblockText"));
    text_->setWordWrap(true);
    text_->setTextFormat(Qt::RichText);
    text_->setOpenExternalLinks(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading_);
    layout->addWidget(text_);
    layout->addStretch();
    retranslate();
    refresh();
}

void LockedPage::retranslate()
{
    heading_->setText(tr("卡片已鎖住"));
}

void LockedPage::refresh()
{
    const auto* card = controller_.card();
    const UnblockSite site = core::login::unblockSiteFor(card ? card->kind : QString());
    const QString url = core::login::unblockUrl(site);
    const QString link = QStringLiteral("<a href=\"%1\">%1</a>").arg(url.toHtmlEscaped());
    const QString intro
        = tr("憑證密碼（Pin Code）連續錯誤 3 次，卡片已鎖住，必須進行解卡方可再使用。"
             "程式不會再送出任何密碼給這張卡片。")
              .toHtmlEscaped();
    const QString where = site == UnblockSite::Gca
        ? tr("機關憑證請至 GCA 政府憑證管理中心網站 %1 進行解卡。")
        : tr("自然人憑證請至 MOICA 內政部憑證管理中心網站 %1 進行解卡。");
    text_->setText(intro + QStringLiteral("<br><br>") + where.toHtmlEscaped().arg(link));
}

} // namespace ui
