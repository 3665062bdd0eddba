#pragma once

namespace core::threads {
class Worker;
}

namespace ui {

/// Loads fontconfig's configuration and caches on `worker`. The first text a Qt window measures
/// loads them on the GUI thread (2.4 ms here, most of the font database's start); called first
/// thing in main(), before QApplication, it runs on another core while the GUI thread connects
/// to the display. fontconfig keeps one configuration for the process and is safe to start from
/// any thread; Qt's own call then finds it loaded.
void warmUpFonts(core::threads::Worker& worker);

} // namespace ui
