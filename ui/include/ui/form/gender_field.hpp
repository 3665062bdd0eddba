#pragma once

#include "core/domain/vacancy.hpp"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QRadioButton;
class QVBoxLayout;

namespace ui {

/// 性別: 男 / 女 / 不拘 (the default). Choosing 男 or 女 shows the 性別平等工作法 §7 notice and
/// asks why the work suits that gender alone.
class GenderField : public QWidget {
    Q_OBJECT
public:
    explicit GenderField(QWidget* parent = nullptr);

    core::domain::Gender gender() const;
    void setGender(core::domain::Gender gender);
    /// The reason as typed (kept while 不拘 is chosen, so a second change of mind loses nothing).
    QString reason() const;
    void setReason(const QString& reason);

    QRadioButton* radio(core::domain::Gender gender) const;
    QPlainTextEdit* reasonEdit() const { return reason_; }
    QLabel* notice() const { return notice_; }
    /// Puts the reason's message line under the reason box.
    void setMessageLine(QLabel* message);

signals:
    void genderEdited();
    void reasonEdited();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void showReason();

    QRadioButton* male_ = nullptr;
    QRadioButton* female_ = nullptr;
    QRadioButton* any_ = nullptr;
    QLabel* notice_ = nullptr;
    QLabel* reasonCaption_ = nullptr;
    QPlainTextEdit* reason_ = nullptr;
    QVBoxLayout* layout_ = nullptr;
};

} // namespace ui
