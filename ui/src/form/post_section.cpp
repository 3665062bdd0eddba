#include "ui/form/post_section.hpp"

#include "core/domain/post_kind.hpp"
#include "ui/form/gender_field.hpp"
#include "ui/form/grade_range_picker.hpp"
#include "ui/preview/vacancy_text.hpp"
#include "ui/widgets/code_picker.hpp"
#include "ui/widgets/roc_date_edit.hpp"
#include "ui/widgets/workplace_picker.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ui {

using core::domain::CodeListKind;
using core::domain::RankClass;

namespace {

// The feed's TYPE order (簡任, 薦任, 委任, 其他), which the public search form shows too.
constexpr RankClass shownRanks[]
    = { RankClass::Senior, RankClass::Intermediate, RankClass::Junior, RankClass::Other };

} // namespace

PostSection::PostSection(const core::domain::CodeLists& codes, QWidget* parent)
    : FormSection(parent)
    , personKind_(new CodePicker(codes, CodeListKind::PersonKind, CodePicker::Mode::Single, this))
    , grades_(new GradeRangePicker(codes, this))
    , gradeText_(new QLineEdit(this))
    , title_(new QComboBox(this))
    , series_(new CodePicker(codes, CodeListKind::Series, CodePicker::Mode::Multiple, this))
    , openings_(new QSpinBox(this))
    , reserve_(new QSpinBox(this))
    , gender_(new GenderField(this))
    , workplaces_(new WorkplacePicker(codes, this))
{
    title_->setEditable(true);
    title_->setInsertPolicy(QComboBox::NoInsert);
    title_->addItem(QString());
    title_->addItems(codes.commonTitles());
    openings_->setRange(1, 999);
    reserve_->setRange(0, 999);
    // Three digits need no more room than this; the rest of the row stays for the hint.
    for (QSpinBox* spin : { openings_, reserve_ })
        spin->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);

    auto* grid = new QGridLayout(this);
    addField(grid, 0, 0, QStringLiteral("personKind"), personKind_);
    addField(grid, 0, 1, QStringLiteral("rankClasses"), buildRankClasses());
    addField(grid, 1, 0, QStringLiteral("gradeRanges"), grades_, 2);
    addField(grid, 2, 0, QStringLiteral("gradeText"), gradeText_, 2);
    addField(grid, 3, 0, QStringLiteral("title"), title_);
    addField(grid, 3, 1, QStringLiteral("seriesCodes"), series_);
    addField(grid, 4, 0, QStringLiteral("openings"), openings_);
    addField(grid, 4, 1, QStringLiteral("reserveOpenings"), buildReserve());
    addField(grid, 5, 0, QStringLiteral("gender"), gender_, 2);
    gender_->setMessageLine(addMessageLine(QStringLiteral("genderReason"), gender_->reasonEdit()));
    addField(grid, 6, 0, QStringLiteral("workplaceCodes"), workplaces_, 2);
    addField(grid, 7, 0, QStringLiteral("validFrom"), buildPeriod(), 2);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    connectEdits();
    retranslate();
}

QWidget* PostSection::buildRankClasses()
{
    auto* box = new QWidget(this);
    auto* layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    for (const RankClass rank : shownRanks) {
        auto* check = new QCheckBox(box);
        check->setObjectName(QStringLiteral("rankClass-%1").arg(static_cast<int>(rank)));
        rankBoxes_.insert(rank, check);
        layout->addWidget(check);
    }
    layout->addStretch(1);
    box->setFocusProxy(rankBoxes_.first());
    rankClassesBox_ = box;
    return box;
}

QWidget* PostSection::buildReserve()
{
    auto* box = new QWidget(this);
    auto* layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    reserveHint_ = new QLabel(box);
    reserveHint_->setObjectName(QStringLiteral("reserveHint"));
    reserveHint_->setStyleSheet(QStringLiteral("color: #6b6b6b;"));
    layout->addWidget(reserve_);
    layout->addWidget(reserveHint_, 1);
    box->setFocusProxy(reserve_);
    return box;
}

QWidget* PostSection::buildPeriod()
{
    auto* box = new QWidget(this);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* dates = new QHBoxLayout;
    validFrom_ = new RocDateEdit(box);
    validTo_ = new RocDateEdit(box);
    periodSeparator_ = new QLabel(QStringLiteral("~"), box);
    dates->addWidget(validFrom_);
    dates->addWidget(periodSeparator_);
    dates->addWidget(validTo_);
    periodHint_ = new QLabel(box);
    periodHint_->setObjectName(QStringLiteral("periodHint"));
    periodHint_->setStyleSheet(QStringLiteral("color: #6b6b6b;"));
    dates->addWidget(periodHint_);
    dates->addStretch(1);
    layout->addLayout(dates);
    // The end date's own message line, under the pair (the start's goes under the row).
    layout->addWidget(addMessageLine(QStringLiteral("validTo"), validTo_));
    box->setFocusProxy(validFrom_);
    return box;
}

void PostSection::connectEdits()
{
    const auto relay = [this](const char* field) {
        return [this, field] { emit edited(QString::fromLatin1(field)); };
    };
    connect(personKind_, &CodePicker::edited, this, relay("personKind"));
    for (QCheckBox* box : rankBoxes_)
        connect(box, &QCheckBox::clicked, this, relay("rankClasses"));
    connect(grades_, &GradeRangePicker::edited, this, [this] {
        showRankClasses();
        emit edited(QStringLiteral("gradeRanges"));
        emit edited(QStringLiteral("rankClasses"));
    });
    // The text is the other way to give a 任用 post its 官職等: typing it answers the ranges' rule.
    connect(gradeText_, &QLineEdit::textEdited, this, [this] {
        emit edited(QStringLiteral("gradeText"));
        emit edited(QStringLiteral("gradeRanges"));
    });
    connect(title_, &QComboBox::editTextChanged, this, relay("title"));
    connect(series_, &CodePicker::edited, this, relay("seriesCodes"));
    connect(openings_, &QSpinBox::valueChanged, this, relay("openings"));
    connect(reserve_, &QSpinBox::valueChanged, this, relay("reserveOpenings"));
    // Choosing 男 or 女 asks for the reason at once: its message shows without typing first.
    connect(gender_, &GenderField::genderEdited, this, [this] {
        emit edited(QStringLiteral("gender"));
        emit edited(QStringLiteral("genderReason"));
    });
    connect(gender_, &GenderField::reasonEdited, this, relay("genderReason"));
    connect(workplaces_, &WorkplacePicker::edited, this, relay("workplaceCodes"));
    connect(validFrom_, &RocDateEdit::edited, this, relay("validFrom"));
    connect(validTo_, &RocDateEdit::edited, this, relay("validTo"));
}

void PostSection::read(core::domain::Vacancy& v) const
{
    v.personKind = personKind_->code();
    v.gradeRanges = grades_->ranges();
    v.rankClasses = rankClassesOf(v.gradeRanges);
    if (v.rankClasses.isEmpty()) {
        // A grade given as text only: the 官等類別 the clerk ticked, in the order written.
        for (const RankClass rank : rankOrder_)
            if (rankBoxes_.value(rank)->isChecked())
                v.rankClasses.append(rank);
        for (const RankClass rank :
            { RankClass::Junior, RankClass::Intermediate, RankClass::Senior, RankClass::Other })
            if (rankBoxes_.value(rank)->isChecked() && !v.rankClasses.contains(rank))
                v.rankClasses.append(rank);
    }
    v.gradeText = gradeText_->text();
    v.title = title_->currentText();
    v.seriesCodes = series_->codes();
    v.openings = openings_->value();
    v.reserveOpenings = reserve_->value();
    v.gender = gender_->gender();
    // A reason belongs to a limit only; one typed before going back to 不拘 is not sent.
    v.genderReason = v.gender == core::domain::Gender::Any ? QString() : gender_->reason();
    v.workplaceCodes = workplaces_->codes();
    v.validFrom = validFrom_->date();
    v.validTo = validTo_->date();
}

void PostSection::write(const core::domain::Vacancy& v)
{
    personKind_->setCode(v.personKind);
    rankOrder_ = v.rankClasses;
    for (auto it = rankBoxes_.cbegin(); it != rankBoxes_.cend(); ++it)
        it.value()->setChecked(v.rankClasses.contains(it.key()));
    grades_->setRanges(v.gradeRanges);
    gradeText_->setText(v.gradeText);
    showRankClasses();
    title_->setEditText(v.title);
    series_->setCodes(v.seriesCodes);
    openings_->setValue(v.openings);
    reserve_->setValue(v.reserveOpenings);
    gender_->setGender(v.gender);
    gender_->setReason(v.genderReason);
    workplaces_->setCodes(v.workplaceCodes);
    validFrom_->setDate(v.validFrom);
    validTo_->setDate(v.validTo);
}

QList<RankClass> PostSection::rankClassesOf(const QList<core::domain::GradeRange>& ranges)
{
    QList<RankClass> result;
    for (const RankClass rank : { RankClass::Junior, RankClass::Intermediate, RankClass::Senior })
        for (const core::domain::GradeRange& range : ranges)
            if (range.rank == rank && !result.contains(rank))
                result.append(rank);
    return result;
}

void PostSection::showRankClasses()
{
    // Ranges decide the 官等類別; only a grade given as text leaves it to the clerk.
    const QList<RankClass> derived = rankClassesOf(grades_->ranges());
    for (auto it = rankBoxes_.cbegin(); it != rankBoxes_.cend(); ++it) {
        if (!derived.isEmpty())
            it.value()->setChecked(derived.contains(it.key()));
        it.value()->setEnabled(derived.isEmpty());
    }
}

void PostSection::showPostKind(const core::domain::Vacancy& v)
{
    // 官等職等 is for 任用 posts; the text is for grades outside 委任/薦任/簡任. Either stays in
    // sight while it holds something, so nothing entered is hidden.
    setFieldVisible(QStringLiteral("gradeRanges"),
        core::domain::isAppointmentPost(v) || !v.gradeRanges.isEmpty());
    setFieldVisible(
        QStringLiteral("gradeText"), v.gradeRanges.isEmpty() || !v.gradeText.trimmed().isEmpty());
    setFieldVisible(QStringLiteral("rankClasses"), v.gradeRanges.isEmpty());
    reserveCap_
        = core::domain::reserveCapApplies(v) ? std::optional<int>(2 * v.openings) : std::nullopt;
    showHints();
}

void PostSection::showHints()
{
    reserveHint_->setText(reserveCap_
            ? tr("任用職缺至多為名額的2倍（目前至多%n名）", nullptr, *reserveCap_)
            : QString());
    reserveHint_->setVisible(reserveCap_.has_value());
    periodHint_->setText(tr("至少公告3天"));
}

void PostSection::retranslate()
{
    setTitle(tr("機關徵才資料"));
    setCaption(QStringLiteral("personKind"), tr("人員區分"));
    setCaption(QStringLiteral("rankClasses"), tr("官等類別"));
    rankClassesBox_->setToolTip(tr("有官等職等時依官等職等自動勾選"));
    for (auto it = rankBoxes_.cbegin(); it != rankBoxes_.cend(); ++it)
        it.value()->setText(vacancytext::rankName(it.key()));
    setCaption(QStringLiteral("gradeRanges"), tr("官等職等"));
    setCaption(QStringLiteral("gradeText"), tr("其他官職等"));
    gradeText_->setPlaceholderText(
        tr("委任、薦任、簡任以外的官職等，例如：約僱5等280薪點、師(三)級、委派第五職等、警正二階"));
    setCaption(QStringLiteral("title"), tr("職稱"));
    title_->setItemText(0, QString());
    title_->lineEdit()->setPlaceholderText(tr("請輸入或選取職稱"));
    setCaption(QStringLiteral("seriesCodes"), tr("職系"));
    setCaption(QStringLiteral("openings"), tr("名額"));
    setCaption(QStringLiteral("reserveOpenings"), tr("候補名額"));
    reserve_->setToolTip(tr("任用職缺之候補名額至多為名額的2倍（公務人員陞遷法施行細則第3條）"));
    periodHint_->setToolTip(tr("外補職缺至少公告3天（公務人員陞遷法施行細則第3條）"));
    showHints();
    setCaption(QStringLiteral("gender"), tr("性別"));
    setCaption(QStringLiteral("workplaceCodes"), tr("工作地"));
    validFrom_->setToolTip(tr("有效期間起日"));
    validTo_->setToolTip(tr("有效期間迄日"));
    nameControl(validFrom_, validFrom_->toolTip());
    nameControl(validTo_, validTo_->toolTip());
    setCaption(QStringLiteral("validFrom"), tr("有效期間"));
}

} // namespace ui

#include "ui/form/moc_post_section.cpp"
