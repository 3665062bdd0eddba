#include "ui/account/account_dialog.hpp"

#include "core/api/service_client.hpp"
#include "core/auth/password_policy.hpp"
#include "core/session/service_runner.hpp"
#include "core/session/session_state.hpp"
#include "ui/account/account_messages.hpp"
#include "ui/widgets/password_rule_checklist.hpp"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ui {

using core::api::AccountChange;
using core::api::Result;
using core::api::ServiceClient;

namespace {

constexpr int maxPhoneLength = 30;
constexpr int maxEmailLength = 254;
constexpr int maxPasswordLength = 128;

QLineEdit* passwordEdit(QWidget* parent)
{
    auto* edit = new QLineEdit(parent);
    edit->setEchoMode(QLineEdit::Password);
    edit->setMaxLength(maxPasswordLength);
    edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText);
    return edit;
}

} // namespace

AccountDialog::AccountDialog(AppContext& context, QWidget* parent)
    : QDialog(parent)
    , context_(context)
    , tabs_(new QTabWidget(this))
    , close_(new QPushButton(this))
{
    auto* layout = new QVBoxLayout(this);
    intro_ = new QLabel(this);
    intro_->setWordWrap(true);
    layout->addWidget(intro_);
    tabs_->addTab(buildProfilePage(), QString());
    tabs_->addTab(buildPasswordPage(), QString());
    layout->addWidget(tabs_);
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(close_, QDialogButtonBox::RejectRole);
    layout->addWidget(buttons);
    connect(close_, &QPushButton::clicked, this, &QDialog::reject);

    const bool agency = isAgencySession();
    tabs_->setEnabled(!agency);
    intro_->setVisible(agency);
    current_->setVisible(needsCurrentPassword());
    currentLabel_->setVisible(needsCurrentPassword());
    profileCurrent_->setVisible(needsCurrentPassword());
    profileCurrentLabel_->setVisible(needsCurrentPassword());
    showAccount(context_.session ? context_.session->info().account : QJsonObject());
    retranslate();
    updatePasswordButton();
    if (!agency)
        refresh();
}

AccountDialog::~AccountDialog() = default;

QWidget* AccountDialog::buildProfilePage()
{
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    accountLabel_ = new QLabel(page);
    account_ = new QLabel(page);
    account_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(accountLabel_, account_);
    emailLabel_ = new QLabel(page);
    email_ = new QLineEdit(page);
    email_->setMaxLength(maxEmailLength);
    email_->setInputMethodHints(Qt::ImhEmailCharactersOnly);
    emailLabel_->setBuddy(email_);
    form->addRow(emailLabel_, email_);
    phoneLabel_ = new QLabel(page);
    phone_ = new QLineEdit(page);
    phone_->setMaxLength(maxPhoneLength);
    phoneLabel_->setBuddy(phone_);
    form->addRow(phoneLabel_, phone_);
    profileCurrentLabel_ = new QLabel(page);
    profileCurrent_ = passwordEdit(page);
    profileCurrentLabel_->setBuddy(profileCurrent_);
    form->addRow(profileCurrentLabel_, profileCurrent_);
    saveProfile_ = new QPushButton(page);
    form->addRow(QString(), saveProfile_);
    profileMessage_ = new QLabel(page);
    profileMessage_->setWordWrap(true);
    form->addRow(profileMessage_);
    connect(saveProfile_, &QPushButton::clicked, this, &AccountDialog::saveProfile);
    return page;
}

QWidget* AccountDialog::buildPasswordPage()
{
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    currentLabel_ = new QLabel(page);
    current_ = passwordEdit(page);
    currentLabel_->setBuddy(current_);
    form->addRow(currentLabel_, current_);
    newLabel_ = new QLabel(page);
    newPassword_ = passwordEdit(page);
    newLabel_->setBuddy(newPassword_);
    form->addRow(newLabel_, newPassword_);
    confirmLabel_ = new QLabel(page);
    confirm_ = passwordEdit(page);
    confirmLabel_->setBuddy(confirm_);
    form->addRow(confirmLabel_, confirm_);
    checklist_ = new PasswordRuleChecklist(page);
    form->addRow(checklist_);
    auto* row = new QHBoxLayout;
    submitPassword_ = new QPushButton(page);
    clearPassword_ = new QPushButton(page);
    row->addWidget(submitPassword_);
    row->addWidget(clearPassword_);
    row->addStretch(1);
    form->addRow(row);
    passwordMessage_ = new QLabel(page);
    passwordMessage_->setWordWrap(true);
    form->addRow(passwordMessage_);

    const auto edited = [this] {
        checklist_->setPassword(newPassword_->text(), confirm_->text());
        updatePasswordButton();
    };
    connect(newPassword_, &QLineEdit::textChanged, this, edited);
    connect(confirm_, &QLineEdit::textChanged, this, edited);
    connect(current_, &QLineEdit::textChanged, this, [this] { updatePasswordButton(); });
    connect(submitPassword_, &QPushButton::clicked, this, &AccountDialog::changePassword);
    connect(clearPassword_, &QPushButton::clicked, this, [this] {
        current_->clear();
        newPassword_->clear();
        confirm_->clear();
        showMessage(passwordMessage_, {}, false);
    });
    return page;
}

void AccountDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void AccountDialog::retranslate()
{
    setWindowTitle(tr("我的專區"));
    intro_->setText(tr("以機關憑證登入時沒有個人帳號，沒有個人資料或密碼可修改。"));
    tabs_->setTabText(0, tr("個人資料修改"));
    tabs_->setTabText(1, tr("修改密碼"));
    accountLabel_->setText(tr("自訂帳號："));
    emailLabel_->setText(tr("電子郵件："));
    phoneLabel_->setText(tr("個人電話："));
    saveProfile_->setText(tr("修改個人資料"));
    currentLabel_->setText(tr("目前密碼："));
    profileCurrentLabel_->setText(tr("目前密碼："));
    newLabel_->setText(tr("新密碼："));
    confirmLabel_->setText(tr("確認新密碼："));
    submitPassword_->setText(tr("送出"));
    clearPassword_->setText(tr("取消"));
    close_->setText(tr("關閉"));
    if (profileWording_)
        profileMessage_->setText(profileWording_());
    if (passwordWording_)
        passwordMessage_->setText(passwordWording_());
}

bool AccountDialog::isAgencySession() const
{
    return context_.session && context_.session->isAgencySession();
}

bool AccountDialog::needsCurrentPassword() const
{
    // A card proves the person; a password session must type the current password again.
    return !context_.session
        || context_.session->info().assurance != core::api::Assurance::Certificate;
}

void AccountDialog::showAccount(const QJsonObject& account)
{
    account_->setText(account.value(QLatin1String("account")).toString());
    email_->setText(account.value(QLatin1String("email")).toString());
    phone_->setText(account.value(QLatin1String("phone")).toString());
}

void AccountDialog::refresh()
{
    if (!context_.service)
        return;
    context_.service->run<QJsonObject>(
        this, [](ServiceClient& client) { return client.account(); },
        [this](const Result<QJsonObject>& result) {
            // Only fill what the clerk has not started to change.
            if (!result.ok() || busy_ || email_->isModified() || phone_->isModified())
                return;
            showAccount(*result);
            if (context_.session)
                context_.session->updateAccount(*result);
        });
}

void AccountDialog::setBusy(bool busy)
{
    busy_ = busy;
    saveProfile_->setEnabled(!busy);
    updatePasswordButton();
}

void AccountDialog::updatePasswordButton()
{
    const bool currentOk = !needsCurrentPassword() || !current_->text().isEmpty();
    submitPassword_->setEnabled(!busy_ && checklist_->satisfied() && currentOk);
}

void AccountDialog::showMessage(QLabel* label, Wording wording, bool error)
{
    (label == profileMessage_ ? profileWording_ : passwordWording_) = wording;
    label->setText(wording ? wording() : QString());
    label->setStyleSheet(error ? QStringLiteral("color: #a11;") : QString());
}

void AccountDialog::saveProfile()
{
    if (busy_ || !context_.service)
        return;
    const QString email = email_->text().trimmed();
    const QString phone = phone_->text().trimmed();
    if (!core::auth::isPlausibleEmail(email)) {
        showMessage(
            profileMessage_, [] { return tr("電子郵件格式不正確。"); }, true);
        emit failed(profileMessage_->text());
        return;
    }
    if (needsCurrentPassword() && profileCurrent_->text().isEmpty()) {
        showMessage(
            profileMessage_, [] { return tr("請輸入目前密碼。"); }, true);
        emit failed(profileMessage_->text());
        return;
    }
    AccountChange change;
    change.email = email;
    change.phone = phone;
    if (needsCurrentPassword())
        change.currentPassword = profileCurrent_->text();
    setBusy(true);
    showMessage(
        profileMessage_, [] { return tr("資料送出中…"); }, false);
    context_.service->run<QJsonObject>(
        this, [change](ServiceClient& client) { return client.changeAccount(change); },
        [this](const Result<QJsonObject>& result) {
            setBusy(false);
            profileCurrent_->clear();
            if (!result.ok()) {
                const core::api::Failure failure = result.failure;
                showMessage(
                    profileMessage_, [failure] { return accountFailureText(failure); }, true);
                emit failed(profileMessage_->text());
                return;
            }
            showAccount(*result);
            email_->setModified(false);
            phone_->setModified(false);
            if (context_.session)
                context_.session->updateAccount(*result);
            showMessage(
                profileMessage_, [] { return tr("個人資料已修改。"); }, false);
            emit profileSaved();
        });
}

void AccountDialog::changePassword()
{
    if (busy_ || !context_.service || !submitPassword_->isEnabled())
        return;
    AccountChange change;
    change.newPassword = newPassword_->text();
    if (needsCurrentPassword())
        change.currentPassword = current_->text();
    setBusy(true);
    showMessage(
        passwordMessage_, [] { return tr("資料送出中…"); }, false);
    context_.service->run<QJsonObject>(
        this,
        [change](ServiceClient& client) mutable {
            Result<QJsonObject> result = client.changeAccount(change);
            // The worker's copies of the passwords go as soon as they are sent.
            if (change.newPassword)
                change.newPassword->fill(u'\0');
            if (change.currentPassword)
                change.currentPassword->fill(u'\0');
            return result;
        },
        [this](const Result<QJsonObject>& result) {
            setBusy(false);
            if (!result.ok()) {
                const core::api::Failure failure = result.failure;
                showMessage(
                    passwordMessage_, [failure] { return accountFailureText(failure); }, true);
                if (failure.error == core::api::ServiceError::CurrentPasswordInvalid) {
                    current_->clear();
                    current_->setFocus();
                }
                emit failed(passwordMessage_->text());
                return;
            }
            current_->clear();
            newPassword_->clear();
            confirm_->clear();
            if (context_.session)
                context_.session->updateAccount(*result);
            showMessage(
                passwordMessage_, [] { return tr("密碼已修改，下次請以新密碼登入。"); }, false);
            emit passwordChanged();
        });
}

} // namespace ui

#include "ui/account/moc_account_dialog.cpp"
