#pragma once

#include "ui/form/form_section.hpp"

#include <QMap>

class QCheckBox;
class QLabel;
class QSpinBox;

namespace ui {

class RocDateEdit;

/// 履歷調閱資料: whether applicants' 履歷 may be read, over which 訓練/獎懲 date ranges and
/// 考績 years (ROC on screen), and which 調閱項目. The details are greyed out while off but kept.
class ResumeSection : public FormSection {
    Q_OBJECT
public:
    explicit ResumeSection(QWidget* parent = nullptr);

    void read(core::domain::Vacancy& vacancy) const override;
    void write(const core::domain::Vacancy& vacancy) override;

    QCheckBox* itemBox(core::domain::ResumeItem item) const { return items_.value(item); }

protected:
    void retranslate() override;

private:
    QWidget* pair(QWidget* from, QWidget* to);
    void updateEnabled();

    QCheckBox* enabled_ = nullptr;
    QWidget* details_ = nullptr;
    RocDateEdit* trainingFrom_ = nullptr;
    RocDateEdit* trainingTo_ = nullptr;
    RocDateEdit* rewardsFrom_ = nullptr;
    RocDateEdit* rewardsTo_ = nullptr;
    QSpinBox* appraisalFrom_ = nullptr; // ROC years; the lowest value means 「不限」 (no year)
    QSpinBox* appraisalTo_ = nullptr;
    QList<QLabel*> captions_; ///< 訓練日期區間, 獎懲日期區間, 考績年度區間
    QMap<core::domain::ResumeItem, QCheckBox*> items_;
    QList<core::domain::ResumeItem> itemOrder_; ///< the order written, kept on reading back
};

} // namespace ui
