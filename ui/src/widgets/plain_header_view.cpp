#include "ui/widgets/plain_header_view.hpp"

#include <QAbstractItemModel>
#include <QEvent>
#include <QIcon>
#include <QStyleOptionHeader>

namespace ui {

namespace {

// Titles of both languages and a few fonts: far below this unless something keeps renaming.
constexpr qsizetype maxMeasured = 512;

} // namespace

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

    // Everything the style's measure reads from the section; the header's own font and style
    // are the same for every entry (changeEvent forgets them all when either changes), and a
    // screen of another resolution measures anew.
    const QVariant fontData = source->headerData(logicalIndex, orientation(), Qt::FontRole);
    const bool ownFont = fontData.canConvert<QFont>();
    const QFont font = ownFont ? fontData.value<QFont>() : QFont();
    const QVariant decoration = source->headerData(logicalIndex, orientation(), Qt::DecorationRole);
    // The style measures only whether there is an icon (its size is the style's), not which.
    const QString key = source->headerData(logicalIndex, orientation()).toString() + QChar(0x1f)
        + (ownFont ? font.key() : QString()) + QChar(0x1f)
        + QString::number(int(decoration.value<QIcon>().isNull())) + QChar(0x1f)
        + QString::number(int(isSortIndicatorShown())) + QChar(0x1f)
        + QString::number(logicalDpiY());
    if (const auto found = measured_.constFind(key); found != measured_.constEnd())
        return *found;
    const QSize size = measure(logicalIndex, ownFont ? &font : nullptr);
    if (measured_.size() >= maxMeasured)
        measured_.clear();
    measured_.insert(key, size);
    return size;
}

QSize PlainHeaderView::measure(int logicalIndex, const QFont* font) const
{
    ensurePolished();
    QStyleOptionHeader option;
    initStyleOption(&option);
    initStyleOptionForIndex(&option, logicalIndex);
    option.fontMetrics = font ? QFontMetrics(*font) : fontMetrics();
    if (isSortIndicatorShown())
        option.sortIndicator = QStyleOptionHeader::SortDown; // room for the arrow on any title
    return style()->sizeFromContents(QStyle::CT_HeaderSection, &option, QSize(), this);
}

void PlainHeaderView::changeEvent(QEvent* event)
{
    switch (event->type()) {
    case QEvent::FontChange:
    case QEvent::StyleChange:
        measured_.clear();
        break;
    default:
        break;
    }
    QHeaderView::changeEvent(event);
}

} // namespace ui
