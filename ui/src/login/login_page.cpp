#include "ui/login/login_page.hpp"

#include <QEvent>
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

} // namespace ui
