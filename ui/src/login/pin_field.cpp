#include "ui/login/pin_field.hpp"

#include <QKeyEvent>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionFrame>

namespace ui {

PinField::PinField(QWidget* parent)
    : QWidget(parent)
    , pin_(std::make_unique<core::auth::PinBuffer>())
{
    setFocusPolicy(Qt::StrongFocus);
    // No input method: it would keep its own copy of what is typed.
    setAttribute(Qt::WA_InputMethodEnabled, false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

PinField::~PinField() = default;

int PinField::length() const
{
    return static_cast<int>(pin_->size());
}

void PinField::setMaximumLength(int length)
{
    maximumLength_ = std::max(1, length);
}

void PinField::setLettersAllowed(bool allowed)
{
    lettersAllowed_ = allowed;
}

std::optional<char> PinField::pinCharacter(const QKeyEvent& event) const
{
    // The key's text, not its code: Qt::Key_A is the same for "a" and "A", and case matters.
    const QString text = event.text();
    if (text.size() != 1)
        return std::nullopt;
    const char16_t c = text.at(0).unicode();
    const bool digit = c >= u'0' && c <= u'9';
    const bool letter = (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z');
    if (digit || (letter && lettersAllowed_))
        return static_cast<char>(c);
    return std::nullopt;
}

std::unique_ptr<core::auth::PinBuffer> PinField::take()
{
    auto taken = std::exchange(pin_, std::make_unique<core::auth::PinBuffer>());
    update();
    emit lengthChanged(0);
    return taken;
}

void PinField::clear()
{
    pin_->clear();
    update();
    emit lengthChanged(0);
}

QSize PinField::sizeHint() const
{
    return { fontMetrics().horizontalAdvance(QLatin1Char('M')) * 14, fontMetrics().height() + 12 };
}

void PinField::keyPressEvent(QKeyEvent* event)
{
    const int key = event->key();
    if (key == Qt::Key_Backspace) {
        pin_->removeLast();
    } else if (key == Qt::Key_Escape && !pin_->isEmpty()) {
        pin_->clear();
    } else if (key == Qt::Key_Return || key == Qt::Key_Enter) {
        emit submitted();
        return;
    } else if (const auto c = pinCharacter(*event)) {
        if (length() < maximumLength_)
            pin_->append(*c);
    } else {
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
    update();
    emit lengthChanged(length());
}

void PinField::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    QStyleOptionFrame frame;
    frame.initFrom(this);
    frame.lineWidth = style()->pixelMetric(QStyle::PM_DefaultFrameWidth, &frame, this);
    frame.state |= QStyle::State_Sunken;
    if (hasFocus())
        frame.state |= QStyle::State_HasFocus;
    style()->drawPrimitive(QStyle::PE_PanelLineEdit, &frame, &painter, this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(palette().color(QPalette::Text));
    painter.setPen(Qt::NoPen);
    const int diameter = std::max(6, fontMetrics().height() / 2);
    const int gap = diameter;
    int x = 8;
    const int y = (height() - diameter) / 2;
    for (int i = 0; i < length(); ++i, x += diameter + gap)
        painter.drawEllipse(x, y, diameter, diameter);
}

void PinField::focusInEvent(QFocusEvent* event)
{
    QWidget::focusInEvent(event);
    update();
}

void PinField::focusOutEvent(QFocusEvent* event)
{
    QWidget::focusOutEvent(event);
    update();
}

} // namespace ui
