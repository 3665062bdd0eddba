#include "ui/widgets/plain_header_view.hpp"

#include <QAbstractItemModel>
#include <QStyleOptionHeader>

namespace ui {

PlainHeaderView::PlainHeaderView(Qt::Orientation orientation, QWidget* parent)
    : QHeaderView(orientation, parent)
{
    setHighlightSections(false); // a highlighted title is drawn in bold
}

QSize PlainHeaderView::sectionSizeFromContents(int logicalIndex) const
{
    const QAbstractItemModel* source = model();
    if (!source)
        return {};
    const QVariant hint = source->headerData(logicalIndex, orientation(), Qt::SizeHintRole);
    if (hint.isValid())
        return hint.toSize();
    ensurePolished();
    QStyleOptionHeader option;
    initStyleOption(&option);
    initStyleOptionForIndex(&option, logicalIndex);
    const QVariant font = source->headerData(logicalIndex, orientation(), Qt::FontRole);
    option.fontMetrics
        = font.canConvert<QFont>() ? QFontMetrics(font.value<QFont>()) : fontMetrics();
    if (isSortIndicatorShown())
        option.sortIndicator = QStyleOptionHeader::SortDown; // room for the arrow on any title
    return style()->sizeFromContents(QStyle::CT_HeaderSection, &option, QSize(), this);
}

} // namespace ui
