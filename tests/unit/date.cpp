// Unit tests: legal dates (include/echeance/date.hpp).
#include "echeance/date.hpp"

#include "echeance/error.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <string>

using echeance::parse_date;
using echeance_test::require_error;
using echeance_test::ymd;

TEST_CASE("ISO 8601 YYYY-MM-DD: a calendar date parses to its year, month and day") {
    CHECK(parse_date("2022-04-14") == ymd(2022, 4, 14));
    CHECK(parse_date("2022-05-26") == ymd(2022, 5, 26));
    CHECK(parse_date("2024-12-31") == ymd(2024, 12, 31));
    CHECK(parse_date("1999-01-01") == ymd(1999, 1, 1));
}

TEST_CASE("ISO 8601 YYYY-MM-DD: formatting gives exactly ten characters and round trips") {
    CHECK(echeance::format_date(ymd(2022, 5, 27)) == "2022-05-27");
    CHECK(echeance::format_date(ymd(1583, 1, 1)) == "1583-01-01");
    CHECK(echeance::format_date(ymd(9999, 12, 31)) == "9999-12-31");
    CHECK(echeance::format_date(ymd(2000, 2, 29)) == "2000-02-29");

    char buffer[11] = "##########";
    echeance::format_date(ymd(2012, 3, 1), buffer);
    CHECK(std::string(buffer) == "2012-03-01");

    for (const char* text : {"1583-01-01", "1900-02-28", "2000-02-29", "2022-05-27", "9999-12-31"})
        CHECK(echeance::format_date(parse_date(text)) == text);
}

TEST_CASE("French date form (DD/MM/YYYY) used in explanations") {
    CHECK(echeance::format_date_fr(ymd(2022, 5, 26)) == "26/05/2022");
    CHECK(echeance::format_date_fr(ymd(1583, 1, 1)) == "01/01/1583");
    CHECK(echeance::format_date_fr(ymd(9999, 12, 31)) == "31/12/9999");
}

TEST_CASE("Weekday names for explanations (14 April 2022 is a Thursday)") {
    CHECK(echeance::weekday_name(date::weekday(echeance_test::day(2022, 4, 14))) == "Thursday");
    CHECK(echeance::weekday_name(date::Sunday) == "Sunday");
    CHECK(echeance::weekday_name(date::Monday) == "Monday");
    CHECK(echeance::weekday_name(date::Tuesday) == "Tuesday");
    CHECK(echeance::weekday_name(date::Wednesday) == "Wednesday");
    CHECK(echeance::weekday_name(date::Friday) == "Friday");
    CHECK(echeance::weekday_name(date::Saturday) == "Saturday");
}

TEST_CASE("Gregorian calendar: 1900 is not a leap year (divisible by 100, not by 400)") {
    require_error([] { parse_date("1900-02-29"); }, "echeance.date.invalid", "\"1900-02-29\"");
    CHECK(parse_date("1900-02-28") == ymd(1900, 2, 28));
    CHECK_FALSE(ymd(1900, 2, 29).ok());
}

TEST_CASE("Gregorian calendar: 2000 is a leap year (divisible by 400)") {
    CHECK(parse_date("2000-02-29") == ymd(2000, 2, 29));
    CHECK(echeance::format_date(parse_date("2000-02-29")) == "2000-02-29");
}

TEST_CASE("Gregorian calendar: 2100 is not a leap year, 2400 is") {
    require_error([] { parse_date("2100-02-29"); }, "echeance.date.invalid", "\"2100-02-29\"");
    CHECK(parse_date("2100-02-28") == ymd(2100, 2, 28));
    CHECK(parse_date("2400-02-29") == ymd(2400, 2, 29));
}

TEST_CASE("Gregorian calendar: ordinary leap years are divisible by four (2024 yes, 2021 no)") {
    CHECK(parse_date("2024-02-29") == ymd(2024, 2, 29));
    CHECK(parse_date("2012-02-29") == ymd(2012, 2, 29));
    require_error([] { parse_date("2021-02-29"); }, "echeance.date.invalid", "\"2021-02-29\"");
}

TEST_CASE("Gregorian calendar: every month has its number of days (30 in Apr, Jun, Sep, Nov)") {
    for (const char* ok :
         {"2022-01-31", "2022-03-31", "2022-04-30", "2022-05-31", "2022-06-30", "2022-07-31",
          "2022-08-31", "2022-09-30", "2022-10-31", "2022-11-30", "2022-12-31", "2022-02-28"})
        CHECK(echeance::format_date(parse_date(ok)) == ok);
    for (const char* bad : {"2022-04-31", "2022-06-31", "2022-09-31", "2022-11-31", "2022-02-29"})
        require_error([&] { parse_date(bad); }, "echeance.date.invalid",
                      std::string("\"") + bad + "\"");
}

TEST_CASE("ISO 8601: 30 February does not exist") {
    require_error([] { parse_date("2022-02-30"); }, "echeance.date.invalid", "\"2022-02-30\"");
    try {
        parse_date("2022-02-30");
    } catch (const echeance::error& e) {
        CHECK(e.where().column == 9); // the day
        CHECK_THAT(e.message(), Catch::Matchers::Contains("February 2022 has 28 days"));
    }
}

TEST_CASE("ISO 8601: day 00 does not exist") {
    require_error([] { parse_date("2022-03-00"); }, "echeance.date.invalid", "\"2022-03-00\"");
}

TEST_CASE("ISO 8601: month 13 and month 00 do not exist") {
    require_error([] { parse_date("2022-13-01"); }, "echeance.date.invalid", "\"2022-13-01\"");
    require_error([] { parse_date("2022-00-10"); }, "echeance.date.invalid", "\"2022-00-10\"");
    try {
        parse_date("2022-13-01");
    } catch (const echeance::error& e) {
        CHECK(e.where().column == 6); // the month
        CHECK_THAT(e.message(), Catch::Matchers::Contains("month 13"));
    }
}

TEST_CASE("ISO 8601: the month and the day take two digits (2022-1-1 is refused)") {
    require_error([] { parse_date("2022-1-1"); }, "echeance.date.invalid", "\"2022-1-1\"");
    try {
        parse_date("2022-1-1");
    } catch (const echeance::error& e) {
        CHECK(e.where().column == 7); // '-' where the second digit of the month should be
    }
    require_error([] { parse_date("22-01-01"); }, "echeance.date.invalid", "\"22-01-01\"");
    require_error([] { parse_date("2022/01/01"); }, "echeance.date.invalid", "\"2022/01/01\"");
    require_error([] { parse_date("01/01/2022"); }, "echeance.date.invalid", "\"01/01/2022\"");
}

TEST_CASE("ISO 8601: an empty date is refused") {
    require_error([] { parse_date(""); }, "echeance.date.invalid", "\"\"");
    try {
        parse_date("");
    } catch (const echeance::error& e) {
        CHECK_THAT(e.message(), Catch::Matchers::Contains("empty"));
        CHECK(e.where().column == 1);
    }
}

TEST_CASE("ISO 8601: nothing may follow the day (2022-01-01x is refused)") {
    require_error([] { parse_date("2022-01-01x"); }, "echeance.date.invalid", "\"2022-01-01x\"");
    require_error([] { parse_date("2022-01-01 "); }, "echeance.date.invalid", "\"2022-01-01 \"");
    require_error([] { parse_date("2022-01-01T00:00"); }, "echeance.date.invalid",
                  "\"2022-01-01T00:00\"");
    try {
        parse_date("2022-01-01x");
    } catch (const echeance::error& e) {
        CHECK(e.where().column == 11);
    }
}

TEST_CASE("ISO 8601: no sign, no space, no extended year") {
    require_error([] { parse_date(" 2022-01-01"); }, "echeance.date.invalid", "\" 2022-01-01\"");
    require_error([] { parse_date("+2022-01-01"); }, "echeance.date.invalid", "\"+2022-01-01\"");
    require_error([] { parse_date("-2022-01-01"); }, "echeance.date.invalid", "\"-2022-01-01\"");
    require_error([] { parse_date("12022-01-01"); }, "echeance.date.invalid", "\"12022-01-01\"");
}

TEST_CASE("Gregorian calendar (bull Inter gravissimas, 1582): dates before 1583 are out of range") {
    require_error([] { parse_date("1582-12-31"); }, "echeance.date.out_of_range", "\"1582-12-31\"");
    require_error([] { parse_date("1000-06-15"); }, "echeance.date.out_of_range", "\"1000-06-15\"");
    require_error([] { parse_date("0000-01-01"); }, "echeance.date.out_of_range", "\"0000-01-01\"");
    CHECK(parse_date("1583-01-01") == ymd(1583, 1, 1));
    CHECK(parse_date("9999-12-31") == ymd(9999, 12, 31));
}

TEST_CASE("Supported range 1583-01-01 to 9999-12-31: in_range and require_in_range") {
    CHECK(echeance::in_range(ymd(1583, 1, 1)));
    CHECK(echeance::in_range(ymd(9999, 12, 31)));
    CHECK_FALSE(echeance::in_range(ymd(1582, 12, 31)));
    CHECK_FALSE(echeance::in_range(ymd(10000, 1, 1)));
    CHECK_FALSE(echeance::in_range(ymd(2022, 2, 30)));
    CHECK_NOTHROW(echeance::require_in_range(ymd(2022, 5, 27), "the deadline"));
    require_error([] { echeance::require_in_range(ymd(10000, 1, 1), "the retention end"); },
                  "echeance.date.out_of_range", "the retention end");
}

TEST_CASE("echeance::error: the id and the location are part of what()") {
    echeance::error e("echeance.date.invalid", "bad", echeance::location{"in.txt", 3, 12, ""});
    CHECK(e.id() == "echeance.date.invalid");
    CHECK(e.message() == "bad");
    CHECK(std::string(e.what()) == "in.txt:3:12: error [echeance.date.invalid]: bad");
    CHECK(echeance::format(echeance::error("x.y", "z")) == "error [x.y]: z");

    // A column relative to a token becomes a column in the line.
    try {
        parse_date("2022-13-01");
    } catch (const echeance::error& inner) {
        auto placed = inner.placed("events.txt", 4, 20);
        CHECK(placed.where().file == "events.txt");
        CHECK(placed.where().line == 4);
        CHECK(placed.where().column == 25);
        CHECK(placed.id() == "echeance.date.invalid");
        CHECK(inner.with_field("--from").where().field == "--from");
    }
}
