#include "ui/form/resume_section.hpp"

#include "core/domain/roc_date.hpp"
#include "ui/preview/vacancy_text.hpp"
#include "ui/widgets/roc_date_edit.hpp"

#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ui {

using core::domain::ResumeItem;
using core::domain::RocDate;

namespace {

constexpr ResumeItem allItems[] = { ResumeItem::All, ResumeItem::Exam, ResumeItem::Appraisal,
    ResumeItem::RewardsPunishments, ResumeItem::LanguageSkills, ResumeItem::Screening,
    ResumeItem::MilitaryService, ResumeItem::Study };

void setYear(QSpinBox* spin, const std::optional<int>& year)
{
    spin->setValue(year ? *year - RocDate::yearOffset : spin->minimum());
}

std::optional<int> yearOf(const QSpinBox* spin)
{
    if (spin->value() == spin->minimum())
        return std::nullopt;
    return spin->value() + RocDate::yearOffset;
}

} // namespace

ResumeSection::ResumeSection(QWidget* parent)
    : FormSection(parent)
    , enabled_(new QCheckBox(this))
    , details_(new QWidget(this))
{
    trainingFrom_ = new RocDateEdit(details_);
    trainingTo_ = new RocDateEdit(details_);
    rewardsFrom_ = new RocDateEdit(details_);
    rewardsTo_ = new RocDateEdit(details_);
    appraisalFrom_ = new QSpinBox(details_);
    appraisalTo_ = new QSpinBox(details_);
    for (QSpinBox* spin : { appraisalFrom_, appraisalTo_ }) {
        spin->setRange(0, 200); // 0 stands for 「不限」
        spin->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    }

    auto* details = new QGridLayout(details_);
    details->setContentsMargins(0, 0, 0, 0);
    for (int row = 0; row < 3; ++row) {
        auto* caption = new QLabel(details_);
        captions_.append(caption);
        details->addWidget(caption, row, 0);
    }
    details->addWidget(pair(trainingFrom_, trainingTo_), 0, 1);
    details->addWidget(pair(rewardsFrom_, rewardsTo_), 1, 1);
    details->addWidget(pair(appraisalFrom_, appraisalTo_), 2, 1);
    auto* itemGrid = new QGridLayout;
    int index = 0;
    for (const ResumeItem item : allItems) {
        auto* box = new QCheckBox(details_);
        box->setObjectName(QStringLiteral("resumeItem-%1").arg(static_cast<int>(item)));
        items_.insert(item, box);
        itemGrid->addWidget(box, index / 2, index % 2);
        ++index;
        connect(box, &QCheckBox::clicked, this,
            [this] { emit edited(QStringLiteral("resumeAccess")); });
    }
    details->addLayout(itemGrid, 3, 0, 1, 2);
    details->setColumnStretch(1, 1);

    auto* box = new QWidget(this);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(enabled_);
    layout->addWidget(details_);
    box->setFocusProxy(enabled_);
    auto* grid = new QGridLayout(this);
    addField(grid, 0, 0, QStringLiteral("resumeAccess"), box);
    grid->setColumnStretch(1, 1);

    const auto relay = [this] { emit edited(QStringLiteral("resumeAccess")); };
    connect(enabled_, &QCheckBox::clicked, this, [this, relay] {
        updateEnabled();
        relay();
    });
    for (RocDateEdit* edit : { trainingFrom_, trainingTo_, rewardsFrom_, rewardsTo_ })
        connect(edit, &RocDateEdit::edited, this, relay);
    for (QSpinBox* spin : { appraisalFrom_, appraisalTo_ })
        connect(spin, &QSpinBox::valueChanged, this, relay);
    updateEnabled();
    retranslate();
}

QWidget* ResumeSection::pair(QWidget* from, QWidget* to)
{
    auto* box = new QWidget(details_);
    auto* layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(from);
    layout->addWidget(new QLabel(QStringLiteral("~"), box));
    layout->addWidget(to);
    layout->addStretch(1);
    return box;
}

void ResumeSection::updateEnabled()
{
    details_->setEnabled(enabled_->isChecked());
}

void ResumeSection::read(core::domain::Vacancy& v) const
{
    auto& r = v.resumeAccess;
    r.enabled = enabled_->isChecked();
    r.trainingFrom = trainingFrom_->date();
    r.trainingTo = trainingTo_->date();
    r.rewardsFrom = rewardsFrom_->date();
    r.rewardsTo = rewardsTo_->date();
    r.appraisalFromYear = yearOf(appraisalFrom_);
    r.appraisalToYear = yearOf(appraisalTo_);
    r.items.clear();
    for (const ResumeItem item : itemOrder_)
        if (items_.value(item)->isChecked())
            r.items.append(item);
    for (const ResumeItem item : allItems)
        if (items_.value(item)->isChecked() && !r.items.contains(item))
            r.items.append(item);
}

void ResumeSection::write(const core::domain::Vacancy& v)
{
    const auto& r = v.resumeAccess;
    enabled_->setChecked(r.enabled);
    trainingFrom_->setDate(r.trainingFrom);
    trainingTo_->setDate(r.trainingTo);
    rewardsFrom_->setDate(r.rewardsFrom);
    rewardsTo_->setDate(r.rewardsTo);
    setYear(appraisalFrom_, r.appraisalFromYear);
    setYear(appraisalTo_, r.appraisalToYear);
    itemOrder_ = r.items;
    for (auto it = items_.cbegin(); it != items_.cend(); ++it)
        it.value()->setChecked(r.items.contains(it.key()));
    updateEnabled();
}

void ResumeSection::retranslate()
{
    setTitle(tr("履歷調閱資料"));
    setCaption(QStringLiteral("resumeAccess"), tr("調閱履歷"));
    enabled_->setText(tr("本職缺啟用應徵人員調閱履歷功能（應徵者需同意開放履歷給徵才機關調閱）"));
    captions_.at(0)->setText(tr("訓練日期區間："));
    captions_.at(1)->setText(tr("獎懲日期區間："));
    captions_.at(2)->setText(tr("考績年度區間："));
    // One pattern split around the number, so each language orders the words its own way.
    //: A ROC year in a spin box: 民國 113 年.
    const QString year = tr("民國%1年");
    const auto split = year.indexOf(QStringLiteral("%1"));
    for (QSpinBox* spin : { appraisalFrom_, appraisalTo_ }) {
        spin->setSpecialValueText(tr("不限"));
        spin->setPrefix(year.left(split));
        spin->setSuffix(year.mid(split + 2));
    }
    for (auto it = items_.cbegin(); it != items_.cend(); ++it)
        it.value()->setText(vacancytext::resumeItem(it.key()));
    nameControl(trainingFrom_, tr("訓練日期區間起日"));
    nameControl(trainingTo_, tr("訓練日期區間迄日"));
    nameControl(rewardsFrom_, tr("獎懲日期區間起日"));
    nameControl(rewardsTo_, tr("獎懲日期區間迄日"));
    nameControl(appraisalFrom_, tr("考績起始年度"));
    nameControl(appraisalTo_, tr("考績結束年度"));
}

} // namespace ui

#include "ui/form/moc_resume_section.cpp"
