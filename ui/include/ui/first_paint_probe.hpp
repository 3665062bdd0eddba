#pragma once

#include <QObject>
#include <functional>

class QWidget;

namespace ui {

/// Runs `then` on the event loop turn after `window` has been painted for the first time, so
/// work the first screen does not need (the login dialog, the card reader, the network) does
/// not hold the window back. Several calls run in the order they were made. Should the paint
/// never come (a window started minimised), they run after `fallbackMs` instead.
void afterFirstPaint(QWidget* window, std::function<void()> then, int fallbackMs = 1000);

/// For the start-up benchmark (bench/bench_startup.cpp): when the environment variable
/// SHIQIUREN_EXIT_AFTER_FIRST_PAINT is set, the program prints "first-paint" on standard output
/// once `window` has been painted for the first time, and quits. Otherwise it does nothing.
/// Call it before any afterFirstPaint() so the line goes out before their work.
void exitAfterFirstPaintIfAsked(QWidget* window);

} // namespace ui
