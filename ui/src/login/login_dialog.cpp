#include "ui/login/login_dialog.hpp"

#include "core/login/login_controller.hpp"
#include "core/login/login_service.hpp"
#include "ui/app_context.hpp"
#include "ui/login/account_setup_page.hpp"
#include "ui/login/activation_page.hpp"
#include "ui/login/card_page.hpp"
#include "ui/login/error_page.hpp"
#include "ui/login/final_try_page.hpp"
#include "ui/login/locked_page.hpp"
#include "ui/login/password_page.hpp"
#include "ui/login/pin_page.hpp"
#include "ui/login/waiting_page.hpp"
#include "ui/login/working_page.hpp"

#include <QEvent>
#include <QHBoxLayout>
#include <QPushButton>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace ui {

using core::login::LoginStep;

LoginDialog::LoginDialog(AppContext& context, QWidget* parent)
    : QDialog(parent)
    , context_(context)
    , service_(core::login::LoginService::over(*context.service))
{
    controller_ = new core::login::LoginController(
        *context.cards, *service_, *context.session, context.settings, this);

    stack_ = new QStackedWidget(this);
    auto& c = *controller_;
    addPage(LoginStep::Waiting, new WaitingPage(c, stack_));
    addPage(LoginStep::Card, new CardPage(c, stack_));
    addPage(LoginStep::Pin, new PinPage(c, stack_));
    addPage(LoginStep::ConfirmFinalTry, new FinalTryPage(c, stack_));
    addPage(LoginStep::Working, new WorkingPage(c, stack_));
    addPage(LoginStep::Locked, new LockedPage(c, stack_));
    addPage(LoginStep::Activation, new ActivationPage(c, stack_));
    addPage(LoginStep::AccountSetup, new AccountSetupPage(c, stack_));
    addPage(LoginStep::PasswordLogin, new PasswordPage(c, stack_));
    addPage(LoginStep::Failed, new ErrorPage(c, stack_));
    pages_.insert(int(LoginStep::ReadingCard), pages_.value(int(LoginStep::Waiting)));
    pages_.insert(int(LoginStep::Done), pages_.value(int(LoginStep::Working)));

    passwordLogin_ = new QPushButton(this);
    passwordLogin_->setObjectName(QStringLiteral("toPasswordLogin"));
    passwordLogin_->setAutoDefault(false);
    offline_ = new QPushButton(this);
    offline_->setObjectName(QStringLiteral("workOffline"));
    offline_->setAutoDefault(false);
    environment_ = new QPushButton(this);
    environment_->setObjectName(QStringLiteral("environmentCheck"));
    environment_->setAutoDefault(false);
    // The page's controls come first (created before), then the bar left to right.
    setTabOrder(passwordLogin_, environment_);
    setTabOrder(environment_, offline_);
    auto* bar = new QHBoxLayout;
    bar->addWidget(passwordLogin_);
    bar->addWidget(environment_);
    bar->addStretch();
    bar->addWidget(offline_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(stack_, 1);
    layout->addLayout(bar);

    connect(passwordLogin_, &QPushButton::clicked, this, &LoginDialog::showPasswordLogin);
    connect(offline_, &QPushButton::clicked, this, &LoginDialog::reject);
    connect(environment_, &QPushButton::clicked, this, &LoginDialog::environmentCheckRequested);
    connect(controller_, &core::login::LoginController::stepChanged, this, &LoginDialog::showStep);
    connect(
        controller_, &core::login::LoginController::problemChanged, this, &LoginDialog::showStep);
    connect(controller_, &core::login::LoginController::busyChanged, this, &LoginDialog::showStep);
    connect(
        controller_, &core::login::LoginController::readersChanged, this, &LoginDialog::showStep);
    connect(controller_, &core::login::LoginController::nhiIdNumberRead, this,
        [this](const QString& id) {
            static_cast<PasswordPage*>(page(LoginStep::PasswordLogin))->prefillIdNumber(id);
        });
    connect(controller_, &core::login::LoginController::finished, this, &QDialog::accept);

    // One size in both languages and on every page: the window does not jump as pages change.
    setFixedSize(fixedSize);
    retranslate();
    controller_->start();
    showStep();
    QTimer::singleShot(cannotStartGraceMs, this, &LoginDialog::checkCanStart);
}

void LoginDialog::checkCanStart()
{
    if (askedForEnvironmentCheck_ || !controller_ || controller_->step() != LoginStep::Waiting)
        return;
    if (controller_->serviceAvailable() && !controller_->readers().isEmpty())
        return; // a reader is there: the clerk only has to insert the card
    askedForEnvironmentCheck_ = true;
    emit environmentCheckRequested();
}

LoginDialog::~LoginDialog()
{
    controller_->cancel();
    delete controller_; // before the card service it listens to
    controller_ = nullptr;
}

void LoginDialog::addPage(LoginStep step, LoginPage* page)
{
    pages_.insert(int(step), page);
    stack_->addWidget(page);
}

LoginPage* LoginDialog::page(LoginStep step) const
{
    return pages_.value(int(step));
}

LoginPage* LoginDialog::currentPage() const
{
    return static_cast<LoginPage*>(stack_->currentWidget());
}

void LoginDialog::showPasswordLogin()
{
    controller_->showPasswordLogin();
}

void LoginDialog::reject()
{
    controller_->cancel();
    QDialog::reject();
}

void LoginDialog::showStep()
{
    if (!controller_)
        return;
    const LoginStep step = controller_->step();
    LoginPage* shown = page(step);
    LoginPage* previous = currentPage();
    shown->refresh();
    stack_->setCurrentWidget(shown);
    if (previous && previous != shown)
        previous->refresh(); // lets the page left behind drop what it held (passwords)
    passwordLogin_->setVisible(step != LoginStep::PasswordLogin && step != LoginStep::AccountSetup
        && step != LoginStep::Done);
    passwordLogin_->setEnabled(!controller_->busy());
}

void LoginDialog::retranslate()
{
    setWindowTitle(tr("事求人機關徵才系統 — 登入"));
    passwordLogin_->setText(tr("以帳號密碼登入"));
    offline_->setText(tr("離線作業"));
    environment_->setText(tr("環境檢測…"));
}

void LoginDialog::changeEvent(QEvent* event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

} // namespace ui
