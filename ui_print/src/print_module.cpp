// The print module: QPrintDialog and QPrinter behind ui/preview/print_module.hpp.
#include "ui/preview/print_module.hpp"

#include <QPrintDialog>
#include <QPrinter>
#include <QString>
#include <QTextDocument>

extern "C" Q_DECL_EXPORT QDialog* shiqiuren_open_print_dialog(
    int interfaceVersion, QWidget* parent, const QString& html, const QString& title)
{
    static_assert(std::is_same_v<decltype(&shiqiuren_open_print_dialog), ui::print::OpenDialog>);
    if (interfaceVersion != ui::print::interfaceVersion)
        return nullptr;
    auto* printer = new QPrinter(QPrinter::HighResolution);
    printer->setDocName(title);
    auto* dialog = new QPrintDialog(printer, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // open(), not exec(): the dialog is window-modal and the event loop stays the application's.
    QObject::connect(dialog, &QDialog::finished, dialog, [printer, html](int result) {
        if (result == QDialog::Accepted) {
            // A document of its own: the preview's copy is laid out for the screen, not the page.
            QTextDocument document;
            document.setHtml(html);
            document.print(printer);
        }
        delete printer;
    });
    dialog->open();
    return dialog;
}
