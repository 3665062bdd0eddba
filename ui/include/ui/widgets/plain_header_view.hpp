#pragma once

#include <QHash>
#include <QHeaderView>
#include <QSize>
#include <QString>

namespace ui {

/// A header whose titles are measured and drawn in the header's own font. QHeaderView measures
/// every title in bold, in case its section is highlighted; a header that never highlights
/// (highlightSections is off here) would otherwise load the bold faces, Noto Sans CJK Bold
/// among them, only to measure, before the window's first paint.
///
/// A title's measure is kept: the header's size hint, the table's layout and the list's column
/// fitting each ask for every section again, and each ask would shape the text anew.
class PlainHeaderView : public QHeaderView {
    Q_OBJECT
public:
    explicit PlainHeaderView(Qt::Orientation orientation, QWidget* parent = nullptr);

protected:
    QSize sectionSizeFromContents(int logicalIndex) const override;
    void changeEvent(QEvent* event) override;

private:
    QSize measure(int logicalIndex, const QFont* font) const;

    mutable QHash<QString, QSize> measured_;
};

} // namespace ui
