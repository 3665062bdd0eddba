#include "ui/login/url_opener.hpp"

#include <QDesktopServices>

namespace ui {

UrlOpener& urlOpener()
{
    static UrlOpener opener = [](const QUrl& url) { return QDesktopServices::openUrl(url); };
    return opener;
}

} // namespace ui
