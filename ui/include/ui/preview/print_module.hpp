#pragma once

// The print module's one entry point (ui_print, libshiqiuren-print.so): the system print dialog
// and printing, so that Qt Print Support is mapped by the first 列印, not by every start.
// Only Qt Widgets types cross it.

class QDialog;
class QString;
class QWidget;

namespace ui::print {

inline constexpr int interfaceVersion = 1;
inline constexpr const char* moduleName = "shiqiuren-print";
inline constexpr const char* openDialogSymbol = "shiqiuren_open_print_dialog";

/// Opens the system print dialog over `parent`, window-modal; 列印 there prints `html` as one
/// document named `title` on the printer chosen. Returns the dialog (deleted when it closes),
/// or null for an `interfaceVersion` the module does not speak.
using OpenDialog = QDialog* (*)(int interfaceVersion, QWidget* parent, const QString& html,
    const QString& title);

} // namespace ui::print
