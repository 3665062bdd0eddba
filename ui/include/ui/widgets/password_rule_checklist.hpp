#pragma once

#include <QString>
#include <QVector>
#include <QWidget>

class QLabel;

namespace ui {

/// The seed's password rule as a live checklist (✓ met / ✗ not yet): one row per rule of
/// core::auth::checkPasswordRules (the same rules the server enforces), and a last row for the
/// two new-password fields matching. Feed it on every edit of either field.
class PasswordRuleChecklist : public QWidget {
    Q_OBJECT
public:
    explicit PasswordRuleChecklist(QWidget* parent = nullptr);

    /// The new password and its confirmation (輸入新密碼兩次) as typed so far. Not kept.
    void setPassword(const QString& password, const QString& confirmation);
    /// Every rule met and both fields equal.
    bool satisfied() const { return satisfied_; }

    /// The rows, for tests and accessibility: count, shown text, met or not.
    int rowCount() const;
    QString rowText(int row) const;
    bool rowPassed(int row) const;

signals:
    void satisfiedChanged(bool satisfied);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    QString ruleText(int row) const;
    void showRow(int row);

    QLabel* heading_ = nullptr;
    QVector<QLabel*> rows_;
    QVector<bool> passed_;
    bool satisfied_ = false;
};

} // namespace ui
