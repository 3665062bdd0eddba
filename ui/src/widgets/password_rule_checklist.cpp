#include "ui/widgets/password_rule_checklist.hpp"

#include "core/auth/password_policy.hpp"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace ui {

using core::auth::PasswordRule;
using core::auth::PasswordRuleResult;

namespace {

// Rows in core's order (checkPasswordRules), then the confirmation row.
const std::vector<PasswordRule>& ruleOrder()
{
    static const std::vector<PasswordRule> order = [] {
        std::vector<PasswordRule> rules;
        for (const PasswordRuleResult& result : core::auth::checkPasswordRules(QString()))
            rules.push_back(result.rule);
        return rules;
    }();
    return order;
}

} // namespace

PasswordRuleChecklist::PasswordRuleChecklist(QWidget* parent)
    : QWidget(parent)
    , heading_(new QLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    heading_->setWordWrap(true);
    layout->addWidget(heading_);
    const int count = static_cast<int>(ruleOrder().size()) + 1;
    for (int row = 0; row < count; ++row) {
        auto* label = new QLabel(this);
        label->setTextFormat(Qt::PlainText);
        layout->addWidget(label);
        rows_.append(label);
        passed_.append(false);
    }
    retranslate();
}

void PasswordRuleChecklist::setPassword(const QString& password, const QString& confirmation)
{
    const std::vector<PasswordRuleResult> results = core::auth::checkPasswordRules(password);
    bool all = true;
    for (size_t i = 0; i < results.size(); ++i) {
        const int row = static_cast<int>(i);
        passed_[row] = results[i].passed;
        all = all && results[i].passed;
    }
    const int confirmRow = rowCount() - 1;
    passed_[confirmRow] = !password.isEmpty() && password == confirmation;
    all = all && passed_[confirmRow];
    for (int row = 0; row < rowCount(); ++row)
        showRow(row);
    if (all != satisfied_) {
        satisfied_ = all;
        emit satisfiedChanged(satisfied_);
    }
}

int PasswordRuleChecklist::rowCount() const
{
    return static_cast<int>(rows_.size());
}

QString PasswordRuleChecklist::rowText(int row) const
{
    return rows_.value(row) ? rows_.value(row)->text() : QString();
}

bool PasswordRuleChecklist::rowPassed(int row) const
{
    return passed_.value(row, false);
}

void PasswordRuleChecklist::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void PasswordRuleChecklist::retranslate()
{
    heading_->setText(tr("為維護您使用系統之密碼安全，新密碼須符合："));
    for (int row = 0; row < rowCount(); ++row)
        showRow(row);
}

QString PasswordRuleChecklist::ruleText(int row) const
{
    if (row >= static_cast<int>(ruleOrder().size()))
        return tr("兩次輸入的新密碼相同");
    switch (ruleOrder()[static_cast<size_t>(row)]) {
    case PasswordRule::MinimumLength:
        return tr("密碼長度8碼以上");
    case PasswordRule::Letter:
        return tr("至少包含一個英文字母");
    case PasswordRule::Digit:
        return tr("至少包含一個數字");
    case PasswordRule::Symbol:
        return tr("至少包含一個特殊符號");
    case PasswordRule::NoForbiddenCharacter:
        return tr("不含下列特殊字元 %1，也不含空白或中文")
            .arg(core::auth::forbiddenPasswordCharacters()
                     .split(QString(), Qt::SkipEmptyParts)
                     .join(QLatin1Char(' ')));
    }
    return {};
}

void PasswordRuleChecklist::showRow(int row)
{
    QLabel* label = rows_[row];
    const bool ok = passed_[row];
    // The mark carries the state; the colour only repeats it.
    label->setText(
        QStringLiteral("%1 %2").arg(ok ? QStringLiteral("✓") : QStringLiteral("✗"), ruleText(row)));
    label->setStyleSheet(ok ? QStringLiteral("color: #1b7a1b;") : QStringLiteral("color: #a11;"));
    label->setAccessibleName(
        ok ? tr("已符合：%1").arg(ruleText(row)) : tr("尚未符合：%1").arg(ruleText(row)));
}

} // namespace ui

#include "ui/widgets/moc_password_rule_checklist.cpp"
