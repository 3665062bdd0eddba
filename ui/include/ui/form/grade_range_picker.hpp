#pragma once

#include "core/domain/code_lists.hpp"

#include <QList>
#include <QWidget>
#include <optional>

class QComboBox;
class QLabel;

namespace ui {

/// Reads a 官職等 as the feed writes it (「委任第5職等或薦任第6職等至薦任第7職等」) into ranges;
/// nothing when any part is not in that form.
std::optional<QList<core::domain::GradeRange>> parseGradeRanges(const QString& text);

/// 官等職等 in one control: a list with the code lists' common ranges first, then every range
/// within one 官等's band (委任 1–5, 薦任 6–9, 簡任 10–14). The clerk picks one or types the
/// feed's wording, several ranges joined by 或; text that does not read as ranges gets a hint.
class GradeRangePicker : public QWidget {
    Q_OBJECT
public:
    explicit GradeRangePicker(const core::domain::CodeLists& codes, QWidget* parent = nullptr);

    QList<core::domain::GradeRange> ranges() const { return ranges_; }
    void setRanges(const QList<core::domain::GradeRange>& ranges);
    /// Text is there but does not read as ranges (the hint under the list says how to write it).
    bool hasUnreadableText() const { return unreadable_; }

    QComboBox* comboBox() const { return combo_; }
    /// How many entries are common ranges (they come first, after the empty one).
    int commonCount() const { return commonCount_; }

signals:
    void edited();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void onTextEdited(const QString& text);
    void onChosen(int index);
    void showRanges();

    core::domain::CodeLists codes_;
    QList<core::domain::GradeRange> ranges_;
    bool unreadable_ = false;
    int commonCount_ = 0;
    QComboBox* combo_ = nullptr;
    QLabel* hint_ = nullptr;
};

} // namespace ui
