// The yardstick for bench-startup: the least a Qt Widgets program can do to put one window on
// the screen. It answers the same "first-paint" line as shiqiuren does, and exits.
#include <QApplication>
#include <QLabel>
#include <QPaintEvent>
#include <QTimer>
#include <cstdio>
#include <ctime>

namespace {

class Window : public QLabel {
public:
    using QLabel::QLabel;

protected:
    void paintEvent(QPaintEvent* event) override
    {
        QLabel::paintEvent(event);
        if (!painted_) {
            painted_ = true;
            QTimer::singleShot(0, this, [] {
                timespec cpu {};
                clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu);
                std::printf("first-paint cpu-ms=%.1f\n",
                    static_cast<double>(cpu.tv_sec) * 1e3 + static_cast<double>(cpu.tv_nsec) / 1e6);
                std::fflush(stdout);
                QApplication::quit();
            });
        }
    }

private:
    bool painted_ = false;
};

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    Window window(QStringLiteral("事求人"));
    window.resize(1024, 700);
    window.show();
    return app.exec();
}
