#include "ui/first_paint_probe.hpp"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <memory>
#include <utility>
#include <vector>

namespace ui {

namespace {

/// One per window: it sees the first paint and then runs what waited for it, in order.
class FirstPaint : public QObject {
public:
    explicit FirstPaint(QWidget* window)
        : QObject(window)
    {
        setObjectName(QStringLiteral("ui-first-paint"));
        window->installEventFilter(this);
    }

    void add(std::function<void()> then, int fallbackMs)
    {
        auto entry = std::make_shared<std::function<void()>>(std::move(then));
        waiting_.push_back(entry);
        // Only this one runs early: the others keep waiting for the paint.
        QTimer::singleShot(fallbackMs, this, [this, entry] {
            const auto it = std::find(waiting_.begin(), waiting_.end(), entry);
            if (it == waiting_.end())
                return;
            waiting_.erase(it);
            (*entry)();
        });
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && !painted_) {
            painted_ = true;
            // After this paint has reached the screen: the next turn of the event loop.
            QTimer::singleShot(0, this, [this] { runWaiting(); });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    void runWaiting()
    {
        // Taken out first: a callback may add another, or open a dialog with its own loop.
        const auto now = std::exchange(waiting_, {});
        for (const auto& then : now)
            (*then)();
    }

    bool painted_ = false;
    std::vector<std::shared_ptr<std::function<void()>>> waiting_;
};

FirstPaint* firstPaintOf(QWidget* window)
{
    auto* probe = window->findChild<FirstPaint*>(
        QStringLiteral("ui-first-paint"), Qt::FindDirectChildrenOnly);
    return probe ? probe : new FirstPaint(window);
}

} // namespace

void afterFirstPaint(QWidget* window, std::function<void()> then, int fallbackMs)
{
    if (!window || !then)
        return;
    firstPaintOf(window)->add(std::move(then), fallbackMs);
}

void exitAfterFirstPaintIfAsked(QWidget* window)
{
    if (qEnvironmentVariableIsEmpty("SHIQIUREN_EXIT_AFTER_FIRST_PAINT"))
        return;
    // No fallback worth the name: the benchmark waits for a real paint.
    afterFirstPaint(
        window,
        [] {
            // The CPU time too: on a busy machine it holds still where the wall clock does not.
            timespec cpu {};
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu);
            std::printf("first-paint cpu-ms=%.1f\n",
                static_cast<double>(cpu.tv_sec) * 1e3 + static_cast<double>(cpu.tv_nsec) / 1e6);
            std::fflush(stdout);
            QCoreApplication::exit(0);
        },
        24 * 3600 * 1000);
}

} // namespace ui
