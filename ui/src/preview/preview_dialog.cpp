#include "ui/preview/preview_dialog.hpp"

#include "core/modules/module_library.hpp"
#include "ui/preview/print_module.hpp"
#include "ui/preview/vacancy_html.hpp"

#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPdfWriter>
#include <QPushButton>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

namespace ui {

PreviewDialog::PreviewDialog(const core::domain::Vacancy& vacancy, QWidget* parent)
    : PreviewDialog(vacancy, core::domain::CodeLists::builtin(), parent)
{ }

PreviewDialog::PreviewDialog(
    const core::domain::Vacancy& vacancy, const core::domain::CodeLists& codes, QWidget* parent)
    : QDialog(parent)
    , vacancy_(vacancy)
    , codes_(codes)
    , browser_(new QTextBrowser(this))
    , print_(new QPushButton(this))
    , export_(new QPushButton(this))
    , close_(new QPushButton(this))
    , status_(new QLabel(this))
    , rejection_(new QLabel(this))
{
    setObjectName(QStringLiteral("PreviewDialog"));
    browser_->setOpenLinks(false);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(print_);
    buttons->addWidget(export_);
    buttons->addWidget(status_, 1);
    buttons->addWidget(close_);
    rejection_->setObjectName(QStringLiteral("rejectionReason"));
    rejection_->setWordWrap(true);
    rejection_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    rejection_->setStyleSheet(QStringLiteral("color: #ad380b;"));
    rejection_->hide();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(rejection_);
    layout->addWidget(browser_, 1);
    layout->addLayout(buttons);
    resize(820, 900);
    connect(print_, &QPushButton::clicked, this, &PreviewDialog::print);
    connect(export_, &QPushButton::clicked, this, &PreviewDialog::exportChosen);
    connect(close_, &QPushButton::clicked, this, &PreviewDialog::accept);
    retranslate();
}

void PreviewDialog::setRejectionReason(const QString& reason)
{
    rejectionReason_ = reason;
    showRejectionReason();
}

void PreviewDialog::showRejectionReason()
{
    rejection_->setText(tr("未通過原因：%1").arg(rejectionReason_));
    rejection_->setVisible(!rejectionReason_.isEmpty());
}

void PreviewDialog::render()
{
    html_ = vacancyHtml(vacancy_, codes_);
    browser_->setHtml(html_);
}

void PreviewDialog::render(QPagedPaintDevice& device) const
{
    // A document of its own: the browser's copy is laid out for the screen, not the page.
    QTextDocument document;
    document.setHtml(html_);
    document.print(&device);
}

bool PreviewDialog::exportPdf(const QString& file)
{
    QPdfWriter writer(file);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    writer.setTitle(vacancy_.title);
    writer.setCreator(QStringLiteral("Shiqiuren"));
    // QPdfWriter reports no open error of its own: check the place first.
    const QFileInfo info(file);
    if (!QFileInfo(info.absolutePath()).isWritable()) {
        lastError_ = tr("無法寫入「%1」").arg(file);
        return false;
    }
    render(writer);
    lastError_.clear();
    return true;
}

void PreviewDialog::print()
{
    const QStringList candidates = printModule_.isEmpty()
        ? core::modules::candidates(QLatin1String(print::moduleName))
        : printModule_;
    QString why;
    const auto open = reinterpret_cast<print::OpenDialog>(
        core::modules::resolve(candidates, print::openDialogSymbol, why));
    if (open && open(print::interfaceVersion, this, html_, vacancy_.title)) {
        status_->clear();
        status_->setToolTip({});
        return;
    }
    if (open)
        why = QStringLiteral("the print module is of another version than this program");
    // What IT needs to know goes in the tool tip; the clerk gets what to do.
    status_->setText(tr("無法列印：列印元件沒有安裝完整，請資訊人員重新安裝事求人。"));
    status_->setToolTip(why);
}

void PreviewDialog::exportChosen()
{
    const auto finish = [this](const QString& file) {
        if (file.isEmpty())
            return;
        if (exportPdf(file)) {
            status_->setText(tr("已匯出：%1").arg(file));
            emit exported(file);
        } else {
            status_->setText(lastError_);
        }
    };
    if (chooseFile_) {
        finish(chooseFile_());
        return;
    }
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = vacancy_.title.isEmpty() ? tr("職缺") : vacancy_.title;
    auto* dialog = new QFileDialog(this, tr("匯出 PDF"),
        folder + QLatin1Char('/') + name + QStringLiteral(".pdf"), tr("PDF 文件 (*.pdf)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("pdf"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, finish);
    dialog->open();
}

void PreviewDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void PreviewDialog::retranslate()
{
    setWindowTitle(tr("預覽：%1").arg(vacancy_.title));
    browser_->setAccessibleName(tr("刊登後的樣子"));
    print_->setText(tr("列印"));
    export_->setText(tr("匯出 PDF"));
    close_->setText(tr("關閉"));
    showRejectionReason();
    render(); // the page's labels are translated too
}

} // namespace ui

#include "ui/preview/moc_preview_dialog.cpp"
