#include "ui/form/class_section.hpp"

#include "ui/preview/vacancy_text.hpp"

#include <QButtonGroup>
#include <QCheckBox>
#include <QGridLayout>
#include <QRadioButton>
#include <QVBoxLayout>

namespace ui {

using core::domain::VacancyClass;

namespace {

constexpr VacancyClass allClasses[]
    = { VacancyClass::CivilService, VacancyClass::NonCivilService, VacancyClass::NoResumeAccess };

const char* const flagKeys[] = { "welcomesDisabled", "welcomesIndigenous", "indigenousArea",
    "trainingProgramme", "transfer" };

} // namespace

ClassSection::ClassSection(QWidget* parent)
    : FormSection(parent)
{
    auto* classBox = new QWidget(this);
    auto* classLayout = new QVBoxLayout(classBox);
    classLayout->setContentsMargins(0, 0, 0, 0);
    auto* group = new QButtonGroup(this);
    for (const VacancyClass value : allClasses) {
        auto* button = new QRadioButton(classBox);
        button->setObjectName(QStringLiteral("vacancyClass-%1").arg(static_cast<int>(value)));
        group->addButton(button);
        classLayout->addWidget(button);
        classes_.insert(value, button);
    }
    classes_.value(VacancyClass::CivilService)->setChecked(true);
    classBox->setFocusProxy(classes_.first());

    auto* flagBox = new QWidget(this);
    auto* flagLayout = new QVBoxLayout(flagBox);
    flagLayout->setContentsMargins(0, 0, 0, 0);
    for (const char* key : flagKeys) {
        auto* box = new QCheckBox(flagBox);
        const QString name = QString::fromLatin1(key);
        box->setObjectName(QStringLiteral("flag-") + name);
        flagLayout->addWidget(box);
        flags_.insert(name, box);
        connect(box, &QCheckBox::clicked, this, [this, name] { emit edited(name); });
    }
    flagBox->setFocusProxy(flags_.value(QStringLiteral("welcomesDisabled")));

    auto* grid = new QGridLayout(this);
    addField(grid, 0, 0, QStringLiteral("vacancyClass"), classBox);
    // The flags share one row; a message about any of them is rare and shows there.
    addField(grid, 1, 0, QStringLiteral("welcomesDisabled"), flagBox);
    grid->setColumnStretch(1, 1);
    connect(group, &QButtonGroup::buttonClicked, this,
        [this] { emit edited(QStringLiteral("vacancyClass")); });
    retranslate();
}

void ClassSection::read(core::domain::Vacancy& v) const
{
    for (auto it = classes_.cbegin(); it != classes_.cend(); ++it)
        if (it.value()->isChecked())
            v.vacancyClass = it.key();
    v.welcomesDisabled = flags_.value(QStringLiteral("welcomesDisabled"))->isChecked();
    v.welcomesIndigenous = flags_.value(QStringLiteral("welcomesIndigenous"))->isChecked();
    v.indigenousArea = flags_.value(QStringLiteral("indigenousArea"))->isChecked();
    v.trainingProgramme = flags_.value(QStringLiteral("trainingProgramme"))->isChecked();
    v.transfer = flags_.value(QStringLiteral("transfer"))->isChecked();
}

void ClassSection::write(const core::domain::Vacancy& v)
{
    classes_.value(v.vacancyClass)->setChecked(true);
    flags_.value(QStringLiteral("welcomesDisabled"))->setChecked(v.welcomesDisabled);
    flags_.value(QStringLiteral("welcomesIndigenous"))->setChecked(v.welcomesIndigenous);
    flags_.value(QStringLiteral("indigenousArea"))->setChecked(v.indigenousArea);
    flags_.value(QStringLiteral("trainingProgramme"))->setChecked(v.trainingProgramme);
    flags_.value(QStringLiteral("transfer"))->setChecked(v.transfer);
}

void ClassSection::retranslate()
{
    setTitle(tr("職缺類別"));
    setCaption(QStringLiteral("vacancyClass"), tr("職缺類別"));
    for (auto it = classes_.cbegin(); it != classes_.cend(); ++it)
        it.value()->setText(vacancytext::vacancyClass(it.key()));
    setCaption(QStringLiteral("welcomesDisabled"), tr("甄選對象"));
    flags_.value(QStringLiteral("welcomesDisabled"))->setText(tr("歡迎身心障礙者參加甄選"));
    flags_.value(QStringLiteral("welcomesIndigenous"))->setText(tr("歡迎原住民族參加甄選"));
    flags_.value(QStringLiteral("indigenousArea"))->setText(tr("工作地點位於原住民族地區"));
    flags_.value(QStringLiteral("trainingProgramme"))
        ->setText(tr("通過專員級進階職能培訓專班人員專區"));
    flags_.value(QStringLiteral("transfer"))->setText(tr("限現職人員調任"));
}

} // namespace ui

#include "ui/form/moc_class_section.cpp"
