// The list's header measures its titles in its own font: wide enough for the title as drawn,
// no wider, and never highlighted into bold (which would no longer fit).
#include "ui/widgets/plain_header_view.hpp"

#include <QProxyStyle>
#include <QStandardItemModel>
#include <QTableView>
#include <catch2/catch.hpp>

TEST_CASE("the plain header fits its titles in the regular face, not the bold one", "[ui][header]")
{
    QStandardItemModel model(3, 2);
    model.setHorizontalHeaderLabels(
        { QStringLiteral("Application deadline (ROC)"), QStringLiteral("審核結果") });
    QTableView stockView;
    stockView.setModel(&model);
    QTableView plainView;
    auto* plain = new ui::PlainHeaderView(Qt::Horizontal, &plainView);
    plainView.setHorizontalHeader(plain);
    plainView.setModel(&model);

    CHECK_FALSE(plain->highlightSections());
    const QString latin = model.headerData(0, Qt::Horizontal).toString();
    CHECK(plain->sectionSizeHint(0) >= plain->fontMetrics().horizontalAdvance(latin));
    // Bold Latin is wider: the stock header's bold measure is what this header leaves out.
    CHECK(plain->sectionSizeHint(0) < stockView.horizontalHeader()->sectionSizeHint(0));
    CHECK(plain->sectionSizeHint(1) > 0);

    // A size the model asks for wins, as it does for the stock header.
    model.setHeaderData(1, Qt::Horizontal, QSize(321, 17), Qt::SizeHintRole);
    CHECK(plain->sectionSizeHint(1) == 321);
}

namespace {

/// Counts the style's title measures, the work the header keeps.
class CountingStyle : public QProxyStyle {
public:
    QSize sizeFromContents(ContentsType type, const QStyleOption* option, const QSize& size,
        const QWidget* widget) const override
    {
        if (type == CT_HeaderSection)
            ++measures;
        return QProxyStyle::sizeFromContents(type, option, size, widget);
    }
    mutable int measures = 0;
};

} // namespace

TEST_CASE("the plain header measures a title once, and again when what it depends on changes",
    "[ui][header]")
{
    QStandardItemModel model(2, 2);
    model.setHorizontalHeaderLabels({ QStringLiteral("職稱"), QStringLiteral("審核結果") });
    QTableView view;
    auto* header = new ui::PlainHeaderView(Qt::Horizontal, &view);
    view.setHorizontalHeader(header);
    view.setModel(&model);
    auto* style = new CountingStyle; // the header owns it
    style->setParent(header);
    header->setStyle(style);

    const int first = header->sectionSizeHint(0);
    const int counted = style->measures;
    CHECK(counted >= 1);
    CHECK(header->sectionSizeHint(0) == first);
    CHECK(header->sectionSizeHint(0) == first);
    CHECK(style->measures == counted); // kept

    // A longer title is a new measure, and a wider one.
    model.setHeaderData(0, Qt::Horizontal, QStringLiteral("職稱（含職務編號與官職等）"));
    const int longer = header->sectionSizeHint(0);
    CHECK(style->measures == counted + 1);
    CHECK(longer > first);

    // The same title in a larger font of its own: measured again, and larger.
    QFont large = header->font();
    large.setPointSizeF(large.pointSizeF() * 2);
    model.setHeaderData(0, Qt::Horizontal, large, Qt::FontRole);
    CHECK(header->sectionSizeHint(0) > longer);

    // The header's own font changes every measure.
    model.setHeaderData(0, Qt::Horizontal, QVariant(), Qt::FontRole);
    const int before = header->sectionSizeHint(1);
    QFont headerFont = header->font();
    headerFont.setPointSizeF(headerFont.pointSizeF() * 2);
    header->setFont(headerFont);
    CHECK(header->sectionSizeHint(1) > before);

    // Room for the sort arrow once the header shows one.
    const int unsorted = header->sectionSizeHint(1);
    header->setSortIndicatorShown(true);
    CHECK(header->sectionSizeHint(1) > unsorted);
}
