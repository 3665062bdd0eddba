// The ROC calendar (民國): clerks read and type these dates, and every screen shows them in one
// style per language.
#include "core/domain/roc_date.hpp"

#include <QCoreApplication>
#include <QTranslator>
#include <catch2/catch.hpp>

using core::domain::RocDate;
using namespace core::domain;

TEST_CASE("ROC dates convert both ways", "[roc]")
{
    const auto date = RocDate::fromCompact(QStringLiteral("0700101"));
    REQUIRE(date);
    CHECK(date->toDate() == QDate(1981, 1, 1));
    CHECK(date->rocYear() == 70);
    CHECK(date->compact() == QStringLiteral("0700101"));
    CHECK(date->typed() == QStringLiteral("070/01/01"));

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

TEST_CASE("one display style for ROC dates in each language", "[roc][i18n]")
{
    const QDate day(2026, 3, 2); // 民國115年3月2日
    const QDate later(2027, 1, 19);

    SECTION("Chinese: yyy/MM/dd, what the date fields take")
    {
        CHECK(RocDate::fromDate(day)->display() == QStringLiteral("115/03/02"));
        CHECK(rocDateDisplay(day) == RocDate::fromDate(day)->typed());
        CHECK(rocDateDisplay(QDate(1981, 1, 1)) == QStringLiteral("070/01/01"));
        CHECK(rocPeriodDisplay(day, later) == QStringLiteral("115/03/02~116/01/19"));
        CHECK(rocPeriodDisplay(day, {}) == QStringLiteral("115/03/02~"));
        CHECK(rocYearDisplay(2021) == QStringLiteral("民國110年"));
        CHECK(rocYearRangeDisplay(2021, 2026) == QStringLiteral("民國110年~115年"));
        CHECK(rocYearRangeDisplay({}, 2026) == QStringLiteral("~民國115年"));
    }

    SECTION("English: the era named first, the same digits")
    {
        QTranslator english;
        REQUIRE(english.load(QStringLiteral(":/i18n/shiqiuren_en.qm")));
        QCoreApplication::installTranslator(&english);
        CHECK(RocDate::fromDate(day)->display() == QStringLiteral("ROC 115/03/02"));
        CHECK(rocDateDisplay(QDate(1981, 1, 1)) == QStringLiteral("ROC 070/01/01"));
        CHECK(rocPeriodDisplay(day, later) == QStringLiteral("ROC 115/03/02–116/01/19"));
        CHECK(rocYearDisplay(2021) == QStringLiteral("ROC 110"));
        CHECK(rocYearRangeDisplay(2021, 2026) == QStringLiteral("ROC 110–115"));
        // What a clerk types does not change with the language.
        CHECK(RocDate::fromDate(day)->typed() == QStringLiteral("115/03/02"));
        QCoreApplication::removeTranslator(&english);
    }

    SECTION("no date, no text")
    {
        CHECK(rocDateDisplay({}).isEmpty());
        CHECK(rocDateDisplay(QDate(1911, 12, 31)).isEmpty());
        CHECK(rocPeriodDisplay({}, {}).isEmpty());
        CHECK(rocYearRangeDisplay({}, {}).isEmpty());
    }
}
