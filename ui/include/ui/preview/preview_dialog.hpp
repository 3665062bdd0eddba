#pragma once

#include "core/domain/code_lists.hpp"
#include "core/domain/vacancy.hpp"

#include <QDialog>
#include <QStringList>
#include <functional>

class QLabel;
class QPagedPaintDevice;
class QPushButton;
class QTextBrowser;

namespace ui {

/// 預覽: the vacancy as the public detail page will show it (vacancyHtml), with 列印 (the system
/// print dialog, from the print module) and 匯出 PDF.
class PreviewDialog : public QDialog {
    Q_OBJECT
public:
    /// With the built-in code lists.
    explicit PreviewDialog(const core::domain::Vacancy& vacancy, QWidget* parent = nullptr);
    PreviewDialog(const core::domain::Vacancy& vacancy, const core::domain::CodeLists& codes,
        QWidget* parent = nullptr);

    /// The service's reason for its verdict 審核未通過, shown above the page (not part of the
    /// public page, so neither printed nor exported); empty hides the line.
    void setRejectionReason(const QString& reason);
    QLabel* rejectionLine() const { return rejection_; }
    /// The page as shown.
    QString html() const { return html_; }
    QTextBrowser* browser() const { return browser_; }
    QPushButton* exportButton() const { return export_; }

    /// Writes the page as a PDF (A4) to `file`; false, with the reason in lastError(), when the
    /// file cannot be written.
    bool exportPdf(const QString& file);
    QString lastError() const { return lastError_; }

    /// Test seam: chooses the PDF's file instead of a file dialog (empty = cancelled).
    void setPdfFileChooser(std::function<QString()> choose) { chooseFile_ = std::move(choose); }
    /// Test seam: where 列印 looks for the print module (empty = where the program keeps it).
    void setPrintModule(QStringList candidates) { printModule_ = std::move(candidates); }
    QPushButton* printButton() const { return print_; }
    QLabel* statusLine() const { return status_; }

signals:
    /// A PDF was written (after 「匯出 PDF」).
    void exported(const QString& file);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void showRejectionReason();
    void render();
    void print();
    void exportChosen();
    void render(QPagedPaintDevice& device) const;

    core::domain::Vacancy vacancy_;
    core::domain::CodeLists codes_;
    QString html_;
    QString lastError_;
    std::function<QString()> chooseFile_;
    QStringList printModule_;
    QTextBrowser* browser_ = nullptr;
    QPushButton* print_ = nullptr;
    QPushButton* export_ = nullptr;
    QPushButton* close_ = nullptr;
    QLabel* status_ = nullptr; ///< where the PDF went, or why it did not
    QLabel* rejection_ = nullptr; ///< 未通過原因：…
    QString rejectionReason_;
};

} // namespace ui
