#pragma once

#include "core/domain/code_lists.hpp"

#include <QList>
#include <QWidget>
#include <optional>

class QComboBox;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace ui {

/// Reads a 官職等 as the feed writes it (「委任第5職等或薦任第6職等至薦任第7職等」) into ranges;
/// nothing when any part is not in that form.
std::optional<QList<core::domain::GradeRange>> parseGradeRanges(const QString& text);

/// 官等職等: one or more ranges {官等, 職等 from, to} joined by 或. A range is built from a 官等
/// and two 職等 within its band (委任 1–5, 薦任 6–9, 簡任 10–14, from the code lists) and added
/// with 「加入」; 「常用官職等」 sets a frequent combination at once.
class GradeRangePicker : public QWidget {
    Q_OBJECT
public:
    explicit GradeRangePicker(const core::domain::CodeLists& codes, QWidget* parent = nullptr);

    QList<core::domain::GradeRange> ranges() const { return ranges_; }
    void setRanges(const QList<core::domain::GradeRange>& ranges);
    /// What the clerk does: pick the 官等 and 職等 and press 「加入」.
    void addRange(const core::domain::GradeRange& range);
    void removeRange(int index);

    QComboBox* rankCombo() const { return rank_; }
    QSpinBox* fromSpin() const { return from_; }
    QSpinBox* toSpin() const { return to_; }
    QPushButton* addButton() const { return add_; }
    QComboBox* commonCombo() const { return common_; }
    QListWidget* rangeList() const { return list_; }

signals:
    void edited();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void onRankChanged();
    void onCommonChosen(int index);
    void render();

    core::domain::CodeLists codes_;
    QList<core::domain::GradeRange> ranges_;
    QComboBox* rank_ = nullptr;
    QSpinBox* from_ = nullptr;
    QSpinBox* to_ = nullptr;
    QPushButton* add_ = nullptr;
    QComboBox* common_ = nullptr;
    QListWidget* list_ = nullptr;
    QPushButton* remove_ = nullptr;
};

} // namespace ui
