// Unit tests: Easter Sunday (echeance::easter_sunday), on which the movable holidays of
// C. trav. L.3133-1 (Easter Monday, Ascension, Whit Monday) and L.3134-13 (Good Friday) hang.
// Expected dates checked against two independent computations (Meeus/Jones/Butcher and Gauss
// with its two exceptions) and published tables.
#include "echeance/calendar.hpp"
#include "echeance/io/calendar.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

using echeance_test::ymd;

TEST_CASE("Gregorian computus: Easter Sunday of known years") {
    using echeance::easter_sunday;
    CHECK(easter_sunday(date::year(1583)) == ymd(1583, 4, 10)); // first full Gregorian year
    CHECK(easter_sunday(date::year(1818)) == ymd(1818, 3, 22)); // earliest possible date
    CHECK(easter_sunday(date::year(1943)) == ymd(1943, 4, 25)); // latest possible date
    CHECK(easter_sunday(date::year(1954)) == ymd(1954, 4, 18)); // Gauss exception (d=28, e=6)
    CHECK(easter_sunday(date::year(1981)) == ymd(1981, 4, 19)); // Gauss exception (d=29, e=6)
    CHECK(easter_sunday(date::year(2000)) == ymd(2000, 4, 23));
    CHECK(easter_sunday(date::year(2008)) == ymd(2008, 3, 23));
    CHECK(easter_sunday(date::year(2019)) == ymd(2019, 4, 21));
    CHECK(easter_sunday(date::year(2022)) == ymd(2022, 4, 17));
    CHECK(easter_sunday(date::year(2024)) == ymd(2024, 3, 31));
    CHECK(easter_sunday(date::year(2025)) == ymd(2025, 4, 20));
    CHECK(easter_sunday(date::year(2038)) == ymd(2038, 4, 25));
    CHECK(easter_sunday(date::year(2049)) == ymd(2049, 4, 18));
    CHECK(easter_sunday(date::year(2285)) == ymd(2285, 3, 22));
}

TEST_CASE("Gregorian computus: Easter is a Sunday between 22 March and 25 April, 1583-9999") {
    for (int y = echeance::min_year; y <= echeance::max_year; ++y) {
        auto e = echeance::easter_sunday(date::year(y));
        if (!(e.ok() && date::weekday(echeance::sys_days(e)) == date::Sunday &&
              e >= date::year(y) / 3 / 22 && e <= date::year(y) / 4 / 25)) {
            CAPTURE(y);
            FAIL("Easter out of its window");
        }
    }
    SUCCEED();
}

TEST_CASE(
    "C. trav. L.3133-1: Ascension (Easter + 39) is a Thursday and Whit Monday (Easter + 50) a "
    "Monday, 1583-9999") {
    for (int y = echeance::min_year; y <= echeance::max_year; ++y) {
        auto easter = echeance::sys_days(echeance::easter_sunday(date::year(y)));
        if (date::weekday(easter + date::days(39)) != date::Thursday ||
            date::weekday(easter + date::days(50)) != date::Monday ||
            date::weekday(easter - date::days(2)) != date::Friday) {
            CAPTURE(y);
            FAIL("movable feast on the wrong weekday");
        }
    }
    SUCCEED();
}

TEST_CASE("C. trav. L.3133-1: the movable holidays of 2024 and 2025 from Easter") {
    const auto cal = echeance::builtin_calendar();
    const auto fr = cal.find("FR");
    // Easter 2024 = 31 March: Easter Monday 1 April, Ascension 9 May, Whit Monday 20 May.
    CHECK(cal.is_holiday(fr, echeance_test::day(2024, 4, 1)));
    CHECK(cal.is_holiday(fr, echeance_test::day(2024, 5, 9)));
    CHECK(cal.is_holiday(fr, echeance_test::day(2024, 5, 20)));
    // Easter 2025 = 20 April: Easter Monday 21 April, Ascension 29 May, Whit Monday 9 June.
    CHECK(cal.is_holiday(fr, echeance_test::day(2025, 4, 21)));
    CHECK(cal.is_holiday(fr, echeance_test::day(2025, 5, 29)));
    CHECK(cal.is_holiday(fr, echeance_test::day(2025, 6, 9)));
    // Easter Sunday itself is a Sunday, not a listed holiday.
    CHECK_FALSE(cal.is_holiday(fr, echeance_test::day(2025, 4, 20)));
}
