#include "ui/login/card_page.hpp"

#include "core/domain/roc_date.hpp"
#include "core/login/login_controller.hpp"

#include <QLabel>
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
    details_->setWordWrap(true);
    notice_ = new QLabel(this);
    notice_->setObjectName(QStringLiteral("cardNotice"));
    notice_->setWordWrap(true);
    notice_->setStyleSheet(QStringLiteral("color: #b00020"));
    auto* layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(heading_);
    layout->addWidget(details_);
    layout->addWidget(notice_);
    layout->addStretch();
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

QString CardPage::summary(const core::login::LoginController& controller)
{
    const auto* card = controller.card();
    if (!card)
        return {};
    const auto* certificate = card->signingCertificate();
    QStringList lines;
    if (certificate)
        lines << tr("持卡人：%1").arg(certificate->holderName);
    lines << tr("卡片種類：%1").arg(kindName(card->kind));
    if (!card->cardNumber.isEmpty())
        lines << tr("卡號：%1").arg(card->cardNumber);
    if (certificate)
        lines << tr("憑證有效期間：%1 至 %2")
                     .arg(rocDate(certificate->notBefore), rocDate(certificate->notAfter));
    if (const auto tries = controller.pinStatus().triesLeft)
        lines << tr("密碼剩餘嘗試次數：%1").arg(*tries);
    return lines.join(QLatin1Char('\n'));
}

void CardPage::retranslate()
{
    heading_->setText(tr("讀卡機中的卡片"));
}

void CardPage::refresh()
{
    details_->setText(summary(controller_));
    switch (controller_.card() ? controller_.validity() : CertificateValidity::Valid) {
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
}

} // namespace ui
