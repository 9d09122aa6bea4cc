// Unit tests: counting conventions (include/echeance/convention.hpp), DOMAIN.md §3.
#include "echeance/convention.hpp"

#include "echeance/error.hpp"
#include "echeance/io/calendar.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using echeance::builtin_calendar;
using echeance::calendar;
using echeance::compute_deadline;
using echeance::convention;
using echeance::deadline;
using echeance::period;
using echeance::step;
using echeance_test::day;
using echeance_test::require_error;
using echeance_test::ymd;

namespace {

deadline count(const calendar& cal, echeance::year_month_day start, const char* length,
               convention rule, const char* where = "FR") {
    return compute_deadline(cal, start, period::parse(length), rule, cal.find(where));
}

deadline count(echeance::year_month_day start, const char* length, convention rule,
               const char* where = "FR") {
    return count(builtin_calendar(), start, length, rule, where);
}

std::vector<step::kind> kinds(const deadline& d) {
    std::vector<step::kind> out;
    for (std::size_t i = 0; i < d.step_count; ++i) out.push_back(d.steps[i].what);
    return out;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// The worked example of DOMAIN.md §3 (R.1111-28: six weeks from the sending)

TEST_CASE(
    "CPC 642: six weeks from Thursday 14 April 2022 end on Ascension, moved to Friday 27 May") {
    deadline d = count(ymd(2022, 4, 14), "P6W", convention::cpc);
    CHECK(d.start == ymd(2022, 4, 14));
    CHECK(d.length == period{0, 0, 6, 0});
    CHECK(d.rule == convention::cpc);
    CHECK(d.where == builtin_calendar().find("FR"));
    CHECK(d.nominal == ymd(2022, 5, 26));
    CHECK(d.final_day == ymd(2022, 5, 27));
    CHECK(echeance::format_end_local(d) == "2022-05-27T24:00:00");
    CHECK(d.end_local == date::local_seconds(date::local_days(date::year(2022) / 5 / 28)));
    // 24:00 Paris summer time (UTC+2).
    CHECK(echeance::format_end_utc(d) == "2022-05-27T22:00:00Z");
    CHECK(d.end_utc == date::sys_seconds(day(2022, 5, 27)) + std::chrono::hours(22));
    CHECK(kinds(d) == std::vector<step::kind>{step::kind::start, step::kind::add_days,
                                              step::kind::holiday, step::kind::end});
    CHECK(d.steps[2].day == day(2022, 5, 26));
    CHECK(d.steps[3].day == day(2022, 5, 27));
}

TEST_CASE("CPC 642 in Guadeloupe (décret 83-1003): Ascension, 27 May and the weekend: Monday "
          "30 May 2022") {
    deadline d = count(ymd(2022, 4, 14), "P6W", convention::cpc, "FR-971");
    CHECK(d.nominal == ymd(2022, 5, 26));
    CHECK(d.final_day == ymd(2022, 5, 30));
    // 24:00 in Guadeloupe (UTC-4) is 04:00 UTC the next day.
    CHECK(echeance::format_end_local(d) == "2022-05-30T24:00:00");
    CHECK(echeance::format_end_utc(d) == "2022-05-31T04:00:00Z");
    CHECK(kinds(d) == std::vector<step::kind>{step::kind::start, step::kind::add_days,
                                              step::kind::holiday, step::kind::holiday,
                                              step::kind::weekend, step::kind::weekend,
                                              step::kind::end});
    // The alias gives the same count.
    CHECK(count(ymd(2022, 4, 14), "P6W", convention::cpc, "GP").final_day == ymd(2022, 5, 30));
}

TEST_CASE(
    "Plain ISO 8601 arithmetic: six weeks from 14 April 2022 is 26 May 2022, holiday or not") {
    deadline d = count(ymd(2022, 4, 14), "P6W", convention::plain);
    CHECK(d.nominal == ymd(2022, 5, 26));
    CHECK(d.final_day == ymd(2022, 5, 26));
    CHECK(echeance::format_end_utc(d) == "2022-05-26T22:00:00Z");
    CHECK(kinds(d) ==
          std::vector<step::kind>{step::kind::start, step::kind::add_days, step::kind::end});
    CHECK(count(ymd(2022, 4, 14), "P6W", convention::plain, "FR-971").final_day ==
          ymd(2022, 5, 26));
    // A Saturday stays a Saturday.
    CHECK(count(ymd(2024, 3, 2), "P1W", convention::plain).final_day == ymd(2024, 3, 9));
}

TEST_CASE("CPC 642: explain() of the worked example, step by step with its articles") {
    const calendar cal = builtin_calendar();
    deadline d = count(cal, ymd(2022, 4, 14), "P6W", convention::cpc);
    auto steps = echeance::explain(cal, d);
    REQUIRE(steps.size() == 4);
    CHECK(steps[0].text == "start Thursday 14/04/2022: the day of the event is not counted");
    CHECK(steps[0].cite == "CPC 641");
    CHECK(steps[1].text == "+ 6 weeks (42 days; a week is seven days) = Thursday 26/05/2022");
    CHECK(steps[1].cite == "CPC 641");
    CHECK(steps[2].text ==
          "26/05/2022 is Ascension (C. trav. L.3133-1): moved to the next working day");
    CHECK(steps[2].cite == "CPC 642");
    CHECK(steps[3].text == "the period ends on Friday 27/05/2022 at 24:00 local time "
                           "(Europe/Paris), 2022-05-27T22:00:00Z");
    CHECK(steps[3].cite == "CPC 642");
}

TEST_CASE("CPC 642 and décret 83-1003: explain() in Guadeloupe names the abolition day and the "
          "weekend") {
    const calendar cal = builtin_calendar();
    deadline d = count(cal, ymd(2022, 4, 14), "P6W", convention::cpc, "FR-971");
    auto steps = echeance::explain(cal, d);
    REQUIRE(steps.size() == 7);
    CHECK(steps[3].text == "27/05/2022 is Abolition of slavery (Loi 83-550; décret 83-1003): "
                           "moved to the next working day");
    CHECK(steps[4].text == "28/05/2022 is a Saturday: moved to the next working day");
    CHECK(steps[5].text == "29/05/2022 is a Sunday: moved to the next working day");
    CHECK(steps[4].cite == "CPC 642");
    CHECK(steps[6].text == "the period ends on Monday 30/05/2022 at 24:00 local time "
                           "(America/Guadeloupe), 2022-05-31T04:00:00Z");
}

TEST_CASE("C. trav. L.3133-1: two holidays on one day are both named (Ascension = 1 May 2008)") {
    const calendar cal = builtin_calendar();
    // Easter 2008 = 23 March, Ascension = 1 May. 17 April + 2 weeks = Thursday 1 May 2008.
    deadline d = count(cal, ymd(2008, 4, 17), "P2W", convention::cpc);
    CHECK(d.final_day == ymd(2008, 5, 2));
    auto steps = echeance::explain(cal, d);
    REQUIRE(steps.size() == 4);
    CHECK(steps[2].text == "01/05/2008 is Labour Day (C. trav. L.3133-1) and Ascension "
                           "(C. trav. L.3133-1): moved to the next working day");
}

// ---------------------------------------------------------------------------------------------
// End instants: 24:00 local time of the territory (DOMAIN.md §4)

TEST_CASE("CPC 642: a winter deadline ends at 24:00 Paris time = 23:00 UTC") {
    // 10 January 2022 + one month = Thursday 10 February 2022 (CET, UTC+1).
    deadline d = count(ymd(2022, 1, 10), "P1M", convention::cpc);
    CHECK(d.final_day == ymd(2022, 2, 10));
    CHECK(echeance::format_end_local(d) == "2022-02-10T24:00:00");
    CHECK(echeance::format_end_utc(d) == "2022-02-10T23:00:00Z");
}

TEST_CASE("CPC 642: 24:00 local time in every territory (worked example)") {
    struct row {
        const char* where;
        const char* final_day;
        const char* end_utc;
    };
    const row rows[] = {
        {"FR", "2022-05-27", "2022-05-27T22:00:00Z"},     // Europe/Paris, UTC+2 in summer
        {"FR-57", "2022-05-27", "2022-05-27T22:00:00Z"},  // Europe/Paris
        {"FR-971", "2022-05-30", "2022-05-31T04:00:00Z"}, // UTC-4; 27 May abolition day
        {"FR-972", "2022-05-27", "2022-05-28T04:00:00Z"}, // UTC-4; 22 May is Martinique's day
        {"FR-973", "2022-05-27", "2022-05-28T03:00:00Z"}, // UTC-3
        {"FR-974", "2022-05-27", "2022-05-27T20:00:00Z"}, // UTC+4
        {"FR-976", "2022-05-27", "2022-05-27T21:00:00Z"}, // UTC+3
        {"FR-BL", "2022-05-27", "2022-05-28T04:00:00Z"},  // UTC-4; 9 Oct since 2012
        {"FR-MF", "2022-05-30", "2022-05-31T04:00:00Z"},  // UTC-4; 27 (and 28) May
    };
    for (const row& r : rows) {
        CAPTURE(r.where);
        deadline d = count(ymd(2022, 4, 14), "P6W", convention::cpc, r.where);
        CHECK(echeance::format_date(d.final_day) == r.final_day);
        CHECK(echeance::format_end_utc(d) == r.end_utc);
    }
}

TEST_CASE("Plain arithmetic across the change to and from Paris summer time (2024)") {
    // Saturday 30 March ends at 00:00 CET on 31 March (before the 02:00 change): 23:00 UTC.
    CHECK(echeance::format_end_utc(count(ymd(2024, 3, 29), "P1D", convention::plain)) ==
          "2024-03-30T23:00:00Z");
    // Sunday 31 March ends at 00:00 CEST on 1 April: 22:00 UTC.
    CHECK(echeance::format_end_utc(count(ymd(2024, 3, 30), "P1D", convention::plain)) ==
          "2024-03-31T22:00:00Z");
    // Saturday 26 October ends at 00:00 CEST on 27 October (before the 03:00 change).
    CHECK(echeance::format_end_utc(count(ymd(2024, 10, 25), "P1D", convention::plain)) ==
          "2024-10-26T22:00:00Z");
    CHECK(echeance::format_end_utc(count(ymd(2024, 10, 26), "P1D", convention::plain)) ==
          "2024-10-27T23:00:00Z");
}

// ---------------------------------------------------------------------------------------------
// Weekends and holidays (CPC 642, Reg. 1182/71 art. 3(4))

TEST_CASE("CPC 642: a deadline falling on a Saturday moves to Monday") {
    // 2 March 2024 + one week = Saturday 9 March 2024.
    deadline d = count(ymd(2024, 3, 2), "P1W", convention::cpc);
    CHECK(d.nominal == ymd(2024, 3, 9));
    CHECK(d.final_day == ymd(2024, 3, 11));
    CHECK(kinds(d) == std::vector<step::kind>{step::kind::start, step::kind::add_days,
                                              step::kind::weekend, step::kind::weekend,
                                              step::kind::end});
}

TEST_CASE("CPC 642: a deadline falling on a Sunday moves to Monday") {
    deadline d = count(ymd(2024, 3, 3), "P1W", convention::cpc);
    CHECK(d.nominal == ymd(2024, 3, 10));
    CHECK(d.final_day == ymd(2024, 3, 11));
}

TEST_CASE("CPC 642: a Saturday followed by Easter Monday moves to Tuesday (30 March 2024 -> "
          "2 April)") {
    const calendar cal = builtin_calendar();
    deadline d = count(cal, ymd(2024, 3, 16), "P2W", convention::cpc);
    CHECK(d.nominal == ymd(2024, 3, 30));
    CHECK(d.final_day == ymd(2024, 4, 2));
    CHECK(kinds(d) == std::vector<step::kind>{step::kind::start, step::kind::add_days,
                                              step::kind::weekend, step::kind::weekend,
                                              step::kind::holiday, step::kind::end});
    auto steps = echeance::explain(cal, d);
    REQUIRE(steps.size() == 6);
    CHECK(steps[4].text ==
          "01/04/2024 is Easter Monday (C. trav. L.3133-1): moved to the next working day");
}

TEST_CASE("CPC 642: a Saturday followed by Whit Monday moves to Tuesday; in Guyane 10 June "
          "(décret 83-1003) also") {
    // 24 May 2025 + 2 weeks = Saturday 7 June; Whit Monday 9 June 2025.
    CHECK(count(ymd(2025, 5, 24), "P2W", convention::cpc).final_day == ymd(2025, 6, 10));
    CHECK(count(ymd(2025, 5, 24), "P2W", convention::cpc, "FR-973").final_day == ymd(2025, 6, 11));
}

TEST_CASE("C. trav. L.3134-13 under CPC 642: Good Friday 2025 moves a Moselle deadline to "
          "Tuesday 22 April") {
    // 4 April 2025 + 2 weeks = Friday 18 April 2025 (Good Friday), then the weekend and Easter
    // Monday.
    CHECK(count(ymd(2025, 4, 4), "P2W", convention::cpc, "FR-57").final_day == ymd(2025, 4, 22));
    CHECK(count(ymd(2025, 4, 4), "P2W", convention::cpc, "FR").final_day == ymd(2025, 4, 18));
    const calendar temple = builtin_calendar({{"alsace_moselle_good_friday", "temple_communes"}});
    CHECK(count(temple, ymd(2025, 4, 4), "P2W", convention::cpc, "FR-57").final_day ==
          ymd(2025, 4, 18));
    // St Stephen's day, Thursday 26 December 2024.
    CHECK(count(ymd(2024, 12, 12), "P2W", convention::cpc, "FR-67").final_day == ymd(2024, 12, 27));
    CHECK(count(ymd(2024, 12, 12), "P2W", convention::cpc, "FR").final_day == ymd(2024, 12, 26));
}

TEST_CASE("Décret 2012-553 and circulaires 2018-2019 under CPC 642: Saint-Martin settings change "
          "the deadline") {
    // 13 May 2025 + 2 weeks = Tuesday 27 May 2025; Ascension is Thursday 29 May 2025.
    const calendar both = builtin_calendar();
    const calendar decree = builtin_calendar({{"saint_martin_abolition", "decree"}});
    const calendar observed = builtin_calendar({{"saint_martin_abolition", "observed"}});
    CHECK(count(both, ymd(2025, 5, 13), "P2W", convention::cpc, "FR-MF").final_day ==
          ymd(2025, 5, 30));
    CHECK(count(decree, ymd(2025, 5, 13), "P2W", convention::cpc, "FR-MF").final_day ==
          ymd(2025, 5, 28));
    CHECK(count(observed, ymd(2025, 5, 13), "P2W", convention::cpc, "FR-MF").final_day ==
          ymd(2025, 5, 27));
}

TEST_CASE("CPC 641 then 642: 31 January 2022 + one month ends Monday 28 February") {
    const calendar cal = builtin_calendar();
    deadline d = count(cal, ymd(2022, 1, 31), "P1M", convention::cpc);
    CHECK(d.nominal == ymd(2022, 2, 28));
    CHECK(d.final_day == ymd(2022, 2, 28));
    CHECK(kinds(d) == std::vector<step::kind>{step::kind::start, step::kind::add_months,
                                              step::kind::month_end, step::kind::end});
    auto steps = echeance::explain(cal, d);
    REQUIRE(steps.size() == 4);
    CHECK(steps[1].text == "+ 1 month (years and months first, same day number) = 28/02/2022");
    CHECK(steps[2].text ==
          "day 31 does not exist in that month: last day of the month, 28/02/2022");
    CHECK(steps[2].cite == "CPC 641");
}

TEST_CASE("CPC 641: months first, then days: 30 January 2024 + P1M1D ends Friday 1 March 2024") {
    deadline d = count(ymd(2024, 1, 30), "P1M1D", convention::cpc);
    CHECK(d.nominal == ymd(2024, 3, 1));
    CHECK(d.final_day == ymd(2024, 3, 1));
    CHECK(kinds(d) == std::vector<step::kind>{step::kind::start, step::kind::add_months,
                                              step::kind::month_end, step::kind::add_days,
                                              step::kind::end});
    CHECK(d.steps[1].day == day(2024, 2, 29));
    CHECK(d.steps[3].day == day(2024, 3, 1));
}

TEST_CASE("R.1111-36 under CPC 641: ten years of archive and three months for a deletion") {
    CHECK(count(ymd(2022, 3, 15), "P10Y", convention::cpc).final_day == ymd(2032, 3, 15));
    CHECK(count(ymd(2022, 11, 30), "P3M", convention::cpc).final_day == ymd(2023, 2, 28));
}

TEST_CASE("GDPR art. 12(3) under Reg. 1182/71: a request of 31 January 2024 is answered by "
          "29 February 2024") {
    deadline d = count(ymd(2024, 1, 31), "P1M", convention::eu);
    CHECK(d.final_day == ymd(2024, 2, 29));
    CHECK(echeance::format_end_utc(d) == "2024-02-29T23:00:00Z");
}

// ---------------------------------------------------------------------------------------------
// Reg. 1182/71 art. 3(5): at least two working days in a period of two days or more

TEST_CASE("Reg. 1182/71 art. 3(5): two days from Friday 8 March 2024 end Tuesday 12 March (CPC: "
          "Monday 11)") {
    const calendar cal = builtin_calendar();
    deadline eu = count(cal, ymd(2024, 3, 8), "P2D", convention::eu);
    CHECK(eu.nominal == ymd(2024, 3, 10));
    CHECK(eu.final_day == ymd(2024, 3, 12));
    CHECK(kinds(eu) == std::vector<step::kind>{step::kind::start, step::kind::add_days,
                                               step::kind::weekend, step::kind::minimum,
                                               step::kind::end});
    CHECK(eu.steps[3].day == day(2024, 3, 12));
    CHECK(count(cal, ymd(2024, 3, 8), "P2D", convention::cpc).final_day == ymd(2024, 3, 11));

    auto steps = echeance::explain(cal, eu);
    REQUIRE(steps.size() == 5);
    CHECK(steps[0].cite == "Reg. 1182/71 art. 3(1)");
    CHECK(steps[2].cite == "Reg. 1182/71 art. 3(4)");
    CHECK(steps[3].text == "a period of two days or more must contain two working days: "
                           "extended to Tuesday 12/03/2024");
    CHECK(steps[3].cite == "Reg. 1182/71 art. 3(5)");
    CHECK(steps[4].cite == "Reg. 1182/71 art. 3(2)(b)");
}

TEST_CASE("Reg. 1182/71 art. 3(5): two days from Thursday 14 August 2025 (15 August holiday) end "
          "Tuesday 19 August") {
    // Friday 15 Aug is a holiday, 16-17 the weekend: 3(4) gives Monday 18, which is the only
    // working day in the period, so 3(5) extends it to Tuesday 19.
    deadline eu = count(ymd(2025, 8, 14), "P2D", convention::eu);
    CHECK(eu.nominal == ymd(2025, 8, 16));
    CHECK(eu.final_day == ymd(2025, 8, 19));
    CHECK(count(ymd(2025, 8, 14), "P2D", convention::cpc).final_day == ymd(2025, 8, 18));
}

TEST_CASE("Reg. 1182/71 art. 3(5): a nominal working day can still be extended (24 Dec 2024 + "
          "2 days)") {
    // Christmas Wednesday 25 Dec 2024: the period 25-26 Dec has one working day (26) in FR.
    CHECK(count(ymd(2024, 12, 24), "P2D", convention::eu).final_day == ymd(2024, 12, 27));
    CHECK(count(ymd(2024, 12, 24), "P2D", convention::cpc).final_day == ymd(2024, 12, 26));
    // In Moselle 26 Dec is a holiday too (L.3134-13): 3(4) gives Friday 27, 3(5) Monday 30.
    CHECK(count(ymd(2024, 12, 24), "P2D", convention::eu, "FR-57").final_day == ymd(2024, 12, 30));
    CHECK(count(ymd(2024, 12, 24), "P2D", convention::cpc, "FR-57").final_day == ymd(2024, 12, 27));
}

TEST_CASE("Reg. 1182/71 art. 3(5): no extension when the period already has two working days") {
    // Thursday 7 March 2024 + 2 days = Saturday 9 -> Monday 11; Friday 8 and Monday 11 work.
    deadline d = count(ymd(2024, 3, 7), "P2D", convention::eu);
    CHECK(d.final_day == ymd(2024, 3, 11));
    for (std::size_t i = 0; i < d.step_count; ++i) CHECK(d.steps[i].what != step::kind::minimum);
}

TEST_CASE("Reg. 1182/71 art. 3(5) is for two days or more: one day from Friday ends Monday") {
    CHECK(count(ymd(2024, 3, 8), "P1D", convention::eu).final_day == ymd(2024, 3, 11));
}

TEST_CASE("Reg. 1182/71 art. 3(4) and CPC 642 agree on ordinary weekend and holiday moves") {
    struct row {
        echeance::year_month_day start;
        const char* length;
        const char* where;
        echeance::year_month_day expected;
    };
    const row rows[] = {
        {ymd(2022, 4, 14), "P6W", "FR", ymd(2022, 5, 27)},     // Ascension
        {ymd(2022, 4, 14), "P6W", "FR-971", ymd(2022, 5, 30)}, // Ascension, 27 May, weekend
        {ymd(2024, 3, 2), "P1W", "FR", ymd(2024, 3, 11)},      // Saturday
        {ymd(2024, 3, 16), "P2W", "FR", ymd(2024, 4, 2)},      // Saturday, Easter Monday
        {ymd(2024, 10, 11), "P3W", "FR", ymd(2024, 11, 4)},    // Friday 1 Nov, weekend
        {ymd(2022, 1, 31), "P1M", "FR", ymd(2022, 2, 28)},     // month end, a Monday
        {ymd(2024, 6, 14), "P1M", "FR", ymd(2024, 7, 15)},     // Sunday 14 July
        {ymd(2025, 4, 4), "P2W", "FR-68", ymd(2025, 4, 22)},   // Good Friday, Easter Monday
        {ymd(2022, 3, 15), "P10Y", "FR", ymd(2032, 3, 15)},    // a Monday
    };
    for (const row& r : rows) {
        CAPTURE(echeance::format_date(r.start), r.length, r.where);
        CHECK(count(r.start, r.length, convention::cpc, r.where).final_day == r.expected);
        CHECK(count(r.start, r.length, convention::eu, r.where).final_day == r.expected);
    }
}

// ---------------------------------------------------------------------------------------------
// Names, citations and errors

TEST_CASE("Counting conventions by name: plain, cpc (CPC 640-642), eu (Reg. 1182/71)") {
    CHECK(echeance::parse_convention("plain") == convention::plain);
    CHECK(echeance::parse_convention("cpc") == convention::cpc);
    CHECK(echeance::parse_convention("eu") == convention::eu);
    CHECK(echeance::to_string(convention::plain) == "plain");
    CHECK(echeance::to_string(convention::cpc) == "cpc");
    CHECK(echeance::to_string(convention::eu) == "eu");
    CHECK(echeance::extension_cite(convention::cpc) == "CPC 642");
    CHECK(echeance::extension_cite(convention::eu) == "Reg. 1182/71 art. 3(4)");
    CHECK(echeance::extension_cite(convention::plain).empty());
    require_error([] { echeance::parse_convention("CPC"); }, "echeance.convention.unknown",
                  "\"CPC\"");
    require_error([] { echeance::parse_convention("gdpr"); }, "echeance.convention.unknown",
                  "\"gdpr\"");
}

TEST_CASE("Supported range: a deadline after 9999-12-31 is out of range") {
    require_error([] { count(ymd(9999, 12, 1), "P1M", convention::cpc); },
                  "echeance.date.out_of_range", "9999-12-01 + P1M");
    require_error([] { count(ymd(9999, 12, 31), "P1D", convention::eu); },
                  "echeance.date.out_of_range", "9999-12-31 + P1D");
    // Friday 31 December 9999 is the last day that can be computed.
    CHECK(count(ymd(9999, 12, 30), "P1D", convention::cpc).final_day == ymd(9999, 12, 31));
    CHECK(echeance::format_end_utc(count(ymd(9999, 12, 30), "P1D", convention::cpc)) ==
          "9999-12-31T23:00:00Z");
}
