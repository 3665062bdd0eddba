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

QString RocDate::display() const
{
    if (!isValid())
        return {};
    //: A date in the ROC calendar: %1 ROC year (民國), %2 month, %3 day.
    return QCoreApplication::translate("RocDate", "民國%1年%2月%3日")
        .arg(rocYear())
        .arg(date_.month())
        .arg(date_.day());
}

} // namespace core::domain
