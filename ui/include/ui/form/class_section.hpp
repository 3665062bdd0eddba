#pragma once

#include "ui/form/form_section.hpp"

#include <QMap>

class QCheckBox;
class QRadioButton;

namespace ui {

/// 職缺類別 (須具公務人員任用資格 or not, or 不使用應徵者履歷調閱) and who the posting welcomes
/// (the feed's five flags: 身心障礙者, 原住民族, 原住民族地區, 培訓專班專區, 調任).
class ClassSection : public FormSection {
    Q_OBJECT
public:
    explicit ClassSection(QWidget* parent = nullptr);

    void read(core::domain::Vacancy& vacancy) const override;
    void write(const core::domain::Vacancy& vacancy) override;

    QRadioButton* classButton(core::domain::VacancyClass value) const
    {
        return classes_.value(value);
    }
    /// The flag boxes by JSON key: welcomesDisabled, welcomesIndigenous, indigenousArea,
    /// trainingProgramme, transfer.
    QCheckBox* flagBox(const QString& key) const { return flags_.value(key); }

protected:
    void retranslate() override;

private:
    QMap<core::domain::VacancyClass, QRadioButton*> classes_;
    QMap<QString, QCheckBox*> flags_;
};

} // namespace ui
