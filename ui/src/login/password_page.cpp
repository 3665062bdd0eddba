#include "ui/login/password_page.hpp"

#include "core/login/login_controller.hpp"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

PasswordPage::PasswordPage(core::login::LoginController& controller, QWidget* parent)
    : LoginPage(controller, parent)
{
    note_ = new QLabel(this);
    note_->setObjectName(QStringLiteral("passwordNote"));
    note_->setWordWrap(true);
    note_->setStyleSheet(QStringLiteral("color: #a15c00"));
    accountLabel_ = new QLabel(this);
    account_ = new QLineEdit(this);
    account_->setObjectName(QStringLiteral("passwordAccount"));
    passwordLabel_ = new QLabel(this);
    password_ = new QLineEdit(this);
    password_->setObjectName(QStringLiteral("passwordSecret"));
    password_->setEchoMode(QLineEdit::Password);
    nhi_ = new QLabel(this);
    nhi_->setObjectName(QStringLiteral("passwordNhi"));
    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("passwordError"));
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #b00020"));
    useCard_ = new QPushButton(this);
    useCard_->setObjectName(QStringLiteral("passwordUseCard"));
    login_ = new QPushButton(this);
    login_->setObjectName(QStringLiteral("passwordLogin"));
    defaultButton_ = login_;
    focusOnShow_ = account_;
    auto* form = new QFormLayout;
    form->addRow(accountLabel_, account_);
    form->addRow(passwordLabel_, password_);
    // The labels name the fields for a screen reader too.
    accountLabel_->setBuddy(account_);
    passwordLabel_->setBuddy(password_);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(useCard_);
    buttons->addWidget(login_);
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(); // the content in the middle of the fixed-size dialog
    layout->addWidget(note_);
    layout->addLayout(form);
    layout->addWidget(nhi_);
    layout->addWidget(error_);
    layout->addStretch();
    layout->addLayout(buttons);
    connect(account_, &QLineEdit::textChanged, this, &PasswordPage::updateButton);
    connect(password_, &QLineEdit::textChanged, this, &PasswordPage::updateButton);
    connect(password_, &QLineEdit::returnPressed, login_, &QPushButton::click);
    connect(useCard_, &QPushButton::clicked, this, [this] { controller_.backToCard(); });
    connect(login_, &QPushButton::clicked, this, [this] {
        const QString secret = password_->text();
        password_->clear(); // the password is not kept in the field
        controller_.loginWithPassword(account_->text(), secret);
    });
    retranslate();
    refresh();
}

void PasswordPage::retranslate()
{
    note_->setText(
        tr("以帳號密碼登入只能查看職缺；新增、修改或刪除職缺須以自然人憑證或機關憑證登入。"));
    accountLabel_->setText(tr("帳號："));
    passwordLabel_->setText(tr("密碼："));
    useCard_->setText(tr("改用憑證登入"));
    login_->setText(tr("登入"));
    nhi_->setText(prefilled_.isEmpty() ? QString() : tr("已由健保卡帶入身分證號。"));
}

void PasswordPage::prefillIdNumber(const QString& idNumber)
{
    // Only into an empty field, or over an earlier card's number: never over what was typed.
    if (!account_->text().isEmpty() && account_->text() != prefilled_)
        return;
    prefilled_ = idNumber;
    account_->setText(idNumber);
    retranslate();
}

void PasswordPage::updateButton()
{
    login_->setEnabled(!account_->text().trimmed().isEmpty() && !password_->text().isEmpty()
        && !controller_.busy());
}

void PasswordPage::refresh()
{
    const auto& problem = controller_.problem();
    error_->setText(problem ? problem->message : QString());
    if (!controller_.nhiIdNumber().isEmpty())
        prefillIdNumber(controller_.nhiIdNumber());
    updateButton();
}

} // namespace ui
