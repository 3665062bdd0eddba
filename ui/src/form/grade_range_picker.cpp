#include "ui/form/grade_range_picker.hpp"

#include "ui/preview/vacancy_text.hpp"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSpinBox>

namespace ui {

using core::domain::GradeRange;
using core::domain::RankClass;

namespace {

constexpr RankClass rankedClasses[]
    = { RankClass::Junior, RankClass::Intermediate, RankClass::Senior };

} // namespace

std::optional<QList<GradeRange>> parseGradeRanges(const QString& text)
{
    static const QRegularExpression part(
        // i18n-ok: parses the feed's grade wording (data)
        QStringLiteral(R"(^(委任|薦任|簡任)第(\d+)職等(?:至(?:委任|薦任|簡任)?第(\d+)職等)?$)"));
    QList<GradeRange> result;
    // i18n-ok: the feed's separator (data)
    for (const QString& piece : text.split(QStringLiteral("或"))) {
        const QRegularExpressionMatch match = part.match(piece.trimmed());
        if (!match.hasMatch())
            return std::nullopt;
        GradeRange range;
        range.rank = *core::domain::rankFromDataName(match.captured(1));
        range.from = match.captured(2).toInt();
        range.to = match.captured(3).isEmpty() ? range.from : match.captured(3).toInt();
        result.append(range);
    }
    return result;
}

GradeRangePicker::GradeRangePicker(const core::domain::CodeLists& codes, QWidget* parent)
    : QWidget(parent)
    , codes_(codes)
    , rank_(new QComboBox(this))
    , from_(new QSpinBox(this))
    , to_(new QSpinBox(this))
    , add_(new QPushButton(this))
    , common_(new QComboBox(this))
    , list_(new QListWidget(this))
    , remove_(new QPushButton(this))
{
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* builder = new QHBoxLayout;
    builder->addWidget(rank_);
    builder->addWidget(from_);
    builder->addWidget(new QLabel(QStringLiteral("~"), this));
    builder->addWidget(to_);
    builder->addWidget(add_);
    builder->addStretch(1);
    layout->addLayout(builder, 0, 0, 1, 2);
    layout->addWidget(common_, 1, 0, 1, 2);
    list_->setMaximumHeight(70);
    layout->addWidget(list_, 2, 0);
    layout->addWidget(remove_, 2, 1, Qt::AlignTop);
    layout->setColumnStretch(0, 1);
    for (const RankClass rank : rankedClasses)
        rank_->addItem(QString(), static_cast<int>(rank));
    common_->addItem(QString());
    for (const QString& text : codes_.commonRanges())
        if (parseGradeRanges(text))
            common_->addItem(text, text);

    connect(rank_, &QComboBox::currentIndexChanged, this, &GradeRangePicker::onRankChanged);
    connect(add_, &QPushButton::clicked, this, [this] {
        const auto rank = static_cast<RankClass>(rank_->currentData().toInt());
        addRange(GradeRange { rank, from_->value(), std::max(from_->value(), to_->value()) });
    });
    connect(common_, &QComboBox::activated, this, &GradeRangePicker::onCommonChosen);
    connect(remove_, &QPushButton::clicked, this, [this] { removeRange(list_->currentRow()); });
    onRankChanged();
    retranslate();
}

void GradeRangePicker::setRanges(const QList<GradeRange>& ranges)
{
    ranges_ = ranges;
    render();
}

void GradeRangePicker::addRange(const GradeRange& range)
{
    if (ranges_.contains(range))
        return;
    ranges_.append(range);
    render();
    emit edited();
}

void GradeRangePicker::removeRange(int index)
{
    if (index < 0 || index >= ranges_.size())
        return;
    ranges_.removeAt(index);
    render();
    emit edited();
}

void GradeRangePicker::onRankChanged()
{
    const auto rank = static_cast<RankClass>(rank_->currentData().toInt());
    const auto band = codes_.band(rank);
    const int low = band ? band->from : 1;
    const int high = band ? band->to : 14;
    from_->setRange(low, high);
    to_->setRange(low, high);
}

void GradeRangePicker::onCommonChosen(int index)
{
    const auto parsed = parseGradeRanges(common_->itemData(index).toString());
    if (!parsed)
        return;
    ranges_ = *parsed;
    render();
    {
        const QSignalBlocker blocker(common_);
        common_->setCurrentIndex(0);
    }
    emit edited();
}

void GradeRangePicker::render()
{
    list_->clear();
    for (const GradeRange& range : ranges_)
        list_->addItem(vacancytext::gradeRange(range));
}

void GradeRangePicker::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void GradeRangePicker::retranslate()
{
    for (int i = 0; i < rank_->count(); ++i)
        rank_->setItemText(
            i, vacancytext::rankName(static_cast<RankClass>(rank_->itemData(i).toInt())));
    // One pattern split around the number, so each language orders the words its own way.
    //: A 職等 in a spin box: 第 5 職等.
    const QString grade = tr("第%1職等");
    const auto split = grade.indexOf(QStringLiteral("%1"));
    for (QSpinBox* spin : { from_, to_ }) {
        spin->setPrefix(grade.left(split));
        spin->setSuffix(grade.mid(split + 2));
    }
    add_->setText(tr("加入"));
    remove_->setText(tr("移除"));
    common_->setItemText(0, tr("常用官職等…"));
    render();
}

} // namespace ui

#include "ui/form/moc_grade_range_picker.cpp"
