// What waits for the main window's first paint (the login dialog, the card watch, the network)
// runs after it, in the order asked, and still runs when the paint never comes.
#include "ui/first_paint_probe.hpp"

#include <QLabel>
#include <QTest>
#include <QWidget>
#include <catch2/catch.hpp>

namespace {

constexpr int waitMs = 30000; // a bound against hanging, not a speed requirement

/// A window that notes its paints, and what ran, in one list.
class NotingWindow : public QLabel {
public:
    explicit NotingWindow(QStringList& log)
        : QLabel(QStringLiteral("事求人"))
        , log_(log)
    { }

protected:
    void paintEvent(QPaintEvent* event) override
    {
        log_.append(QStringLiteral("paint"));
        QLabel::paintEvent(event);
    }

private:
    QStringList& log_;
};

} // namespace

TEST_CASE("work waiting for the first paint runs after it, in the order asked", "[first-paint]")
{
    QStringList log;
    NotingWindow window(log);
    ui::afterFirstPaint(&window, [&log] { log.append(QStringLiteral("login")); });
    ui::afterFirstPaint(&window, [&log] { log.append(QStringLiteral("background")); });
    window.resize(400, 300);
    window.show();
    CHECK(!log.contains(QStringLiteral("login"))); // never from inside show()
    REQUIRE(QTest::qWaitFor([&log] { return log.contains(QStringLiteral("background")); }, waitMs));
    REQUIRE(log.size() >= 3);
    CHECK(log.at(0) == QStringLiteral("paint"));
    CHECK(log.indexOf(QStringLiteral("login")) < log.indexOf(QStringLiteral("background")));
    CHECK(log.count(QStringLiteral("login")) == 1);

    // Later paints do not run it again.
    window.update();
    QTest::qWait(50);
    CHECK(log.count(QStringLiteral("login")) == 1);
    CHECK(log.count(QStringLiteral("background")) == 1);
}

TEST_CASE("work waiting for a paint that never comes runs after the fallback", "[first-paint]")
{
    QStringList log;
    NotingWindow window(log); // never shown, so never painted
    ui::afterFirstPaint(
        &window, [&log] { log.append(QStringLiteral("login")); }, 10);
    REQUIRE(QTest::qWaitFor([&log] { return !log.isEmpty(); }, waitMs));
    CHECK(log == QStringList { QStringLiteral("login") });
}
