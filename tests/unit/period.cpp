// Unit tests: ISO 8601 periods and their addition to a date (include/echeance/period.hpp).
#include "echeance/period.hpp"

#include "echeance/error.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <string>

using echeance::add;
using echeance::add_explained;
using echeance::month_end;
using echeance::period;
using echeance_test::require_error;
using echeance_test::ymd;

namespace {

period P(const char* text) {
    return period::parse(text);
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Parsing and printing

TEST_CASE("ISO 8601 durations: PnYnMnWnD parse into their components") {
    CHECK(P("P6W") == period{0, 0, 6, 0});
    CHECK(P("P1M") == period{0, 1, 0, 0});
    CHECK(P("P1M1D") == period{0, 1, 0, 1});
    CHECK(P("P88Y") == period{88, 0, 0, 0});
    CHECK(P("P1Y2M10D") == period{1, 2, 0, 10});
    CHECK(P("P1Y2M3W4D") == period{1, 2, 3, 4});
    CHECK(P("P10Y") == period{10, 0, 0, 0});
    CHECK(P("P3M") == period{0, 3, 0, 0});
    CHECK(P("P0D") == period{});
    CHECK(P("P999999999D") == period{0, 0, 0, 999'999'999});
}

TEST_CASE("ISO 8601 durations: to_string is canonical, P0D for the empty period") {
    CHECK(period{}.to_string() == "P0D");
    CHECK(P("P0D").to_string() == "P0D");
    CHECK(P("P0Y0M").to_string() == "P0D");
    CHECK(P("P0Y1M").to_string() == "P1M");
    CHECK(P("P007D").to_string() == "P7D");
    CHECK((period{1, 2, 3, 4}).to_string() == "P1Y2M3W4D");
    CHECK((period{0, 0, 6, 0}).to_string() == "P6W");
    CHECK((period{10, 0, 0, 0}).to_string() == "P10Y");
}

TEST_CASE("ISO 8601 durations: to_string round trips through parse") {
    for (const char* text : {"P6W", "P1M", "P3M", "P1M1D", "P88Y", "P10Y", "P1Y2M10D", "P1Y2M3W4D",
                             "P2D", "P42D", "P0D", "P999999999Y", "P1W1D"}) {
        CAPTURE(text);
        CHECK(P(text).to_string() == text);
        CHECK(P(P(text).to_string().c_str()) == P(text));
    }
}

TEST_CASE("ISO 8601 durations: has_calendar_part and total_days_part (a week is seven days)") {
    CHECK(P("P1M").has_calendar_part());
    CHECK(P("P1Y").has_calendar_part());
    CHECK_FALSE(P("P6W").has_calendar_part());
    CHECK(P("P6W").total_days_part() == 42);
    CHECK(P("P1Y2W3D").total_days_part() == 17);
    CHECK(P("P999999999W999999999D").total_days_part() == 7'999'999'992);
}

TEST_CASE("ISO 8601 durations: a legal period has no time part (PT1H is refused)") {
    require_error([] { P("PT1H"); }, "echeance.period.invalid", "\"PT1H\"");
    require_error([] { P("P1DT12H"); }, "echeance.period.invalid", "\"P1DT12H\"");
    require_error([] { P("P1H"); }, "echeance.period.invalid", "\"P1H\"");
    try {
        P("PT1H");
    } catch (const echeance::error& e) {
        CHECK(e.where().column == 2);
        CHECK_THAT(e.message(), Catch::Matchers::Contains("time parts"));
    }
}

TEST_CASE("ISO 8601 durations: no negative periods (P-1M and -P1M are refused)") {
    require_error([] { P("P-1M"); }, "echeance.period.invalid", "\"P-1M\"");
    require_error([] { P("-P1M"); }, "echeance.period.invalid", "\"-P1M\"");
    require_error([] { P("P+1M"); }, "echeance.period.invalid", "\"P+1M\"");
    try {
        P("P-1M");
    } catch (const echeance::error& e) {
        CHECK(e.where().column == 2);
        CHECK_THAT(e.message(), Catch::Matchers::Contains("sign"));
    }
}

TEST_CASE("ISO 8601 durations: at least one component (P and the empty text are refused)") {
    require_error([] { P("P"); }, "echeance.period.invalid", "\"P\"");
    require_error([] { P(""); }, "echeance.period.invalid", "\"\"");
}

TEST_CASE("ISO 8601 durations: components in the order Y M W D (P1D1M is refused)") {
    require_error([] { P("P1D1M"); }, "echeance.period.invalid", "\"P1D1M\"");
    require_error([] { P("P1W1Y"); }, "echeance.period.invalid", "\"P1W1Y\"");
    try {
        P("P1D1M");
    } catch (const echeance::error& e) {
        CHECK(e.where().column == 5);
        CHECK_THAT(e.message(), Catch::Matchers::Contains("out of order"));
    }
}

TEST_CASE("ISO 8601 durations: each component at most once (P1M1M is refused)") {
    require_error([] { P("P1M1M"); }, "echeance.period.invalid", "\"P1M1M\"");
    require_error([] { P("P1D2D"); }, "echeance.period.invalid", "\"P1D2D\"");
    try {
        P("P1M1M");
    } catch (const echeance::error& e) {
        CHECK_THAT(e.message(), Catch::Matchers::Contains("repeated"));
    }
}

TEST_CASE("ISO 8601 durations: a number too large for a component is refused") {
    require_error([] { P("P99999999999999999999Y"); }, "echeance.period.invalid",
                  "\"P99999999999999999999Y\"");
    require_error([] { P("P1000000000D"); }, "echeance.period.invalid", "\"P1000000000D\"");
    try {
        P("P99999999999999999999Y");
    } catch (const echeance::error& e) {
        CHECK(e.where().column == 2);
        CHECK_THAT(e.message(), Catch::Matchers::Contains("too large"));
    }
}

TEST_CASE("ISO 8601 durations: ASCII digits only (a full-width digit is refused)") {
    // "P" U+FF11 FULLWIDTH DIGIT ONE "D", in UTF-8.
    const std::string text = "P\xEF\xBC\x91"
                             "D";
    require_error([&] { P(text.c_str()); }, "echeance.period.invalid", "\"" + text + "\"");
    try {
        P(text.c_str());
    } catch (const echeance::error& e) {
        CHECK(e.where().column == 2);
        CHECK_THAT(e.message(), Catch::Matchers::Contains("ASCII"));
    }
}

TEST_CASE("ISO 8601 durations: the designator P is required (6W is refused)") {
    require_error([] { P("6W"); }, "echeance.period.invalid", "\"6W\"");
    require_error([] { P("p6w"); }, "echeance.period.invalid", "\"p6w\"");
    try {
        P("6W");
    } catch (const echeance::error& e) {
        CHECK(e.where().column == 1);
    }
}

TEST_CASE("ISO 8601 durations: no fractions in a legal period (P1.5D, P1,5D are refused)") {
    require_error([] { P("P1.5D"); }, "echeance.period.invalid", "\"P1.5D\"");
    require_error([] { P("P1,5D"); }, "echeance.period.invalid", "\"P1,5D\"");
    try {
        P("P1.5D");
    } catch (const echeance::error& e) {
        CHECK(e.where().column == 3);
        CHECK_THAT(e.message(), Catch::Matchers::Contains("fractions"));
    }
}

TEST_CASE("ISO 8601 durations: a number needs its designator (P6, P6X are refused)") {
    require_error([] { P("P6"); }, "echeance.period.invalid", "\"P6\"");
    require_error([] { P("P6X"); }, "echeance.period.invalid", "\"P6X\"");
    require_error([] { P("PW"); }, "echeance.period.invalid", "\"PW\"");
    require_error([] { P("P6W "); }, "echeance.period.invalid", "\"P6W \"");
}

TEST_CASE("Month-end policies: clamp, overflow and reject by name") {
    CHECK(echeance::parse_month_end("clamp") == month_end::clamp);
    CHECK(echeance::parse_month_end("overflow") == month_end::overflow);
    CHECK(echeance::parse_month_end("reject") == month_end::reject);
    CHECK(echeance::to_string(month_end::clamp) == "clamp");
    CHECK(echeance::to_string(month_end::overflow) == "overflow");
    CHECK(echeance::to_string(month_end::reject) == "reject");
    require_error([] { echeance::parse_month_end("round_down"); }, "echeance.period.month_end",
                  "\"round_down\"");
    require_error([] { echeance::parse_month_end(""); }, "echeance.period.month_end", "\"\"");
}

// ---------------------------------------------------------------------------------------------
// Addition (DOMAIN.md §3)

TEST_CASE("CPC 641 worked example: 14 April 2022 + six weeks is Thursday 26 May 2022") {
    CHECK(add(ymd(2022, 4, 14), P("P6W")) == ymd(2022, 5, 26));
    // Weeks are not in the CPC: seven days a week, same weekday.
    CHECK(add(ymd(2022, 4, 14), P("P42D")) == ymd(2022, 5, 26));
}

TEST_CASE("CPC 641: 31 January 2022 + one month ends on the last day of February (28th)") {
    auto a = add_explained(ymd(2022, 1, 31), P("P1M"));
    CHECK(a.result == ymd(2022, 2, 28));
    CHECK(a.after_months == ymd(2022, 2, 28));
    CHECK(a.start == ymd(2022, 1, 31));
    CHECK(a.month_end_applied);
}

TEST_CASE("CPC 641: months first, then days: 30 January 2024 + P1M1D = 1 March 2024") {
    auto a = add_explained(ymd(2024, 1, 30), P("P1M1D"));
    CHECK(a.after_months == ymd(2024, 2, 29));
    CHECK(a.month_end_applied);
    CHECK(a.result == ymd(2024, 3, 1)); // days first would give 29 February
    CHECK(add(ymd(2022, 1, 31), P("P1M1D")) == ymd(2022, 3, 1));
}

TEST_CASE("Years and months are added together: 29 Feb 2024 + P1Y1M = 29 March 2025") {
    // Together: 2024-02 + 13 months = 2025-03, day 29 exists. Years then months would clamp to
    // 2025-02-28 first and give 28 March.
    auto a = add_explained(ymd(2024, 2, 29), P("P1Y1M"));
    CHECK(a.result == ymd(2025, 3, 29));
    CHECK_FALSE(a.month_end_applied);
    CHECK(add(ymd(2023, 2, 28), P("P1Y1M")) == ymd(2024, 3, 28));
    CHECK(add(ymd(2022, 11, 30), P("P1Y3M")) == ymd(2024, 2, 29));
}

TEST_CASE("Catala vectors: 31 Jan 2012 + one month = 29 Feb 2012 (clamp) / 1 Mar 2012 (overflow)") {
    CHECK(add(ymd(2012, 1, 31), P("P1M"), month_end::clamp) == ymd(2012, 2, 29));
    CHECK(add(ymd(2012, 1, 31), P("P1M"), month_end::overflow) == ymd(2012, 3, 1));
    CHECK(add(ymd(2012, 1, 31), P("P1M")) == ymd(2012, 2, 29)); // clamp is the default
}

TEST_CASE("Catala vectors: 29 Feb 2012 + 88 years = 28 Feb 2100 (clamp) / 1 Mar 2100 (overflow)") {
    CHECK(add(ymd(2012, 2, 29), P("P88Y"), month_end::clamp) == ymd(2100, 2, 28));
    CHECK(add(ymd(2012, 2, 29), P("P88Y"), month_end::overflow) == ymd(2100, 3, 1));
}

TEST_CASE("Month-end policy reject: 31 Jan 2022 + one month is an error naming the dates") {
    require_error([] { add(ymd(2022, 1, 31), P("P1M"), month_end::reject); },
                  "echeance.period.month_end", "2022-01-31 + P1M");
    require_error([] { add(ymd(2012, 2, 29), P("P88Y"), month_end::reject); },
                  "echeance.period.month_end", "2100-02");
    // When the day exists, reject changes nothing.
    CHECK(add(ymd(2022, 1, 28), P("P1M"), month_end::reject) == ymd(2022, 2, 28));
    CHECK(add(ymd(2022, 4, 14), P("P6W"), month_end::reject) == ymd(2022, 5, 26));
}

TEST_CASE("Gregorian leap centuries: 29 Feb 2000 + one year = 28 Feb 2001 (clamp)") {
    CHECK(add(ymd(2000, 2, 29), P("P1Y")) == ymd(2001, 2, 28));
    CHECK(add(ymd(2000, 2, 29), P("P1Y"), month_end::overflow) == ymd(2001, 3, 1));
    require_error([] { add(ymd(2000, 2, 29), P("P1Y"), month_end::reject); },
                  "echeance.period.month_end", "2000-02-29 + P1Y");
    CHECK(add(ymd(2000, 2, 29), P("P4Y")) == ymd(2004, 2, 29));
    CHECK(add(ymd(2000, 2, 29), P("P400Y")) == ymd(2400, 2, 29));
}

TEST_CASE("Gregorian leap centuries: 1900 and 2100 have no 29 February, 2000 has one") {
    CHECK(add(ymd(1896, 2, 29), P("P4Y")) == ymd(1900, 2, 28));
    CHECK(add(ymd(1896, 2, 29), P("P4Y"), month_end::overflow) == ymd(1900, 3, 1));
    CHECK(add(ymd(1996, 2, 29), P("P4Y")) == ymd(2000, 2, 29));
    CHECK(add(ymd(2096, 2, 29), P("P4Y")) == ymd(2100, 2, 28));
    CHECK(add(ymd(1900, 1, 31), P("P1M")) == ymd(1900, 2, 28));
    CHECK(add(ymd(2000, 1, 31), P("P1M")) == ymd(2000, 2, 29));
    CHECK(add(ymd(2100, 1, 31), P("P1M")) == ymd(2100, 2, 28));
    // Day counts across a non-leap century: 28 Feb 1900 + 1 day is 1 March.
    CHECK(add(ymd(1900, 2, 28), P("P1D")) == ymd(1900, 3, 1));
    CHECK(add(ymd(2000, 2, 28), P("P1D")) == ymd(2000, 2, 29));
    CHECK(add(ymd(2100, 2, 28), P("P1D")) == ymd(2100, 3, 1));
}

TEST_CASE("CPC 641 / Reg. 1182/71 art. 3(2)(c): the 28th to 31st + one month, every month of 2023 "
          "and 2024 (leap)") {
    struct row {
        int y;
        unsigned m, d;
        int ey;
        unsigned em, ed;
    };
    // Written by hand: the same day number in the next month, else the last day of that month
    // (30 days hath September, April, June and November; February 28, 29 in 2024).
    const row rows[] = {
        {2023, 1, 28, 2023, 2, 28},   {2023, 1, 29, 2023, 2, 28},   {2023, 1, 30, 2023, 2, 28},
        {2023, 1, 31, 2023, 2, 28},   {2023, 2, 28, 2023, 3, 28},   {2023, 3, 28, 2023, 4, 28},
        {2023, 3, 29, 2023, 4, 29},   {2023, 3, 30, 2023, 4, 30},   {2023, 3, 31, 2023, 4, 30},
        {2023, 4, 28, 2023, 5, 28},   {2023, 4, 29, 2023, 5, 29},   {2023, 4, 30, 2023, 5, 30},
        {2023, 5, 28, 2023, 6, 28},   {2023, 5, 29, 2023, 6, 29},   {2023, 5, 30, 2023, 6, 30},
        {2023, 5, 31, 2023, 6, 30},   {2023, 6, 28, 2023, 7, 28},   {2023, 6, 29, 2023, 7, 29},
        {2023, 6, 30, 2023, 7, 30},   {2023, 7, 28, 2023, 8, 28},   {2023, 7, 29, 2023, 8, 29},
        {2023, 7, 30, 2023, 8, 30},   {2023, 7, 31, 2023, 8, 31},   {2023, 8, 28, 2023, 9, 28},
        {2023, 8, 29, 2023, 9, 29},   {2023, 8, 30, 2023, 9, 30},   {2023, 8, 31, 2023, 9, 30},
        {2023, 9, 28, 2023, 10, 28},  {2023, 9, 29, 2023, 10, 29},  {2023, 9, 30, 2023, 10, 30},
        {2023, 10, 28, 2023, 11, 28}, {2023, 10, 29, 2023, 11, 29}, {2023, 10, 30, 2023, 11, 30},
        {2023, 10, 31, 2023, 11, 30}, {2023, 11, 28, 2023, 12, 28}, {2023, 11, 29, 2023, 12, 29},
        {2023, 11, 30, 2023, 12, 30}, {2023, 12, 28, 2024, 1, 28},  {2023, 12, 29, 2024, 1, 29},
        {2023, 12, 30, 2024, 1, 30},  {2023, 12, 31, 2024, 1, 31},  {2024, 1, 28, 2024, 2, 28},
        {2024, 1, 29, 2024, 2, 29},   {2024, 1, 30, 2024, 2, 29},   {2024, 1, 31, 2024, 2, 29},
        {2024, 2, 28, 2024, 3, 28},   {2024, 2, 29, 2024, 3, 29},   {2024, 3, 28, 2024, 4, 28},
        {2024, 3, 29, 2024, 4, 29},   {2024, 3, 30, 2024, 4, 30},   {2024, 3, 31, 2024, 4, 30},
        {2024, 4, 28, 2024, 5, 28},   {2024, 4, 29, 2024, 5, 29},   {2024, 4, 30, 2024, 5, 30},
        {2024, 5, 28, 2024, 6, 28},   {2024, 5, 29, 2024, 6, 29},   {2024, 5, 30, 2024, 6, 30},
        {2024, 5, 31, 2024, 6, 30},   {2024, 6, 28, 2024, 7, 28},   {2024, 6, 29, 2024, 7, 29},
        {2024, 6, 30, 2024, 7, 30},   {2024, 7, 28, 2024, 8, 28},   {2024, 7, 29, 2024, 8, 29},
        {2024, 7, 30, 2024, 8, 30},   {2024, 7, 31, 2024, 8, 31},   {2024, 8, 28, 2024, 9, 28},
        {2024, 8, 29, 2024, 9, 29},   {2024, 8, 30, 2024, 9, 30},   {2024, 8, 31, 2024, 9, 30},
        {2024, 9, 28, 2024, 10, 28},  {2024, 9, 29, 2024, 10, 29},  {2024, 9, 30, 2024, 10, 30},
        {2024, 10, 28, 2024, 11, 28}, {2024, 10, 29, 2024, 11, 29}, {2024, 10, 30, 2024, 11, 30},
        {2024, 10, 31, 2024, 11, 30}, {2024, 11, 28, 2024, 12, 28}, {2024, 11, 29, 2024, 12, 29},
        {2024, 11, 30, 2024, 12, 30}, {2024, 12, 28, 2025, 1, 28},  {2024, 12, 29, 2025, 1, 29},
        {2024, 12, 30, 2025, 1, 30},  {2024, 12, 31, 2025, 1, 31},
    };
    int clamped = 0;
    for (const row& r : rows) {
        auto start = ymd(r.y, r.m, r.d);
        auto expected = ymd(r.ey, r.em, r.ed);
        CAPTURE(echeance::format_date(start));
        auto a = add_explained(start, P("P1M"));
        CHECK(a.result == expected);
        CHECK(a.month_end_applied == (r.ed != r.d));
        if (r.ed != r.d) {
            ++clamped;
            // Overflow: the first day of the month after.
            CHECK(add(start, P("P1M"), month_end::overflow) ==
                  echeance::year_month_day(echeance::sys_days(expected) + date::days(1)));
        } else {
            CHECK(add(start, P("P1M"), month_end::overflow) == expected);
        }
    }
    // 2023: Jan 29-31, Mar 31, May 31, Aug 31, Oct 31; 2024: Jan 30-31, Mar 31, May 31, Aug 31,
    // Oct 31.
    CHECK(clamped == 13);
}

TEST_CASE("CPC 641: periods of months and years from the last day of a month") {
    CHECK(add(ymd(2022, 3, 31), P("P3M")) == ymd(2022, 6, 30));
    CHECK(add(ymd(2022, 8, 31), P("P6M")) == ymd(2023, 2, 28));
    CHECK(add(ymd(2023, 8, 31), P("P6M")) == ymd(2024, 2, 29));
    CHECK(add(ymd(2022, 12, 31), P("P10Y")) == ymd(2032, 12, 31));
    CHECK(add(ymd(2022, 5, 31), P("P1Y1M")) == ymd(2023, 6, 30));
    CHECK(add(ymd(2022, 2, 28), P("P1M")) == ymd(2022, 3, 28)); // not "last day to last day"
}

TEST_CASE("ISO 8601: the empty period P0D leaves the date unchanged") {
    auto a = add_explained(ymd(2022, 5, 26), P("P0D"));
    CHECK(a.result == ymd(2022, 5, 26));
    CHECK(a.after_months == ymd(2022, 5, 26));
    CHECK_FALSE(a.month_end_applied);
}

TEST_CASE("Supported range: a result after 9999-12-31 is out of range (9999-12-01 + P1M)") {
    require_error([] { add(ymd(9999, 12, 1), P("P1M")); }, "echeance.date.out_of_range",
                  "9999-12-01 + P1M");
    require_error([] { add(ymd(9999, 12, 31), P("P1D")); }, "echeance.date.out_of_range",
                  "9999-12-31 + P1D");
    require_error([] { add(ymd(9999, 12, 25), P("P1W")); }, "echeance.date.out_of_range",
                  "9999-12-25 + P1W");
    require_error([] { add(ymd(2022, 1, 1), P("P999999999Y")); }, "echeance.date.out_of_range",
                  "2022-01-01 + P999999999Y");
    require_error([] { add(ymd(2022, 1, 1), P("P999999999Y999999999M")); },
                  "echeance.date.out_of_range", "2022-01-01 + P999999999Y999999999M");
    require_error([] { add(ymd(2022, 1, 1), P("P999999999W999999999D")); },
                  "echeance.date.out_of_range", "2022-01-01 + P999999999W999999999D");
    require_error([] { add(ymd(9999, 11, 30), P("P1M2D")); }, "echeance.date.out_of_range",
                  "9999-11-30 + P1M2D");
    // The last day itself is fine.
    CHECK(add(ymd(9999, 11, 30), P("P1M")) == ymd(9999, 12, 30));
    CHECK(add(ymd(9999, 12, 30), P("P1D")) == ymd(9999, 12, 31));
    CHECK(add(ymd(9999, 11, 30), P("P1M1D")) == ymd(9999, 12, 31));
    CHECK(add(ymd(9998, 12, 31), P("P1Y")) == ymd(9999, 12, 31));
    CHECK(add(ymd(9999, 10, 31), P("P1M"), month_end::overflow) == ymd(9999, 12, 1));
}
