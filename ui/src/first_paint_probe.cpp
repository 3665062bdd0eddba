#include "ui/first_paint_probe.hpp"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>
#include <cstdio>

namespace ui {

namespace {

class FirstPaint : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && !seen_) {
            seen_ = true;
            // After this paint has reached the screen: the next turn of the event loop.
            QTimer::singleShot(0, qApp, [] {
                std::fputs("first-paint\n", stdout);
                std::fflush(stdout);
                QCoreApplication::exit(0);
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool seen_ = false;
};

} // namespace

void exitAfterFirstPaintIfAsked(QWidget* window)
{
    if (qEnvironmentVariableIsEmpty("SHIQIUREN_EXIT_AFTER_FIRST_PAINT") || !window)
        return;
    window->installEventFilter(new FirstPaint(window));
}

} // namespace ui
