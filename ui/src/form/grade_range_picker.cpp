#include "ui/form/grade_range_picker.hpp"

#include "ui/preview/vacancy_text.hpp"

#include <QComboBox>
#include <QCompleter>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace ui {

using core::domain::GradeRange;
using core::domain::RankClass;

namespace {

/// One range in the feed's wording, whatever the screen's language (the entries' data).
QString feedText(const GradeRange& range)
{
    const QString rank = core::domain::rankDataName(range.rank);
    // i18n-ok: the feed's wording (data)
    const QString from = QStringLiteral("%1第%2職等").arg(rank).arg(range.from);
    if (range.from == range.to)
        return from;
    // i18n-ok: the feed's wording (data)
    return from + QStringLiteral("至%1第%2職等").arg(rank).arg(range.to);
}

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
    , combo_(new QComboBox(this))
    , hint_(new QLabel(this))
{
    combo_->setObjectName(QStringLiteral("gradeRangeCombo"));
    combo_->setEditable(true);
    combo_->setInsertPolicy(QComboBox::NoInsert);
    combo_->setMaxVisibleItems(16);
    combo_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo_->setMinimumContentsLength(28);
    combo_->completer()->setFilterMode(Qt::MatchContains);
    combo_->completer()->setCompletionMode(QCompleter::PopupCompletion);
    hint_->setWordWrap(true);
    hint_->setStyleSheet(QStringLiteral("color: #6b6b6b;"));
    hint_->hide();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(combo_, 0, Qt::AlignLeft);
    layout->addWidget(hint_);
    setFocusProxy(combo_);

    // The frequent combinations first: most posts are one of them.
    combo_->addItem(QString());
    for (const QString& text : codes_.commonRanges())
        if (parseGradeRanges(text)) {
            combo_->addItem(QString(), text);
            ++commonCount_;
        }
    combo_->insertSeparator(combo_->count());
    for (const RankClass rank : rankedClasses) {
        const auto band = codes_.band(rank);
        if (!band)
            continue;
        for (int from = band->from; from <= band->to; ++from)
            for (int to = from; to <= band->to; ++to)
                combo_->addItem(QString(), feedText(GradeRange { rank, from, to }));
    }

    connect(combo_, &QComboBox::activated, this, &GradeRangePicker::onChosen);
    connect(combo_->lineEdit(), &QLineEdit::textEdited, this, &GradeRangePicker::onTextEdited);
    retranslate();
}

void GradeRangePicker::setRanges(const QList<GradeRange>& ranges)
{
    ranges_ = ranges;
    unreadable_ = false;
    showRanges();
}

void GradeRangePicker::showRanges()
{
    const QSignalBlocker blocker(combo_);
    combo_->setEditText(vacancytext::gradeRanges(ranges_));
    hint_->setVisible(unreadable_);
}

void GradeRangePicker::onChosen(int index)
{
    const auto parsed = parseGradeRanges(combo_->itemData(index).toString());
    ranges_ = parsed.value_or(QList<GradeRange>());
    unreadable_ = false;
    showRanges();
    emit edited();
}

void GradeRangePicker::onTextEdited(const QString& text)
{
    const QString typed = text.trimmed();
    // An entry's own words (in the screen's language), else the feed's wording.
    const int entry = typed.isEmpty() ? -1 : combo_->findText(typed);
    const auto parsed = entry > 0 ? parseGradeRanges(combo_->itemData(entry).toString())
                                  : parseGradeRanges(typed);
    ranges_ = parsed.value_or(QList<GradeRange>());
    unreadable_ = !typed.isEmpty() && !parsed;
    hint_->setVisible(unreadable_);
    emit edited();
}

void GradeRangePicker::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void GradeRangePicker::retranslate()
{
    for (int i = 1; i < combo_->count(); ++i) {
        const auto parsed = parseGradeRanges(combo_->itemData(i).toString());
        if (parsed)
            combo_->setItemText(i, vacancytext::gradeRanges(*parsed));
    }
    combo_->lineEdit()->setPlaceholderText(tr("請選取常用官職等，或輸入"));
    hint_->setText(tr("請從清單選取，或照「委任第5職等或薦任第6職等至薦任第7職等」的寫法輸入。"));
    if (!unreadable_)
        showRanges();
}

} // namespace ui

#include "ui/form/moc_grade_range_picker.cpp"
