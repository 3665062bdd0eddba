#pragma once

#include <QObject>

class QWidget;

namespace ui {

/// For the start-up benchmark (bench/bench_startup.cpp): when the environment variable
/// SHIQIUREN_EXIT_AFTER_FIRST_PAINT is set, the program prints "first-paint" on standard output
/// once `window` has been painted for the first time, and quits. Otherwise it does nothing.
void exitAfterFirstPaintIfAsked(QWidget* window);

} // namespace ui
