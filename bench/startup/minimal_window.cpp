// The yardstick for bench-startup: the least a Qt Widgets program can do to put one window on
// the screen. It answers the same "first-paint" line as shiqiuren does, and exits.
#include <QApplication>
#include <QLabel>
#include <QPaintEvent>
#include <QTimer>
#include <cstdio>

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
                std::puts("first-paint");
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
