#pragma once

#include "core/domain/code_lists.hpp"
#include "ui/form/form_section.hpp"

#include <QMap>
#include <optional>

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

/// 機關徵才資料, in the seed's order: 人員區分, 官等職等 (one picker; 官等類別 follows from its
/// ranges) or 其他官職等 where the post is outside 委任/薦任/簡任, 職稱, 職系 (with codes), 名額
/// and 候補名額 (its cap beside it on 任用 posts), 性別 (with the §7 notice and reason), 工作地
/// (the grid of coded checkboxes), and 有效期間 (ROC dates, the 3-day minimum beside them).
class PostSection : public FormSection {
    Q_OBJECT
public:
    explicit PostSection(const core::domain::CodeLists& codes, QWidget* parent = nullptr);

    void read(core::domain::Vacancy& vacancy) const override;
    void write(const core::domain::Vacancy& vacancy) override;

    /// Shows what applies to the post as it stands: 官等職等 or 其他官職等, the 候補 cap.
    void showPostKind(const core::domain::Vacancy& vacancy);
    /// 官等類別 as the ranges give it (委任, 薦任, 簡任 in that order); empty without ranges.
    static QList<core::domain::RankClass> rankClassesOf(
        const QList<core::domain::GradeRange>& ranges);

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
    QWidget* buildReserve();
    void showRankClasses();
    void showHints();
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
    QWidget* rankClassesBox_ = nullptr;
    QLabel* reserveHint_ = nullptr;
    QLabel* periodHint_ = nullptr;
    std::optional<int> reserveCap_; ///< 2 × 名額 on a 任用 post
};

} // namespace ui
