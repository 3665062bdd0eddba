#pragma once

// A check for any window: every control that takes the focus has a name a screen reader can say
// (its accessible name, its own text, or a label that is its buddy), as Qt's accessibility
// layer reports it.

#include <QAccessible>
#include <QStringList>
#include <QWidget>

namespace uitest {

/// The controls under `window` that take focus and are in sight, without a name; each listed
/// by object name and class.
inline QStringList unnamedControls(QWidget* window)
{
    QStringList unnamed;
    for (QWidget* control : window->findChildren<QWidget*>()) {
        // One that hands its focus on is checked as the control that receives it.
        if (!(control->focusPolicy() & Qt::TabFocus) || control->focusProxy()
            || !control->isVisibleTo(window))
            continue;
        QAccessibleInterface* face = QAccessible::queryAccessibleInterface(control);
        const QString name = face ? face->text(QAccessible::Name).trimmed() : QString();
        if (name.isEmpty())
            unnamed.append(QStringLiteral("%1 (%2)").arg(
                control->objectName(), QString::fromLatin1(control->metaObject()->className())));
    }
    return unnamed;
}

} // namespace uitest
