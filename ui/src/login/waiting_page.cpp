#include "ui/login/waiting_page.hpp"

#include "core/login/login_controller.hpp"

#include <QLabel>
#include <QVBoxLayout>

namespace ui {

using core::login::LoginStep;

WaitingPage::WaitingPage(core::login::LoginController& controller, QWidget* parent)
    : LoginPage(controller, parent)
{
    heading_ = makeHeading();
    heading_->setObjectName(QStringLiteral("heading"));
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("waitingStatus"));
    status_->setWordWrap(true);
    readers_ = new QLabel(this);
    readers_->setObjectName(QStringLiteral("readerList"));
    readers_->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(); // the content in the middle of the fixed-size dialog
    layout->addWidget(heading_);
    layout->addWidget(status_);
    layout->addWidget(readers_);
    layout->addStretch();
    retranslate();
    refresh();
}

void WaitingPage::retranslate()
{
    heading_->setText(tr("請插入自然人憑證或機關憑證"));
}

void WaitingPage::refresh()
{
    const auto readers = controller_.readers();
    bool anyCard = false;
    QStringList lines;
    for (const auto& reader : readers) {
        anyCard = anyCard || reader.cardPresent;
        lines << (reader.cardPresent ? tr("%1：有卡片").arg(reader.name)
                                     : tr("%1：沒有卡片").arg(reader.name));
    }
    if (!controller_.serviceAvailable())
        status_->setText(tr("智慧卡服務（pcscd）沒有執行，無法使用讀卡機。請啟動智慧卡服務，"
                            "或改用帳號密碼登入。"));
    else if (controller_.step() == LoginStep::ReadingCard)
        status_->setText(tr("正在讀取卡片，請勿取出…"));
    else if (readers.isEmpty())
        status_->setText(tr("找不到讀卡機。請接上讀卡機。"));
    else if (!anyCard)
        status_->setText(tr("請將卡片插入讀卡機。"));
    else
        status_->setText(tr("正在讀取卡片…"));
    readers_->setText(lines.join(QLatin1Char('\n')));
}

} // namespace ui
