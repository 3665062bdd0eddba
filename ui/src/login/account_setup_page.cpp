#include "ui/login/account_setup_page.hpp"

#include "core/auth/password_policy.hpp"
#include "core/login/login_controller.hpp"
#include "ui/widgets/password_rule_checklist.hpp"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

AccountSetupPage::AccountSetupPage(core::login::LoginController& controller, QWidget* parent)
    : LoginPage(controller, parent)
{
    intro_ = new QLabel(this);
    intro_->setWordWrap(true);
    accountLabel_ = new QLabel(this);
    account_ = new QLineEdit(this);
    account_->setObjectName(QStringLiteral("setupAccount"));
    account_->setMaxLength(30);
    accountCheck_ = new QLabel(this);
    accountCheck_->setObjectName(QStringLiteral("setupAccountCheck"));
    emailLabel_ = new QLabel(this);
    email_ = new QLineEdit(this);
    email_->setObjectName(QStringLiteral("setupEmail"));
    passwordLabel_ = new QLabel(this);
    password_ = new QLineEdit(this);
    password_->setObjectName(QStringLiteral("setupPassword"));
    password_->setEchoMode(QLineEdit::Password);
    confirmLabel_ = new QLabel(this);
    confirm_ = new QLineEdit(this);
    confirm_->setObjectName(QStringLiteral("setupConfirm"));
    confirm_->setEchoMode(QLineEdit::Password);
    checklist_ = new PasswordRuleChecklist(this);
    checklist_->setObjectName(QStringLiteral("setupChecklist"));
    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("setupError"));
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #b00020"));
    submit_ = new QPushButton(this);
    submit_->setObjectName(QStringLiteral("setupSubmit"));
    defaultButton_ = submit_;
    focusOnShow_ = account_;

    auto* form = new QFormLayout;
    form->addRow(accountLabel_, account_);
    form->addRow(QString(), accountCheck_);
    form->addRow(emailLabel_, email_);
    form->addRow(passwordLabel_, password_);
    form->addRow(confirmLabel_, confirm_);
    // The labels name the fields for a screen reader too.
    accountLabel_->setBuddy(account_);
    emailLabel_->setBuddy(email_);
    passwordLabel_->setBuddy(password_);
    confirmLabel_->setBuddy(confirm_);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(submit_);
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(); // the content in the middle of the fixed-size dialog
    layout->addWidget(intro_);
    layout->addLayout(form);
    layout->addWidget(checklist_);
    layout->addWidget(error_);
    layout->addStretch();
    layout->addLayout(buttons);

    for (QLineEdit* edit : { account_, email_, password_, confirm_ })
        connect(edit, &QLineEdit::textChanged, this, &AccountSetupPage::updateState);
    connect(submit_, &QPushButton::clicked, this, [this] {
        updateState();
        if (!submit_->isEnabled())
            return;
        controller_.setUpAccount(
            account_->text().trimmed(), email_->text().trimmed(), password_->text());
    });
    retranslate();
    refresh();
}

void AccountSetupPage::retranslate()
{
    intro_->setText(tr("為增進個人資料之安全性，請先設定自訂帳號後才能使用本系統其他服務。\n"
                       "請設定自訂帳號、電子郵件及登入密碼，輸入新密碼兩次後，點選【送出】。"));
    accountLabel_->setText(tr("自訂帳號："));
    emailLabel_->setText(tr("電子郵件："));
    passwordLabel_->setText(tr("新密碼："));
    confirmLabel_->setText(tr("確認新密碼："));
    submit_->setText(tr("送出"));
    updateState();
}

void AccountSetupPage::updateState()
{
    checklist_->setPassword(password_->text(), confirm_->text());
    const QString account = account_->text().trimmed();
    const QStringList accountFailures = core::auth::accountNameFailures(account);
    if (account.isEmpty())
        accountCheck_->setText(tr("4 至 30 個字元，英文字母開頭，可用英文字母、數字及 . _ -"));
    else if (accountFailures.contains(QStringLiteral("account-looks-like-id")))
        accountCheck_->setText(tr("自訂帳號不可與身分證號同格式。"));
    else if (!accountFailures.isEmpty())
        accountCheck_->setText(tr("4 至 30 個字元，英文字母開頭，可用英文字母、數字及 . _ -"));
    else
        accountCheck_->setText(tr("自訂帳號格式正確"));
    accountCheck_->setStyleSheet(!account.isEmpty() && !accountFailures.isEmpty()
            ? QStringLiteral("color: #b00020")
            : QString());
    const bool ready = !account.isEmpty() && accountFailures.isEmpty()
        && core::auth::isPlausibleEmail(email_->text().trimmed()) && checklist_->satisfied();
    submit_->setEnabled(ready && !controller_.busy());
}

void AccountSetupPage::refresh()
{
    if (controller_.step() != core::login::LoginStep::AccountSetup) {
        // Done or gone: the password is not kept in the fields.
        password_->clear();
        confirm_->clear();
    }
    const auto& problem = controller_.problem();
    error_->setText(problem ? problem->message : QString());
    updateState();
}

} // namespace ui
