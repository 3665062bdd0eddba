#include "ui/login/error_page.hpp"

#include "core/login/login_controller.hpp"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

ErrorPage::ErrorPage(core::login::LoginController& controller, QWidget* parent)
    : LoginPage(controller, parent)
{
    heading_ = makeHeading();
    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("errorMessage"));
    message_->setWordWrap(true);
    message_->setTextFormat(Qt::PlainText);
    retry_ = new QPushButton(this);
    retry_->setObjectName(QStringLiteral("errorRetry"));
    back_ = new QPushButton(this);
    back_->setObjectName(QStringLiteral("errorBack"));
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(back_);
    buttons->addWidget(retry_);
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(); // the content in the middle of the fixed-size dialog
    layout->addWidget(heading_);
    layout->addWidget(message_);
    layout->addStretch();
    layout->addLayout(buttons);
    connect(retry_, &QPushButton::clicked, this, [this] { controller_.retry(); });
    connect(back_, &QPushButton::clicked, this, [this] { controller_.backToCard(); });
    retranslate();
    refresh();
}

void ErrorPage::retranslate()
{
    heading_->setText(tr("登入失敗"));
    retry_->setText(tr("重試"));
    back_->setText(tr("重新插卡登入"));
}

void ErrorPage::refresh()
{
    const auto& problem = controller_.problem();
    message_->setText(problem ? problem->message : QString());
    retry_->setVisible(problem && problem->retryMakesSense);
}

} // namespace ui
