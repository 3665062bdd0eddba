#include "ui/font_warm_up.hpp"

#include "core/threads/worker.hpp"

#include <fontconfig/fontconfig.h>

namespace ui {

void warmUpFonts(core::threads::Worker& worker)
{
    // Plain C below Qt: nothing here needs QApplication, which is what lets it start first.
    worker.post([] { FcInit(); });
}

} // namespace ui
