// fontconfig's start on a worker, beside the GUI thread's own text: the GUI thread measures and
// draws CJK text while the warm-up runs, gets the same fonts as without it, and the worker ends.
#include "core/threads/worker.hpp"
#include "ui/font_warm_up.hpp"

#include <QFontDatabase>
#include <QFontMetrics>
#include <QImage>
#include <QPainter>
#include <catch2/catch.hpp>
#include <fontconfig/fontconfig.h>

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
