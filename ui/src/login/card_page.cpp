#include "ui/login/card_page.hpp"

#include "core/domain/roc_date.hpp"
#include "core/login/login_controller.hpp"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

using core::login::CertificateValidity;

namespace {

QString rocDate(const QDateTime& utc)
{
    const auto date = core::domain::RocDate::fromDate(utc.toLocalTime().date());
    return date ? date->display() : QString();
}

} // namespace

CardPage::CardPage(core::login::LoginController& controller, QWidget* parent)
    : LoginPage(controller, parent)
{
    heading_ = makeHeading();
    details_ = new QLabel(this);
    details_->setObjectName(QStringLiteral("cardDetails"));
    details_->setTextFormat(Qt::PlainText);
    notice_ = new QLabel(this);
    notice_->setObjectName(QStringLiteral("cardNotice"));
    notice_->setWordWrap(true);
    notice_->setStyleSheet(QStringLiteral("color: #b00020"));
    next_ = new QPushButton(this);
    next_->setObjectName(QStringLiteral("cardNext"));
    defaultButton_ = next_;
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(next_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading_);
    layout->addWidget(details_);
    layout->addWidget(notice_);
    layout->addStretch();
    layout->addLayout(buttons);
    connect(next_, &QPushButton::clicked, this, [this] { controller_.proceedToPin(); });
    retranslate();
    refresh();
}

QString CardPage::kindName(const QString& kind)
{
    if (kind == QLatin1String("gca"))
        return tr("機關憑證");
    if (kind == QLatin1String("nhi"))
        return tr("健保卡");
    if (kind.startsWith(QLatin1String("moica")) || kind == QLatin1String("iso-eid"))
        return tr("自然人憑證");
    return tr("無法辨識的卡片");
}

void CardPage::retranslate()
{
    heading_->setText(tr("讀卡機中的卡片"));
    next_->setText(tr("下一步"));
}

void CardPage::refresh()
{
    const auto* card = controller_.card();
    if (!card) {
        details_->clear();
        notice_->clear();
        next_->setEnabled(false);
        return;
    }
    const auto* certificate = card->signingCertificate();
    QStringList lines;
    lines << tr("卡片種類：%1").arg(kindName(card->kind));
    if (certificate)
        lines << tr("持卡人：%1").arg(certificate->holderName);
    if (!card->cardNumber.isEmpty())
        lines << tr("卡號：%1").arg(card->cardNumber);
    if (certificate)
        lines << tr("憑證有效期間：%1 至 %2")
                     .arg(rocDate(certificate->notBefore), rocDate(certificate->notAfter));
    if (const auto tries = controller_.pinStatus().triesLeft)
        lines << tr("密碼剩餘嘗試次數：%1").arg(*tries);
    details_->setText(lines.join(QLatin1Char('\n')));

    const CertificateValidity validity = controller_.validity();
    switch (validity) {
    case CertificateValidity::Valid:
        notice_->clear();
        break;
    case CertificateValidity::Expired:
        notice_->setText(tr("此卡片的憑證已過期，無法登入。請至憑證管理中心辦理展期或換發。"));
        break;
    case CertificateValidity::NotYetValid:
        notice_->setText(tr("此卡片的憑證尚未生效，無法登入。請於生效日後再試。"));
        break;
    case CertificateValidity::Missing:
        notice_->setText(tr("此卡片沒有可用於登入的憑證。請插入自然人憑證或機關憑證。"));
        break;
    }
    next_->setEnabled(validity == CertificateValidity::Valid && !controller_.busy());
}

} // namespace ui
