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
    /// "民國70年1月1日" in Chinese, "ROC 70-01-01" in English (through tr()).
    QString display() const;

    friend bool operator==(const RocDate&, const RocDate&) = default;

private:
    explicit RocDate(const QDate& date)
        : date_(date)
    { }
    QDate date_;
};

} // namespace core::domain
