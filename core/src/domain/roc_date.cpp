#include "core/domain/roc_date.hpp"

#include <QCoreApplication>

namespace core::domain {

std::optional<RocDate> RocDate::fromDate(const QDate& date)
{
    if (!date.isValid() || date.year() <= yearOffset)
        return std::nullopt; // the ROC calendar starts in 1912
    return RocDate(date);
}

std::optional<RocDate> RocDate::fromCompact(const QString& text)
{
    if (text.size() != 6 && text.size() != 7)
        return std::nullopt;
    for (const QChar c : text)
        if (!c.isDigit())
            return std::nullopt;
    const qsizetype yearDigits = text.size() - 4;
    const int year = text.left(yearDigits).toInt();
    const int month = text.mid(yearDigits, 2).toInt();
    const int day = text.right(2).toInt();
    if (year < 1)
        return std::nullopt;
    return fromDate(QDate(year + yearOffset, month, day));
}

QString RocDate::compact() const
{
    return QStringLiteral("%1%2%3")
        .arg(rocYear(), 3, 10, QLatin1Char('0'))
        .arg(date_.month(), 2, 10, QLatin1Char('0'))
        .arg(date_.day(), 2, 10, QLatin1Char('0'));
}

QString RocDate::typed() const
{
    if (!isValid())
        return {};
    return QStringLiteral("%1/%2/%3")
        .arg(rocYear(), 3, 10, QLatin1Char('0'))
        .arg(date_.month(), 2, 10, QLatin1Char('0'))
        .arg(date_.day(), 2, 10, QLatin1Char('0'));
}

QString RocDate::display() const
{
    if (!isValid())
        return {};
    // Chinese readers take yyy/MM/dd as 民國 without a word; English readers need the era named.
    //: A date of the ROC calendar (民國) as every screen shows it: %1 the ROC year in three
    //: digits (115), %2 the month and %3 the day in two.
    return QCoreApplication::translate("RocDate", "%1/%2/%3")
        .arg(rocYear(), 3, 10, QLatin1Char('0'))
        .arg(date_.month(), 2, 10, QLatin1Char('0'))
        .arg(date_.day(), 2, 10, QLatin1Char('0'));
}

QString rocDateDisplay(const QDate& date)
{
    const auto roc = RocDate::fromDate(date);
    return roc ? roc->display() : QString();
}

QString rocPeriodDisplay(const QDate& from, const QDate& to)
{
    const auto start = RocDate::fromDate(from);
    const auto end = RocDate::fromDate(to);
    if (!start && !end)
        return {};
    //: A period of two ROC (民國) dates, each yyy/MM/dd: %1 the first day, %2 the last.
    return QCoreApplication::translate("RocDate", "%1~%2")
        .arg(start ? start->typed() : QString(), end ? end->typed() : QString());
}

QString rocYearDisplay(int gregorianYear)
{
    //: A year of the ROC calendar (民國): %1 is the ROC year (115).
    return QCoreApplication::translate("RocDate", "民國%1年")
        .arg(gregorianYear - RocDate::yearOffset);
}

QString rocYearRangeDisplay(const std::optional<int>& fromYear, const std::optional<int>& toYear)
{
    if (!fromYear && !toYear)
        return {};
    if (!fromYear || !toYear)
        return QStringLiteral("%1~%2").arg(fromYear ? rocYearDisplay(*fromYear) : QString(),
            toYear ? rocYearDisplay(*toYear) : QString());
    //: A range of ROC (民國) years: %1 the first (110), %2 the last (115).
    return QCoreApplication::translate("RocDate", "民國%1年~%2年")
        .arg(*fromYear - RocDate::yearOffset)
        .arg(*toYear - RocDate::yearOffset);
}

} // namespace core::domain
