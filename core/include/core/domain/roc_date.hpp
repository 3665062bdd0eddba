#pragma once

#include <QDate>
#include <QString>
#include <optional>

namespace core::domain {

/// A date in the Republic of China calendar (民國): year 1 is 1912. Clerks read and type these.
class RocDate {
public:
    static constexpr int yearOffset = 1911;

    RocDate() = default;
    static std::optional<RocDate> fromDate(const QDate& date);
    /// The compact form cards and forms use: "yyyMMdd" (0700101) or "yyMMdd" for years < 100.
    static std::optional<RocDate> fromCompact(const QString& text);

    bool isValid() const { return date_.isValid(); }
    int rocYear() const { return date_.year() - yearOffset; }
    QDate toDate() const { return date_; }
    /// "0700101"
    QString compact() const;
    /// "115/03/02": what a clerk types into a date field, in either language.
    QString typed() const;
    /// How every screen shows a date: "115/03/02" in Chinese, "ROC 115/03/02" in English.
    QString display() const;

    friend bool operator==(const RocDate&, const RocDate&) = default;

private:
    explicit RocDate(const QDate& date)
        : date_(date)
    { }
    QDate date_;
};

/// RocDate::display() of a date; empty for no date or one before the ROC calendar.
QString rocDateDisplay(const QDate& date);
/// A period as screens show it: "115/01/05~115/01/19", "ROC 115/01/05–115/01/19" in English.
/// Empty when both ends are missing.
QString rocPeriodDisplay(const QDate& from, const QDate& to);
/// A year as screens show it: "民國115年", "ROC 115" in English.
QString rocYearDisplay(int gregorianYear);
/// A range of years: "民國110年~115年", "ROC 110–115" in English; empty when both are missing.
QString rocYearRangeDisplay(const std::optional<int>& fromYear, const std::optional<int>& toYear);

} // namespace core::domain
