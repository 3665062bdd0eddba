#pragma once

#include "core/auth/pin_buffer.hpp"

#include <QWidget>
#include <memory>
#include <optional>

namespace ui {

/// The PIN's input: every key goes straight into a core::auth::PinBuffer (never a QString, so
/// no copy of the PIN is left in Qt's text buffers), shown as dots. Digits, and ASCII letters with
/// their case when the card's PIN allows them (HiCOS cards do).
class PinField : public QWidget {
    Q_OBJECT
public:
    explicit PinField(QWidget* parent = nullptr);
    ~PinField() override;

    int length() const;
    void setMaximumLength(int length);
    void setLettersAllowed(bool allowed);
    /// Hands the PIN over (the field is empty afterwards).
    std::unique_ptr<core::auth::PinBuffer> take();
    void clear();

    QSize sizeHint() const override;

signals:
    void lengthChanged(int length);
    void submitted();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;

private:
    std::unique_ptr<core::auth::PinBuffer> pin_;
    std::optional<char> pinCharacter(const QKeyEvent& event) const;

    int maximumLength_ = 8;
    bool lettersAllowed_ = false;
};

} // namespace ui
