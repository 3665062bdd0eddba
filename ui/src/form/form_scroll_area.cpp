#include "form_scroll_area.hpp"

#include <QEvent>
#include <QScrollBar>

namespace ui {

FormScrollArea::FormScrollArea(QWidget* parent)
    : QScrollArea(parent)
{
    setWidgetResizable(true);
    // A window narrower than the widest row (the 工作地 grid) scrolls rather than clips.
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    // Always there, so showing it never narrows the page and re-wraps every label.
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
}

void FormScrollArea::setPage(QWidget* page)
{
    setWidget(page);
    page->installEventFilter(this);
    fitHeight();
}

void FormScrollArea::resizeEvent(QResizeEvent* event)
{
    QScrollArea::resizeEvent(event);
    fitHeight();
}

bool FormScrollArea::eventFilter(QObject* watched, QEvent* event)
{
    const bool result = QScrollArea::eventFilter(watched, event);
    if (watched == widget() && event->type() == QEvent::LayoutRequest)
        fitHeight();
    return result;
}

void FormScrollArea::fitHeight()
{
    QWidget* page = widget();
    if (!page || !page->hasHeightForWidth())
        return;
    const int needed = page->heightForWidth(viewport()->width());
    if (needed > 0 && needed != page->minimumHeight())
        page->setMinimumHeight(needed);
}

} // namespace ui

#include "moc_form_scroll_area.cpp"
