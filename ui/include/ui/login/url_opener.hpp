#pragma once

#include <QUrl>
#include <functional>

namespace ui {

/// Opens a web address in the clerk's browser (QDesktopServices::openUrl). A seam, so that a
/// test can see which address a button opens without starting a browser.
using UrlOpener = std::function<bool(const QUrl&)>;

/// The opener in use; a test may replace it (and put the old one back).
UrlOpener& urlOpener();

} // namespace ui
