// The ROC calendar (民國): clerks read and type these dates.
#include "core/domain/roc_date.hpp"

#include <catch2/catch.hpp>

using core::domain::RocDate;

TEST_CASE("ROC dates convert both ways", "[roc]")
{
    const auto date = RocDate::fromCompact(QStringLiteral("0700101"));
    REQUIRE(date);
    CHECK(date->toDate() == QDate(1981, 1, 1));
    CHECK(date->rocYear() == 70);
    CHECK(date->compact() == QStringLiteral("0700101"));
    CHECK(date->display() == QStringLiteral("民國70年1月1日"));

    const auto recent = RocDate::fromCompact(QStringLiteral("1151128"));
    REQUIRE(recent);
    CHECK(recent->toDate() == QDate(2026, 11, 28));
    CHECK(RocDate::fromDate(QDate(2026, 11, 28))->compact() == QStringLiteral("1151128"));
    // Six digits: a two-digit ROC year.
    const auto shortForm = RocDate::fromCompact(QStringLiteral("990228"));
    REQUIRE(shortForm);
    CHECK(shortForm->toDate() == QDate(2010, 2, 28));
}

TEST_CASE("impossible ROC dates are refused", "[roc]")
{
    for (const char* text :
        { "", "070010", "07001011", "0701301", "0700230", "A700101", "0000101" }) {
        INFO(text);
        CHECK_FALSE(RocDate::fromCompact(QString::fromLatin1(text)).has_value());
    }
    CHECK(RocDate::fromCompact(QStringLiteral("1130229")).has_value()); // 2024 was a leap year
    CHECK_FALSE(RocDate::fromCompact(QStringLiteral("1120229")).has_value());
    CHECK_FALSE(RocDate::fromDate(QDate(1911, 12, 31)).has_value()); // before the ROC calendar
    CHECK_FALSE(RocDate::fromDate(QDate()).has_value());
}
