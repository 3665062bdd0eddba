// The preview: the public detail page's content with ROC dates, the PDF export, and 列印 through
// the print module.

#include "core/domain/code_lists.hpp"
#include "form_fixture.hpp"
#include "ui/preview/preview_dialog.hpp"
#include "ui/preview/print_module.hpp"
#include "ui/preview/vacancy_html.hpp"

#include <QCoreApplication>
#include <QFile>
#include <QLabel>
#include <QPointer>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <catch2/catch.hpp>

using core::domain::CodeLists;
using core::domain::Vacancy;

namespace {

Vacancy previewed()
{
    Vacancy v = formtest::everyField();
    v.validFrom = QDate(2023, 8, 25);
    v.validTo = QDate(2023, 9, 14);
    v.vacancyClass = core::domain::VacancyClass::CivilService;
    v.gradeText.clear();
    v.gradeRanges = { { core::domain::RankClass::Junior, 5, 5 },
        { core::domain::RankClass::Intermediate, 6, 7 } };
    return v;
}

} // namespace

TEST_CASE("The preview shows the public page's fields, dates in the ROC calendar", "[preview]")
{
    const Vacancy v = previewed();
    const QString html = ui::vacancyHtml(v, CodeLists::builtin());
    CHECK(html.contains(QStringLiteral("機關徵才項目明細")));
    CHECK(html.contains(v.title));
    CHECK(html.contains(v.agencyName));
    CHECK(html.contains(v.personKind));
    CHECK(html.contains(QStringLiteral("委任第5職等或薦任第6職等至薦任第7職等")));
    CHECK(html.contains(QStringLiteral("資訊處理、綜合行政")));
    CHECK(html.contains(QStringLiteral("33-桃園市、10-臺北市、101-中興新村")));
    CHECK(html.contains(QStringLiteral("112/08/25~112/09/14")));
    CHECK_FALSE(html.contains(QStringLiteral("2023")));
    CHECK(html.contains(QStringLiteral("正取3名，候補5名")));
    CHECK(html.contains(v.genderReason)); // limited to 女: shown with its reason
    CHECK(html.contains(QStringLiteral("女子宿舍輔導員")));
    CHECK(html.contains(QStringLiteral("宿舍管理<br/>2. 其他交辦事項")));
    CHECK(html.contains(v.workAddress));
    CHECK(html.contains(v.contactEmail));
    CHECK(html.contains(QStringLiteral("須具公務人員任用資格職缺")));
    CHECK(html.contains(QStringLiteral("110/01/01~114/12/31"))); // 訓練日期區間
    CHECK(html.contains(QStringLiteral("民國111年~113年"))); // 考績年度區間
    CHECK(html.contains(QStringLiteral("本職缺啟用應徵人員調閱履歷功能")));
    // The clerk's text is text, not markup.
    CHECK(html.contains(QStringLiteral("&lt;熟悉&gt; &amp; &quot;資訊&quot;")));
    CHECK_FALSE(html.contains(QStringLiteral("<熟悉>")));

    Vacancy any = v;
    any.gender = core::domain::Gender::Any;
    CHECK_FALSE(ui::vacancyHtml(any, CodeLists::builtin()).contains(any.genderReason));

    ui::PreviewDialog dialog(v);
    CHECK(dialog.html() == html);
    CHECK(dialog.browser()->toPlainText().contains(QStringLiteral("112/08/25~112/09/14")));
}

TEST_CASE("匯出 PDF writes a PDF file", "[preview]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    ui::PreviewDialog dialog(previewed());
    const QString file = dir.filePath(QStringLiteral("vacancy.pdf"));
    dialog.setPdfFileChooser([file] { return file; });
    QSignalSpy exported(&dialog, &ui::PreviewDialog::exported);
    dialog.exportButton()->click();
    REQUIRE(exported.count() == 1);
    CHECK(exported.at(0).at(0).toString() == file);
    QFile pdf(file);
    REQUIRE(pdf.open(QIODevice::ReadOnly));
    const QByteArray bytes = pdf.readAll();
    CHECK(bytes.startsWith("%PDF-"));
    CHECK(bytes.trimmed().endsWith("%%EOF"));
    CHECK(bytes.size() > 1000);

    CHECK_FALSE(dialog.exportPdf(dir.filePath(QStringLiteral("missing/folder/x.pdf"))));
    CHECK_FALSE(dialog.lastError().isEmpty());

    // Cancelling the file choice writes nothing.
    dialog.setPdfFileChooser([] { return QString(); });
    dialog.exportButton()->click();
    CHECK(exported.count() == 1);
}

TEST_CASE("列印 opens the system print dialog from the print module, and prints the page",
    "[preview][print]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    ui::PreviewDialog preview(previewed());
    preview.printButton()->click();
    auto* dialog = preview.findChild<QPrintDialog*>();
    REQUIRE(dialog != nullptr);
    CHECK(dialog->isVisible());
    CHECK(dialog->windowModality() == Qt::WindowModal);
    CHECK(preview.statusLine()->text().isEmpty());

    // 列印 on a printer that writes a file: the page, as a document of its own.
    const QString file = dir.filePath(QStringLiteral("printed.pdf"));
    dialog->printer()->setOutputFormat(QPrinter::PdfFormat);
    dialog->printer()->setOutputFileName(file);
    QPointer<QPrintDialog> closing(dialog);
    dialog->done(QDialog::Accepted); // the choice as made, not read back from the dialog's fields
    QFile pdf(file);
    REQUIRE(pdf.open(QIODevice::ReadOnly));
    const QByteArray bytes = pdf.readAll();
    CHECK(bytes.startsWith("%PDF-"));
    CHECK(bytes.size() > 1000);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    CHECK(closing.isNull()); // the dialog goes when it closes

    // Cancelled: nothing printed, the dialog gone too.
    preview.printButton()->click();
    QPointer<QPrintDialog> cancelled(preview.findChild<QPrintDialog*>());
    REQUIRE(cancelled);
    cancelled->reject();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    CHECK(cancelled.isNull());
}

TEST_CASE("without its print module, 列印 says so, with the reason for IT, and opens nothing",
    "[preview][print]")
{
    ui::PreviewDialog preview(previewed());
    preview.setPrintModule({ QStringLiteral("/nonexistent/libshiqiuren-print.so") });
    preview.printButton()->click();
    CHECK(preview.findChild<QDialog*>() == nullptr);
    CHECK(preview.statusLine()->text().contains(QStringLiteral("無法列印")));
    CHECK(preview.statusLine()->toolTip().contains(
        QStringLiteral("/nonexistent/libshiqiuren-print.so")));

    // A library that is not the print module is refused the same way.
    preview.setPrintModule({ QStringLiteral("libz.so.1") });
    preview.printButton()->click();
    CHECK(preview.findChild<QDialog*>() == nullptr);
    CHECK(preview.statusLine()->toolTip().contains(QLatin1String(ui::print::openDialogSymbol)));
}
