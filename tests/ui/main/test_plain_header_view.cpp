// The list's header measures its titles in its own font: wide enough for the title as drawn,
// no wider, and never highlighted into bold (which would no longer fit).
#include "ui/widgets/plain_header_view.hpp"

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
