#pragma once

#include "core/domain/code_lists.hpp"
#include "ui/form/form_section.hpp"

#include <QMap>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace ui {

class CodePicker;
class GenderField;
class GradeRangePicker;
class RocDateEdit;
class WorkplacePicker;

/// 機關徵才資料, in the seed's order: 人員區分, 官等類別 and 官職等, 職稱, 職系 (with codes), 名額
/// and 候補名額, 性別 (with the §7 notice and reason), 工作地 (the grid of coded checkboxes), and
/// 有效期間 (ROC dates).
class PostSection : public FormSection {
    Q_OBJECT
public:
    explicit PostSection(const core::domain::CodeLists& codes, QWidget* parent = nullptr);

    void read(core::domain::Vacancy& vacancy) const override;
    void write(const core::domain::Vacancy& vacancy) override;

    CodePicker* personKindPicker() const { return personKind_; }
    QCheckBox* rankClassBox(core::domain::RankClass rank) const { return rankBoxes_.value(rank); }
    QLineEdit* gradeTextEdit() const { return gradeText_; }
    QComboBox* titleCombo() const { return title_; }
    QSpinBox* reserveSpin() const { return reserve_; }
    GenderField* genderField() const { return gender_; }
    WorkplacePicker* workplacePicker() const { return workplaces_; }
    RocDateEdit* validFromEdit() const { return validFrom_; }
    RocDateEdit* validToEdit() const { return validTo_; }

protected:
    void retranslate() override;

private:
    QWidget* buildRankClasses();
    QWidget* buildPeriod();
    void connectEdits();

    CodePicker* personKind_ = nullptr;
    QMap<core::domain::RankClass, QCheckBox*> rankBoxes_;
    QList<core::domain::RankClass> rankOrder_; ///< the order written, kept on reading back
    GradeRangePicker* grades_ = nullptr;
    QLineEdit* gradeText_ = nullptr;
    QComboBox* title_ = nullptr;
    CodePicker* series_ = nullptr;
    QSpinBox* openings_ = nullptr;
    QSpinBox* reserve_ = nullptr;
    GenderField* gender_ = nullptr;
    WorkplacePicker* workplaces_ = nullptr;
    RocDateEdit* validFrom_ = nullptr;
    RocDateEdit* validTo_ = nullptr;
    QLabel* periodSeparator_ = nullptr;
};

} // namespace ui
