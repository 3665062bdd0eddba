#include "ui/login/login_page.hpp"

#include <QEvent>
#include <QLabel>
#include <QPushButton>

namespace ui {

LoginPage::LoginPage(core::login::LoginController& controller, QWidget* parent)
    : QWidget(parent)
    , controller_(controller)
{ }

void LoginPage::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        refresh();
    }
}

void LoginPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (defaultButton_)
        defaultButton_->setDefault(true);
    if (focusOnShow_)
        focusOnShow_->setFocus();
}

QLabel* LoginPage::makeHeading()
{
    auto* heading = new QLabel(this);
    QFont font = heading->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.2);
    heading->setFont(font);
    heading->setWordWrap(true);
    return heading;
}

} // namespace ui
