#pragma once

#include <QHeaderView>

namespace ui {

/// A header whose titles are measured and drawn in the header's own font. QHeaderView measures
/// every title in bold, in case its section is highlighted; a header that never highlights
/// (highlightSections is off here) would otherwise load the bold faces, Noto Sans CJK Bold
/// among them, only to measure, before the window's first paint.
class PlainHeaderView : public QHeaderView {
    Q_OBJECT
public:
    explicit PlainHeaderView(Qt::Orientation orientation, QWidget* parent = nullptr);

protected:
    QSize sectionSizeFromContents(int logicalIndex) const override;
};

} // namespace ui
