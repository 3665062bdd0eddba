#include "ui/login/activation_page.hpp"

#include "core/domain/taiwan_id.hpp"
#include "core/login/login_controller.hpp"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

ActivationPage::ActivationPage(core::login::LoginController& controller, QWidget* parent)
    : LoginPage(controller, parent)
{
    intro_ = new QLabel(this);
    intro_->setWordWrap(true);
    label_ = new QLabel(this);
    entry_ = new QLineEdit(this);
    entry_->setObjectName(QStringLiteral("activationEntry"));
    entry_->setMaxLength(30);
    label_->setBuddy(entry_);
    check_ = new QLabel(this);
    check_->setObjectName(QStringLiteral("activationIdCheck"));
    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("activationError"));
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #b00020"));
    back_ = new QPushButton(this);
    back_->setObjectName(QStringLiteral("activationBack"));
    next_ = new QPushButton(this);
    next_->setObjectName(QStringLiteral("activationNext"));
    defaultButton_ = next_;
    focusOnShow_ = entry_;
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(back_);
    buttons->addWidget(next_);
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(); // the content in the middle of the fixed-size dialog
    layout->addWidget(intro_);
    layout->addWidget(label_);
    layout->addWidget(entry_);
    layout->addWidget(check_);
    layout->addWidget(error_);
    layout->addStretch();
    layout->addLayout(buttons);
    connect(entry_, &QLineEdit::textChanged, this, &ActivationPage::updateCheck);
    connect(entry_, &QLineEdit::returnPressed, next_, &QPushButton::click);
    connect(back_, &QPushButton::clicked, this, [this] { controller_.backToCard(); });
    connect(next_, &QPushButton::clicked, this, [this] {
        const QString text = entry_->text().trimmed();
        controller_.activate(looksLikeId(text) ? text.toUpper() : text);
    });
    retranslate();
    refresh();
}

bool ActivationPage::looksLikeId(const QString& text)
{
    return text.size() >= 2 && text.at(0).isLetter() && text.at(0).unicode() < 128
        && text.at(1).isDigit();
}

void ActivationPage::retranslate()
{
    intro_->setText(
        tr("第 1 次使用憑證登入本系統，請輸入自訂帳號（如無自訂帳號者則請輸入身分證號），"
           "再按【下一步】，即可進行身分首次驗證。"));
    label_->setText(tr("自訂帳號或身分證號："));
    back_->setText(tr("上一步"));
    next_->setText(tr("下一步"));
    updateCheck();
}

void ActivationPage::updateCheck()
{
    const QString text = entry_->text().trimmed();
    bool acceptable = !text.isEmpty();
    if (looksLikeId(text)) {
        const bool valid = core::domain::isValidTaiwanId(text.toUpper());
        acceptable = valid;
        if (text.size() < 10) {
            check_->setText(tr("身分證號共 10 碼（已輸入 %1 碼）").arg(text.size()));
            check_->setStyleSheet(QString());
        } else {
            check_->setText(valid ? tr("身分證號格式正確") : tr("身分證號格式或檢查碼不正確"));
            check_->setStyleSheet(
                valid ? QStringLiteral("color: #1b5e20") : QStringLiteral("color: #b00020"));
        }
    } else {
        check_->clear();
    }
    next_->setEnabled(acceptable && !controller_.busy());
}

void ActivationPage::refresh()
{
    const auto& problem = controller_.problem();
    error_->setText(problem ? problem->message : QString());
    if (controller_.busy())
        error_->setText(tr("此時將進入自訂帳號或身分證號驗證，請稍候等待結果。"));
    updateCheck();
}

} // namespace ui
