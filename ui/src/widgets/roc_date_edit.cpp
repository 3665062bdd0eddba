#include "ui/widgets/roc_date_edit.hpp"

#include "core/domain/roc_date.hpp"

#include <QCalendarWidget>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QToolButton>
#include <QVBoxLayout>

namespace ui {

using core::domain::RocDate;

QString rocDateText(const QDate& date)
{
    const auto roc = RocDate::fromDate(date);
    return roc ? roc->typed() : QString();
}

std::optional<QDate> parseRocDateText(const QString& text)
{
    // A date copied from a screen may carry its era: "ROC 115/03/02" or "民國115/03/02".
    static const QRegularExpression era(
        // i18n-ok: a pattern read from input, never shown
        QStringLiteral("^(?:ROC|民國)\\s*"), QRegularExpression::CaseInsensitiveOption);
    const QString trimmed = text.trimmed().remove(era);
    static const QRegularExpression separated(
        QStringLiteral(R"(^(\d{1,3})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})$)"));
    const QRegularExpressionMatch match = separated.match(trimmed);
    if (match.hasMatch()) {
        const int year = match.captured(1).toInt();
        if (year < 1)
            return std::nullopt;
        const QDate date(
            year + RocDate::yearOffset, match.captured(2).toInt(), match.captured(3).toInt());
        if (!date.isValid())
            return std::nullopt;
        return date;
    }
    const auto compact = RocDate::fromCompact(trimmed);
    if (!compact)
        return std::nullopt;
    return compact->toDate();
}

RocDateEdit::RocDateEdit(QWidget* parent)
    : QWidget(parent)
    , edit_(new QLineEdit(this))
    , button_(new QToolButton(this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    edit_->setMaxLength(10);
    layout->addWidget(edit_);
    layout->addWidget(button_);

    // The calendar sits in a popup of its own with a ROC header: QCalendarWidget's own
    // navigation bar can only show the Western year.
    popup_ = new QWidget(this, Qt::Popup);
    auto* popupLayout = new QVBoxLayout(popup_);
    auto* header = new QHBoxLayout;
    previousYear_ = new QToolButton(popup_);
    previousMonth_ = new QToolButton(popup_);
    calendarTitle_ = new QLabel(popup_);
    calendarTitle_->setAlignment(Qt::AlignCenter);
    nextMonth_ = new QToolButton(popup_);
    nextYear_ = new QToolButton(popup_);
    previousYear_->setText(QStringLiteral("«"));
    previousMonth_->setText(QStringLiteral("‹"));
    nextMonth_->setText(QStringLiteral("›"));
    nextYear_->setText(QStringLiteral("»"));
    header->addWidget(previousYear_);
    header->addWidget(previousMonth_);
    header->addWidget(calendarTitle_, 1);
    header->addWidget(nextMonth_);
    header->addWidget(nextYear_);
    popupLayout->addLayout(header);
    calendar_ = new QCalendarWidget(popup_);
    calendar_->setNavigationBarVisible(false);
    calendar_->setGridVisible(true);
    popupLayout->addWidget(calendar_);

    connect(edit_, &QLineEdit::textEdited, this, &RocDateEdit::onTextEdited);
    connect(button_, &QToolButton::clicked, this, &RocDateEdit::showCalendar);
    connect(calendar_, &QCalendarWidget::clicked, this, &RocDateEdit::onPicked);
    connect(calendar_, &QCalendarWidget::activated, this, &RocDateEdit::onPicked);
    connect(
        calendar_, &QCalendarWidget::currentPageChanged, this, &RocDateEdit::updateCalendarTitle);
    connect(previousYear_, &QToolButton::clicked, calendar_, &QCalendarWidget::showPreviousYear);
    connect(previousMonth_, &QToolButton::clicked, calendar_, &QCalendarWidget::showPreviousMonth);
    connect(nextMonth_, &QToolButton::clicked, calendar_, &QCalendarWidget::showNextMonth);
    connect(nextYear_, &QToolButton::clicked, calendar_, &QCalendarWidget::showNextYear);

    setFocusProxy(edit_);
    retranslate();
}

QDate RocDateEdit::date() const
{
    return parseRocDateText(edit_->text()).value_or(QDate());
}

void RocDateEdit::setDate(const QDate& date)
{
    edit_->setText(rocDateText(date));
    markValidity();
}

bool RocDateEdit::hasAcceptableInput() const
{
    return edit_->text().trimmed().isEmpty() || parseRocDateText(edit_->text()).has_value();
}

QString RocDateEdit::calendarTitle() const
{
    return calendarTitle_->text();
}

void RocDateEdit::showCalendar()
{
    const QDate current = date();
    const QDate shown = current.isValid() ? current : QDate::currentDate();
    calendar_->setSelectedDate(shown);
    calendar_->setCurrentPage(shown.year(), shown.month());
    updateCalendarTitle();
    popup_->adjustSize();
    popup_->move(mapToGlobal(QPoint(0, height())));
    popup_->show();
    calendar_->setFocus();
}

void RocDateEdit::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void RocDateEdit::retranslate()
{
    //: Placeholder of a date field: ROC year/month/day.
    edit_->setPlaceholderText(tr("民國年/月/日"));
    edit_->setToolTip(tr("請輸入民國年/月/日，例如 115/12/01"));
    button_->setText(tr("日曆"));
    button_->setToolTip(tr("從日曆選取日期"));
    previousYear_->setToolTip(tr("前一年"));
    previousMonth_->setToolTip(tr("前一月"));
    nextMonth_->setToolTip(tr("下一月"));
    nextYear_->setToolTip(tr("下一年"));
    updateCalendarTitle();
}

void RocDateEdit::onTextEdited()
{
    markValidity();
    emit edited();
}

void RocDateEdit::onPicked(const QDate& date)
{
    popup_->hide();
    setDate(date);
    emit edited();
}

void RocDateEdit::updateCalendarTitle()
{
    //: The calendar popup's header: %1 ROC year, %2 month.
    calendarTitle_->setText(tr("民國%1年%2月")
                                .arg(calendar_->yearShown() - RocDate::yearOffset)
                                .arg(calendar_->monthShown()));
}

void RocDateEdit::markValidity()
{
    // Red text for something that is not a date; the form's rules still speak for the field.
    edit_->setStyleSheet(hasAcceptableInput() ? QString() : QStringLiteral("color: #b00020;"));
}

} // namespace ui

#include "ui/widgets/moc_roc_date_edit.cpp"
