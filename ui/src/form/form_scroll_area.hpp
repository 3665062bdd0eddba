#pragma once

#include <QScrollArea>

namespace ui {

/// A scroll area whose page is always as tall as its content needs at the width it is given.
/// QScrollArea sizes a resizable page by its minimum size, which for word-wrapped labels is too
/// short: the groups got squeezed until their rows overlapped.
class FormScrollArea : public QScrollArea {
    Q_OBJECT
public:
    explicit FormScrollArea(QWidget* parent = nullptr);
    void setPage(QWidget* page);

protected:
    void resizeEvent(QResizeEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void fitHeight();
};

} // namespace ui
