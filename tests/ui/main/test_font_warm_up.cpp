// fontconfig's start on a worker: FcInit is called on the worker's thread, not the caller's, and
// the GUI thread measures and draws CJK text beside it with the same fonts as without it.
#include "core/threads/worker.hpp"
#include "ui/font_warm_up.hpp"

#include <QFontDatabase>
#include <QFontMetrics>
#include <QImage>
#include <QPainter>
#include <QThread>
#include <atomic>
#include <catch2/catch.hpp>
#include <dlfcn.h>
#include <fontconfig/fontconfig.h>

namespace {

std::atomic<int> fcInitOffGuiThread { 0 };
QThread* guiThread = nullptr;

} // namespace

// Stands in for fontconfig's FcInit in this program (the executable's definition comes first),
// noting the thread, then calls the real one.
extern "C" FcBool FcInit()
{
    if (guiThread && QThread::currentThread() != guiThread)
        ++fcInitOffGuiThread;
    using Real = FcBool (*)();
    static const auto real = reinterpret_cast<Real>(dlsym(RTLD_NEXT, "FcInit"));
    return real ? real() : FcFalse;
}

TEST_CASE(
    "the font warm-up starts fontconfig on the worker, not on the calling thread", "[ui][fonts]")
{
    guiThread = QThread::currentThread();
    const int before = fcInitOffGuiThread;
    core::threads::Worker worker(QStringLiteral("font warm-up"));
    ui::warmUpFonts(worker);
    worker.finish();
    CHECK(fcInitOffGuiThread == before + 1);
}

TEST_CASE(
    "the font warm-up runs beside the GUI thread's text and changes none of it", "[ui][fonts]")
{
    const QString text = QStringLiteral("事求人機關徵才系統 職缺列表 2026");
    const QStringList familiesBefore = QFontDatabase::families();
    const int widthBefore = QFontMetrics(QFont()).horizontalAdvance(text);

    for (int round = 0; round < 3; ++round) {
        core::threads::Worker worker(QStringLiteral("font warm-up"));
        ui::warmUpFonts(worker);
        // The GUI thread's own font work while the worker may be inside fontconfig.
        QImage image(400, 40, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.drawText(image.rect(), text);
        painter.end();
        CHECK(QFontMetrics(QFont()).horizontalAdvance(text) == widthBefore);
        worker.finish();
    }

    // fontconfig has one configuration, with the system's fonts in it, and Qt still sees them.
    FcConfig* config = FcConfigGetCurrent();
    REQUIRE(config != nullptr);
    FcFontSet* system = FcConfigGetFonts(config, FcSetSystem);
    REQUIRE(system != nullptr);
    CHECK(system->nfont > 0);
    CHECK(QFontDatabase::families() == familiesBefore);
}
