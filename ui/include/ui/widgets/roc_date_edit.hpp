#pragma once

#include <QDate>
#include <QWidget>
#include <optional>

class QCalendarWidget;
class QLabel;
class QLineEdit;
class QToolButton;

namespace ui {

/// A date as clerks type it into a date field: 民國 "yyy/MM/dd" (115/12/01), in either language.
/// Empty for an invalid date. Screens show dates with core::domain::rocDateDisplay().
QString rocDateText(const QDate& date);
/// Reads "115/12/01", "115/1/1", "115-12-01", "115.12.01" and the compact "1151201"; nothing
/// when the text is not a real date of the ROC calendar.
std::optional<QDate> parseRocDateText(const QString& text);

/// A ROC (民國) date field: typed as yyy/MM/dd or picked from a calendar whose header shows the
/// ROC year. Empty is allowed (the form's rules decide whether the date is required).
class RocDateEdit : public QWidget {
    Q_OBJECT
public:
    explicit RocDateEdit(QWidget* parent = nullptr);

    /// The date typed or picked; invalid when empty or not a date.
    QDate date() const;
    void setDate(const QDate& date);
    /// Empty, or a real date.
    bool hasAcceptableInput() const;

    QLineEdit* lineEdit() const { return edit_; }
    /// The popup's calendar (it exists from the start, shown by showCalendar()).
    QCalendarWidget* calendar() const { return calendar_; }
    /// The popup's header, e.g. 「民國115年12月」.
    QString calendarTitle() const;
    void showCalendar();

signals:
    /// The clerk changed the date (typing or picking), not setDate().
    void edited();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void onTextEdited();
    void onPicked(const QDate& date);
    void updateCalendarTitle();
    void markValidity();

    QLineEdit* edit_ = nullptr;
    QToolButton* button_ = nullptr;
    QWidget* popup_ = nullptr;
    QCalendarWidget* calendar_ = nullptr;
    QLabel* calendarTitle_ = nullptr;
    QToolButton* previousYear_ = nullptr;
    QToolButton* previousMonth_ = nullptr;
    QToolButton* nextMonth_ = nullptr;
    QToolButton* nextYear_ = nullptr;
};

} // namespace ui
