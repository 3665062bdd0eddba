#include "ui/login/working_page.hpp"

#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

namespace ui {

WorkingPage::WorkingPage(core::login::LoginController& controller, QWidget* parent)
    : LoginPage(controller, parent)
{
    label_ = new QLabel(this);
    label_->setWordWrap(true);
    auto* progress = new QProgressBar(this);
    progress->setRange(0, 0);
    progress->setTextVisible(false);
    auto* layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(label_);
    layout->addWidget(progress);
    layout->addStretch();
    retranslate();
}

void WorkingPage::retranslate()
{
    label_->setText(tr("正在進行電子憑證有效性及密碼檢核，請稍候，勿取出卡片…"));
}

} // namespace ui
