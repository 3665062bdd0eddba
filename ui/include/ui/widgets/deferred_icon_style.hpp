#pragma once

#include <QProxyStyle>

namespace ui {

/// The application's style, except that the menu bar's and tool bars' overflow arrows
/// (SP_ToolBar*ExtensionButton) are read from their image only when first drawn. Every QMenuBar
/// makes that button, hidden, in its constructor, and reading the image makes QImageReader load
/// every image-format plugin (gif, ico, jpeg with libjpeg) before it falls back to its own PNG
/// reader: about 1 ms before the first paint, for an arrow shown only when the menus overflow.
class DeferredIconStyle : public QProxyStyle {
    Q_OBJECT
public:
    /// Over the style Qt would pick (the -style option and QT_STYLE_OVERRIDE still apply).
    DeferredIconStyle() = default;

    QIcon standardIcon(StandardPixmap icon, const QStyleOption* option = nullptr,
        const QWidget* widget = nullptr) const override;
};

} // namespace ui
