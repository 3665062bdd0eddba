#pragma once

#include "core/domain/code_lists.hpp"

#include <QMap>
#include <QStringList>
#include <QWidget>

class QCheckBox;
class QGridLayout;

namespace ui {

/// 工作地: the seed's grid of coded checkboxes (10-臺北市, 20-基隆市 …), one per current code of
/// the 工作地點 list. A record holding a retired or unknown code gets an extra, checked box for
/// it, so the clerk sees it and can take it off.
class WorkplacePicker : public QWidget {
    Q_OBJECT
public:
    explicit WorkplacePicker(const core::domain::CodeLists& codes, QWidget* parent = nullptr);

    /// The checked codes: those set with setCodes() first in their order, then the others in
    /// the grid's order.
    QStringList codes() const;
    void setCodes(const QStringList& codes);
    /// The box of one code (tests and focus); nullptr when there is none.
    QCheckBox* checkBox(const QString& code) const;

    static constexpr int columns = 6;

signals:
    /// The clerk checked or unchecked a box.
    void edited();

protected:
    void changeEvent(QEvent* event) override;

private:
    QCheckBox* addBox(const QString& code);
    void retranslate();

    core::domain::CodeLists codes_;
    QGridLayout* grid_ = nullptr;
    QStringList order_; ///< every box's code, in grid order
    QMap<QString, QCheckBox*> boxes_;
    QStringList setOrder_; ///< the order of the last setCodes()
};

} // namespace ui
