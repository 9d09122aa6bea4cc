// Unit tests: public holidays by territory (include/echeance/calendar.hpp,
// rules/calendars/fr.json).
//
// The expected lists below are written by hand from the law, not copied from the data file:
// - C. trav. L.3133-1 (everywhere): 1 Jan, Easter Monday, 1 May, 8 May, Ascension (Easter + 39),
//   Whit Monday (Easter + 50), 14 Jul, 15 Aug, 1 Nov, 11 Nov, 25 Dec.
// - C. trav. L.3134-13 (Moselle, Bas-Rhin, Haut-Rhin): also Good Friday (Easter - 2) and 26 Dec.
// - Loi 83-550 and décret 83-1003 of 23 Nov 1983 as modified by décret 2012-553 (abolition of
//   slavery): Mayotte 27 Apr (from 1984, like the other departments of 1983), Martinique 22 May,
//   Guadeloupe 27 May, Guyane 10 Jun, La Réunion 20 Dec, Saint-Barthélemy 9 Oct, Saint-Martin 27
//   May (decree) and/or 28 May (observed since 2018, circulaires interministérielles 2018, 2019).
// Easter Sunday 2024 = 31 March, so Good Friday 29 Mar, Easter Monday 1 Apr, Ascension 9 May,
// Whit Monday 20 May. Easter Sunday 2025 = 20 April: Good Friday 18 Apr, Easter Monday 21 Apr,
// Ascension 29 May, Whit Monday 9 Jun.
#include "echeance/calendar.hpp"

#include "echeance/error.hpp"
#include "echeance/io/calendar.hpp"
#include "support.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

using echeance::builtin_calendar;
using echeance::calendar;
using echeance::territory;
using echeance_test::day;
using echeance_test::require_error;
using echeance_test::ymd;

namespace {

using dates = std::vector<std::string>;

dates holiday_dates(const calendar& cal, const char* where, int year) {
    dates out;
    for (const auto& h : cal.holidays(cal.find(where), date::year(year)))
        out.push_back(echeance::format_date(h.day));
    return out;
}

// Merges extra days into a base list and sorts (ISO dates sort as text).
dates with(dates base, const dates& extra) {
    base.insert(base.end(), extra.begin(), extra.end());
    std::sort(base.begin(), base.end());
    return base;
}

// C. trav. L.3133-1, 2024 (Easter 31 March).
const dates l3133_1_2024 = {"2024-01-01", "2024-04-01", "2024-05-01", "2024-05-08",
                            "2024-05-09", "2024-05-20", "2024-07-14", "2024-08-15",
                            "2024-11-01", "2024-11-11", "2024-12-25"};
// C. trav. L.3133-1, 2025 (Easter 20 April).
const dates l3133_1_2025 = {"2025-01-01", "2025-04-21", "2025-05-01", "2025-05-08",
                            "2025-05-29", "2025-06-09", "2025-07-14", "2025-08-15",
                            "2025-11-01", "2025-11-11", "2025-12-25"};

// The fast path (bits) agrees with the slow path (list) on every day of the year.
void check_bits_match_list(const calendar& cal, const char* where, int year) {
    territory t = cal.find(where);
    std::set<std::string> listed;
    for (const auto& h : cal.holidays(t, date::year(year)))
        listed.insert(echeance::format_date(h.day));
    int count = 0;
    for (auto d = day(year, 1, 1); d <= day(year, 12, 31); d += date::days(1)) {
        auto text = echeance::format_date(echeance::year_month_day(d));
        bool expected = listed.count(text) != 0;
        if (cal.is_holiday(t, d) != expected) {
            CAPTURE(where, text);
            CHECK(cal.is_holiday(t, d) == expected);
        }
        count += expected;
        auto wd = date::weekday(d);
        bool weekend = wd == date::Saturday || wd == date::Sunday;
        if (cal.is_working_day(t, d) != (!weekend && !expected)) {
            CAPTURE(where, text);
            CHECK(cal.is_working_day(t, d) == (!weekend && !expected));
        }
    }
    CHECK(count == int(listed.size()));
}

const char* const all_territories[] = {"FR",     "FR-57",  "FR-67",  "FR-68", "FR-971", "FR-972",
                                       "FR-973", "FR-974", "FR-976", "FR-BL", "FR-MF"};

} // namespace

// ---------------------------------------------------------------------------------------------
// Holidays of 2024 and 2025, every territory

TEST_CASE("C. trav. L.3133-1: the eleven public holidays of metropolitan France, 2024 and 2025") {
    const calendar cal = echeance::builtin_calendar();
    CHECK(holiday_dates(cal, "FR", 2024) == l3133_1_2024);
    CHECK(holiday_dates(cal, "FR", 2025) == l3133_1_2025);

    auto list = cal.holidays(cal.find("FR"), date::year(2024));
    REQUIRE(list.size() == 11);
    CHECK(list[4].day == ymd(2024, 5, 9));
    CHECK(list[4].id == "ascension");
    CHECK(list[4].name == "Ascension");
    CHECK(list[4].cite == "C. trav. L.3133-1");
    CHECK(list[1].name == "Easter Monday");
    CHECK(list[1].name_fr == "Lundi de Pâques");
    CHECK(list[5].name == "Whit Monday");
    CHECK(list[6].name_fr == "Fête nationale");
    for (const auto& h : list) {
        CAPTURE(h.id);
        CHECK(h.cite == "C. trav. L.3133-1");
        CHECK_FALSE(h.name.empty());
        CHECK_FALSE(h.name_fr.empty());
    }
}

TEST_CASE("C. trav. L.3134-13: Moselle (FR-57) adds Good Friday and 26 December, 2024 and 2025") {
    const calendar cal = echeance::builtin_calendar();
    CHECK(holiday_dates(cal, "FR-57", 2024) == with(l3133_1_2024, {"2024-03-29", "2024-12-26"}));
    CHECK(holiday_dates(cal, "FR-57", 2025) == with(l3133_1_2025, {"2025-04-18", "2025-12-26"}));
    auto good_friday = cal.holidays_on(cal.find("FR-57"), ymd(2025, 4, 18));
    REQUIRE(good_friday.size() == 1);
    CHECK(good_friday[0].name == "Good Friday");
    CHECK(good_friday[0].cite == "C. trav. L.3134-13");
    auto st_stephen = cal.holidays_on(cal.find("FR-57"), ymd(2024, 12, 26));
    REQUIRE(st_stephen.size() == 1);
    CHECK(st_stephen[0].name_fr == "Saint-Étienne");
    CHECK(st_stephen[0].cite == "C. trav. L.3134-13");
}

TEST_CASE("C. trav. L.3134-13: Bas-Rhin (FR-67) adds Good Friday and 26 December, 2024 and 2025") {
    const calendar cal = echeance::builtin_calendar();
    CHECK(holiday_dates(cal, "FR-67", 2024) == with(l3133_1_2024, {"2024-03-29", "2024-12-26"}));
    CHECK(holiday_dates(cal, "FR-67", 2025) == with(l3133_1_2025, {"2025-04-18", "2025-12-26"}));
}

TEST_CASE("C. trav. L.3134-13: Haut-Rhin (FR-68) adds Good Friday and 26 December, 2024 and 2025") {
    const calendar cal = echeance::builtin_calendar();
    CHECK(holiday_dates(cal, "FR-68", 2024) == with(l3133_1_2024, {"2024-03-29", "2024-12-26"}));
    CHECK(holiday_dates(cal, "FR-68", 2025) == with(l3133_1_2025, {"2025-04-18", "2025-12-26"}));
}

TEST_CASE("Décret 83-1003: Guadeloupe (FR-971) adds 27 May, 2024 and 2025") {
    const calendar cal = echeance::builtin_calendar();
    CHECK(holiday_dates(cal, "FR-971", 2024) == with(l3133_1_2024, {"2024-05-27"}));
    CHECK(holiday_dates(cal, "FR-971", 2025) == with(l3133_1_2025, {"2025-05-27"}));
    auto h = cal.holidays_on(cal.find("FR-971"), ymd(2024, 5, 27));
    REQUIRE(h.size() == 1);
    CHECK(h[0].name == "Abolition of slavery");
    CHECK_THAT(h[0].cite, Catch::Matchers::Contains("83-1003"));
}

TEST_CASE("Décret 83-1003: Martinique (FR-972) adds 22 May, 2024 and 2025") {
    const calendar cal = echeance::builtin_calendar();
    CHECK(holiday_dates(cal, "FR-972", 2024) == with(l3133_1_2024, {"2024-05-22"}));
    CHECK(holiday_dates(cal, "FR-972", 2025) == with(l3133_1_2025, {"2025-05-22"}));
    auto h = cal.holidays_on(cal.find("FR-972"), ymd(2025, 5, 22));
    REQUIRE(h.size() == 1);
    CHECK(h[0].name_fr == "Abolition de l'esclavage");
    CHECK_THAT(h[0].cite, Catch::Matchers::Contains("83-1003"));
}

TEST_CASE("Décret 83-1003: Guyane (FR-973) adds 10 June, 2024 and 2025") {
    const calendar cal = echeance::builtin_calendar();
    CHECK(holiday_dates(cal, "FR-973", 2024) == with(l3133_1_2024, {"2024-06-10"}));
    CHECK(holiday_dates(cal, "FR-973", 2025) == with(l3133_1_2025, {"2025-06-10"}));
    auto h = cal.holidays_on(cal.find("FR-973"), ymd(2024, 6, 10));
    REQUIRE(h.size() == 1);
    CHECK_THAT(h[0].cite, Catch::Matchers::Contains("83-1003"));
}

TEST_CASE("Décret 83-1003: La Réunion (FR-974) adds 20 December, 2024 and 2025") {
    const calendar cal = echeance::builtin_calendar();
    CHECK(holiday_dates(cal, "FR-974", 2024) == with(l3133_1_2024, {"2024-12-20"}));
    CHECK(holiday_dates(cal, "FR-974", 2025) == with(l3133_1_2025, {"2025-12-20"}));
    auto h = cal.holidays_on(cal.find("FR-974"), ymd(2025, 12, 20));
    REQUIRE(h.size() == 1);
    CHECK_THAT(h[0].cite, Catch::Matchers::Contains("83-1003"));
}

TEST_CASE("Loi 83-550; décret 83-1003: Mayotte (FR-976) adds 27 April, 2024 and 2025") {
    const calendar cal = echeance::builtin_calendar();
    CHECK(holiday_dates(cal, "FR-976", 2024) == with(l3133_1_2024, {"2024-04-27"}));
    CHECK(holiday_dates(cal, "FR-976", 2025) == with(l3133_1_2025, {"2025-04-27"}));
    auto h = cal.holidays_on(cal.find("FR-976"), ymd(2024, 4, 27));
    REQUIRE(h.size() == 1);
    CHECK_THAT(h[0].cite, Catch::Matchers::Contains("83-550"));
    CHECK_THAT(h[0].cite, Catch::Matchers::Contains("83-1003"));
}

// Loi 83-550 of 30 June 1983 names Mayotte; décret 83-1003 of 23 November 1983 sets the dates,
// so the first 27 April is in 1984 (décret 2012-553 only reordered the list: not from 2012).
TEST_CASE("Loi 83-550; décret 83-1003: Mayotte (FR-976) 27 April from 1984, not in 1983") {
    const calendar cal = echeance::builtin_calendar();
    const auto yt = cal.find("FR-976");
    CHECK_FALSE(cal.is_holiday(yt, day(1983, 4, 27)));
    CHECK(cal.is_holiday(yt, day(1984, 4, 27)));
    CHECK(cal.is_holiday(yt, day(2000, 4, 27)));
    CHECK(cal.is_holiday(yt, day(2011, 4, 27)));
    // Elsewhere 27 April is a working day (2000-04-27 was a Thursday).
    CHECK_FALSE(cal.is_holiday(cal.find("FR"), day(2000, 4, 27)));
}

TEST_CASE("Décret 83-1003 mod. par décret 2012-553: Saint-Barthélemy (FR-BL) adds 9 October, "
          "2024 and 2025") {
    const calendar cal = echeance::builtin_calendar();
    CHECK(holiday_dates(cal, "FR-BL", 2024) == with(l3133_1_2024, {"2024-10-09"}));
    CHECK(holiday_dates(cal, "FR-BL", 2025) == with(l3133_1_2025, {"2025-10-09"}));
    auto h = cal.holidays_on(cal.find("FR-BL"), ymd(2025, 10, 9));
    REQUIRE(h.size() == 1);
    CHECK_THAT(h[0].cite, Catch::Matchers::Contains("2012-553"));
    // No longer 27 May (that was Guadeloupe's day, before 2007).
    CHECK_FALSE(cal.is_holiday(cal.find("FR-BL"), day(2025, 5, 27)));
}

TEST_CASE("Décret 2012-553 and circulaires 2018-2019: Saint-Martin (FR-MF) adds 27 and 28 May "
          "by default ('both'), 2024 and 2025") {
    const calendar cal = echeance::builtin_calendar();
    CHECK(holiday_dates(cal, "FR-MF", 2024) == with(l3133_1_2024, {"2024-05-27", "2024-05-28"}));
    CHECK(holiday_dates(cal, "FR-MF", 2025) == with(l3133_1_2025, {"2025-05-27", "2025-05-28"}));
    auto decree = cal.holidays_on(cal.find("FR-MF"), ymd(2025, 5, 27));
    REQUIRE(decree.size() == 1);
    CHECK_THAT(decree[0].cite, Catch::Matchers::Contains("2012-553"));
    auto observed = cal.holidays_on(cal.find("FR-MF"), ymd(2025, 5, 28));
    REQUIRE(observed.size() == 1);
    CHECK_THAT(observed[0].cite, Catch::Matchers::Contains("Circulaires"));
    CHECK(observed[0].name == "Abolition of slavery (observed)");
}

TEST_CASE("C. trav. L.3133-1 everywhere: the fast day test agrees with the yearly lists") {
    const calendar cal = echeance::builtin_calendar();
    for (const char* where : all_territories) {
        check_bits_match_list(cal, where, 2024);
        check_bits_match_list(cal, where, 2025);
    }
}

TEST_CASE("C. trav. L.3133-1: holidays_on a working day is empty") {
    const calendar cal = echeance::builtin_calendar();
    CHECK(cal.holidays_on(cal.find("FR"), ymd(2022, 5, 25)).empty());
    CHECK(cal.holidays_on(cal.find("FR"), ymd(2022, 5, 28)).empty()); // a Saturday, not a holiday
    // Good Friday is customary, not statutory, in the Antilles (DOMAIN.md §4).
    CHECK(cal.holidays_on(cal.find("FR-971"), ymd(2025, 4, 18)).empty());
    CHECK_FALSE(cal.is_holiday(cal.find("FR"), day(2025, 4, 18)));
    CHECK_FALSE(cal.is_holiday(cal.find("FR"), day(2024, 12, 26)));
}

// ---------------------------------------------------------------------------------------------
// History (dated rules)

TEST_CASE("C. trav. L.3133-1: Whit Monday stayed a legal holiday in 2005-2007") {
    const calendar cal = echeance::builtin_calendar();
    // Easter 2005 = 27 March, 2006 = 16 April, 2007 = 8 April.
    CHECK(cal.is_holiday(cal.find("FR"), day(2005, 5, 16)));
    CHECK(cal.is_holiday(cal.find("FR"), day(2006, 6, 5)));
    CHECK(cal.is_holiday(cal.find("FR"), day(2007, 5, 28)));
}

TEST_CASE("Décret 83-1003: Saint-Martin kept 27 May only up to 2017 (the 28 mars error), "
          "whatever the setting") {
    const calendar observed = echeance::builtin_calendar({{"saint_martin_abolition", "observed"}});
    CHECK(holiday_dates(observed, "FR-MF", 2017) ==
          with({"2017-01-01", "2017-04-17", "2017-05-01", "2017-05-08", "2017-05-25", "2017-06-05",
                "2017-07-14", "2017-08-15", "2017-11-01", "2017-11-11", "2017-12-25"},
               {"2017-05-27"}));
    CHECK(observed.is_holiday(observed.find("FR-MF"), day(2018, 5, 28)));
    CHECK_FALSE(observed.is_holiday(observed.find("FR-MF"), day(2018, 5, 27)));
}

TEST_CASE("Décret 83-1003: Saint-Barthélemy and Saint-Martin, communes of Guadeloupe until 2007, "
          "had 27 May") {
    const calendar cal = echeance::builtin_calendar();
    CHECK(cal.is_holiday(cal.find("FR-BL"), day(2005, 5, 27)));
    CHECK(cal.is_holiday(cal.find("FR-MF"), day(2005, 5, 27)));
    CHECK_FALSE(cal.is_holiday(cal.find("FR-BL"), day(2005, 10, 9)));
}

TEST_CASE("Supported range: holidays of the last year 9999 are known, none outside the range") {
    const calendar cal = echeance::builtin_calendar();
    CHECK(cal.is_holiday(cal.find("FR"), day(9999, 12, 25)));
    CHECK(cal.is_holiday(cal.find("FR-57"), day(9999, 12, 26)));
    CHECK_FALSE(cal.is_holiday(cal.find("FR"), day(9999, 12, 31)));
    CHECK(cal.holidays(cal.find("FR"), date::year(1582)).empty());
    CHECK(cal.holidays(cal.find("FR"), date::year(10000)).empty());
    CHECK_FALSE(cal.is_holiday(cal.find("FR"), day(10000, 1, 1)));
    CHECK(cal.holidays_on(cal.find("FR"), ymd(1582, 12, 25)).empty());
}

// ---------------------------------------------------------------------------------------------
// Settings

TEST_CASE("Décret 2012-553 (setting saint_martin_abolition=decree): only 27 May in Saint-Martin") {
    const calendar cal = echeance::builtin_calendar({{"saint_martin_abolition", "decree"}});
    CHECK(holiday_dates(cal, "FR-MF", 2025) == with(l3133_1_2025, {"2025-05-27"}));
    CHECK(holiday_dates(cal, "FR-MF", 2024) == with(l3133_1_2024, {"2024-05-27"}));
    CHECK_FALSE(cal.is_holiday(cal.find("FR-MF"), day(2025, 5, 28)));
    // Other territories are unaffected.
    CHECK(holiday_dates(cal, "FR-971", 2025) == with(l3133_1_2025, {"2025-05-27"}));
}

TEST_CASE("Circulaires 2018-2019 (setting saint_martin_abolition=observed): only 28 May in "
          "Saint-Martin") {
    const calendar cal = echeance::builtin_calendar({{"saint_martin_abolition", "observed"}});
    CHECK(holiday_dates(cal, "FR-MF", 2025) == with(l3133_1_2025, {"2025-05-28"}));
    CHECK_FALSE(cal.is_holiday(cal.find("FR-MF"), day(2025, 5, 27)));
    CHECK(cal.is_holiday(cal.find("FR-MF"), day(2025, 5, 28)));
}

TEST_CASE("DOMAIN.md §2 (setting saint_martin_abolition=both, the default): 27 and 28 May") {
    const calendar cal = echeance::builtin_calendar({{"saint_martin_abolition", "both"}});
    CHECK(holiday_dates(cal, "FR-MF", 2025) == with(l3133_1_2025, {"2025-05-27", "2025-05-28"}));
    const calendar dflt = echeance::builtin_calendar();
    CHECK(holiday_dates(dflt, "FR-MF", 2025) == holiday_dates(cal, "FR-MF", 2025));
}

TEST_CASE("C. trav. L.3134-13 (setting alsace_moselle_good_friday=temple_communes): no Good Friday "
          "in the department calendar") {
    const calendar cal =
        echeance::builtin_calendar({{"alsace_moselle_good_friday", "temple_communes"}});
    CHECK(holiday_dates(cal, "FR-57", 2025) == with(l3133_1_2025, {"2025-12-26"}));
    CHECK(holiday_dates(cal, "FR-67", 2024) == with(l3133_1_2024, {"2024-12-26"}));
    CHECK(holiday_dates(cal, "FR-68", 2025) == with(l3133_1_2025, {"2025-12-26"}));
    CHECK_FALSE(cal.is_holiday(cal.find("FR-57"), day(2025, 4, 18)));
    CHECK(cal.is_holiday(cal.find("FR-57"), day(2025, 12, 26)));

    const calendar department =
        echeance::builtin_calendar({{"alsace_moselle_good_friday", "department"}});
    CHECK(department.is_holiday(department.find("FR-57"), day(2025, 4, 18)));
}

TEST_CASE("Calendar settings: the values in force, defaults filled in, in file order") {
    using pairs = echeance::calendar_settings;
    const calendar dflt = echeance::builtin_calendar();
    CHECK(dflt.settings() == pairs{{"saint_martin_abolition", "both"},
                                   {"abolition_bl_mf_2008_2011", "may_27"},
                                   {"alsace_moselle_good_friday", "department"}});

    const calendar chosen = echeance::builtin_calendar({{"saint_martin_abolition", "observed"}});
    CHECK(chosen.settings() == pairs{{"saint_martin_abolition", "observed"},
                                     {"abolition_bl_mf_2008_2011", "may_27"},
                                     {"alsace_moselle_good_friday", "department"}});
}

TEST_CASE(
    "Loi 83-550: Saint-Barthelemy and Saint-Martin 2008-2011 are uncertain, a setting decides") {
    const calendar kept = echeance::builtin_calendar();
    const calendar none = echeance::builtin_calendar({{"abolition_bl_mf_2008_2011", "none"}});
    for (const char* where : {"FR-BL", "FR-MF"}) {
        for (int y = 2008; y <= 2011; ++y) {
            CHECK(kept.is_holiday(kept.find(where), day(y, 5, 27)));
            CHECK_FALSE(none.is_holiday(none.find(where), day(y, 5, 27)));
        }
        // From 2012 décret 2012-553 decides, whatever the setting.
        CHECK(none.is_holiday(none.find("FR-MF"), day(2012, 5, 27)));
    }
}

TEST_CASE("Calendar settings: an unknown setting or value is an error naming it") {
    require_error(
        [] {
            echeance::builtin_calendar({{"saint_martin", "both"}});
        },
        "echeance.calendar.setting", "\"saint_martin\"");
    require_error(
        [] {
            echeance::builtin_calendar({{"saint_martin_abolition", "28 May"}});
        },
        "echeance.calendar.setting", "\"28 May\"");
    require_error(
        [] {
            echeance::builtin_calendar({{"alsace_moselle_good_friday", "none"}});
        },
        "echeance.calendar.setting", "\"none\"");
    require_error(
        [] {
            echeance::builtin_calendar({{"saint_martin_abolition", ""}});
        },
        "echeance.calendar.setting", "saint_martin_abolition");
}

// ---------------------------------------------------------------------------------------------
// Territories, aliases and time zones

TEST_CASE("ISO 3166-2:FR: the eleven territories, FR the default") {
    const calendar cal = echeance::builtin_calendar();
    CHECK(cal.territory_count() == 11);
    CHECK(cal.territory_ids() ==
          std::vector<std::string>(std::begin(all_territories), std::end(all_territories)));
    CHECK(cal.id(cal.default_territory()) == "FR");
    CHECK(cal.find("FR") == cal.default_territory());
    CHECK(cal.name(cal.find("FR-974")) == "La Réunion");
    for (const char* where : all_territories) CHECK(cal.id(cal.find(where)) == where);
}

TEST_CASE("ISO 3166-1 aliases: GP MQ GF RE YT BL MF are FR-971 FR-972 FR-973 FR-974 FR-976 "
          "FR-BL FR-MF") {
    const calendar cal = echeance::builtin_calendar();
    CHECK(cal.find("GP") == cal.find("FR-971"));
    CHECK(cal.find("MQ") == cal.find("FR-972"));
    CHECK(cal.find("GF") == cal.find("FR-973"));
    CHECK(cal.find("RE") == cal.find("FR-974"));
    CHECK(cal.find("YT") == cal.find("FR-976"));
    CHECK(cal.find("BL") == cal.find("FR-BL"));
    CHECK(cal.find("MF") == cal.find("FR-MF"));
    CHECK(cal.find("GP") != cal.find("FR"));
    CHECK(cal.id(cal.find("MF")) == "FR-MF");
    CHECK(holiday_dates(cal, "GP", 2025) == holiday_dates(cal, "FR-971", 2025));
    REQUIRE(cal.try_find("YT").has_value());
    CHECK(*cal.try_find("YT") == cal.find("FR-976"));
}

TEST_CASE("ISO 3166-2:FR: an unknown territory is an error naming it") {
    const calendar cal = echeance::builtin_calendar();
    require_error([&] { cal.find("FR-75"); }, "echeance.calendar.unknown_territory", "\"FR-75\"");
    require_error([&] { cal.find("fr"); }, "echeance.calendar.unknown_territory", "\"fr\"");
    require_error([&] { cal.find("gp"); }, "echeance.calendar.unknown_territory", "\"gp\"");
    require_error([&] { cal.find(""); }, "echeance.calendar.unknown_territory", "\"\"");
    require_error([&] { cal.find("NC"); }, "echeance.calendar.unknown_territory", "\"NC\"");
    CHECK_FALSE(cal.try_find("FR-75").has_value());
    CHECK_FALSE(cal.try_find("").has_value());
}

TEST_CASE("DOMAIN.md §4: each territory has its IANA time zone") {
    const calendar cal = echeance::builtin_calendar();
    CHECK(cal.time_zone(cal.find("FR")) == "Europe/Paris");
    CHECK(cal.time_zone(cal.find("FR-57")) == "Europe/Paris");
    CHECK(cal.time_zone(cal.find("FR-67")) == "Europe/Paris");
    CHECK(cal.time_zone(cal.find("FR-68")) == "Europe/Paris");
    CHECK(cal.time_zone(cal.find("FR-971")) == "America/Guadeloupe");
    CHECK(cal.time_zone(cal.find("FR-972")) == "America/Martinique");
    CHECK(cal.time_zone(cal.find("FR-973")) == "America/Cayenne");
    CHECK(cal.time_zone(cal.find("FR-974")) == "Indian/Reunion");
    CHECK(cal.time_zone(cal.find("FR-976")) == "Indian/Mayotte");
    CHECK(cal.time_zone(cal.find("FR-BL")) == "America/St_Barthelemy");
    CHECK(cal.time_zone(cal.find("FR-MF")) == "America/Marigot");
}

TEST_CASE("DOMAIN.md §4: UTC offsets of local civil time (Paris summer and winter time, "
          "overseas without DST)") {
    using std::chrono::hours;
    const calendar cal = echeance::builtin_calendar();
    auto local = [](int y, unsigned m, unsigned d, int h) {
        return date::local_seconds(
                   date::local_days(date::year(y) / date::month(m) / date::day(d))) +
               hours(h);
    };
    CHECK(cal.utc_offset(cal.find("FR"), local(2022, 5, 28, 0)) == hours(2));
    CHECK(cal.utc_offset(cal.find("FR"), local(2022, 2, 11, 0)) == hours(1));
    CHECK(cal.utc_offset(cal.find("FR-67"), local(2025, 7, 1, 0)) == hours(2));
    // Summer time 2024 began Sunday 31 March at 02:00 local (CET) and ended 27 October 03:00.
    CHECK(cal.utc_offset(cal.find("FR"), local(2024, 3, 31, 0)) == hours(1));
    CHECK(cal.utc_offset(cal.find("FR"), local(2024, 4, 1, 0)) == hours(2));
    CHECK(cal.utc_offset(cal.find("FR"), local(2024, 10, 27, 0)) == hours(2));
    CHECK(cal.utc_offset(cal.find("FR"), local(2024, 10, 28, 0)) == hours(1));
    for (int month : {1, 7}) {
        auto m = unsigned(month);
        CHECK(cal.utc_offset(cal.find("FR-971"), local(2025, m, 15, 0)) == hours(-4));
        CHECK(cal.utc_offset(cal.find("FR-972"), local(2025, m, 15, 0)) == hours(-4));
        CHECK(cal.utc_offset(cal.find("FR-973"), local(2025, m, 15, 0)) == hours(-3));
        CHECK(cal.utc_offset(cal.find("FR-974"), local(2025, m, 15, 0)) == hours(4));
        CHECK(cal.utc_offset(cal.find("FR-976"), local(2025, m, 15, 0)) == hours(3));
        CHECK(cal.utc_offset(cal.find("FR-BL"), local(2025, m, 15, 0)) == hours(-4));
        CHECK(cal.utc_offset(cal.find("FR-MF"), local(2025, m, 15, 0)) == hours(-4));
    }
}

TEST_CASE("CPC 642 / Reg. 1182/71 art. 3(4): the next working day skips weekends and holidays") {
    const calendar cal = echeance::builtin_calendar();
    // Ascension 26 May 2022.
    CHECK(cal.next_working_day(cal.find("FR"), day(2022, 5, 26)) == day(2022, 5, 27));
    // Guadeloupe: 27 May 2022 abolition day, then the weekend.
    CHECK(cal.next_working_day(cal.find("FR-971"), day(2022, 5, 26)) == day(2022, 5, 30));
    // A working day is its own next working day.
    CHECK(cal.next_working_day(cal.find("FR"), day(2022, 5, 25)) == day(2022, 5, 25));
    // Saturday 30 March 2024, Easter Monday 1 April: Tuesday 2 April.
    CHECK(cal.next_working_day(cal.find("FR"), day(2024, 3, 30)) == day(2024, 4, 2));
    // Alsace-Moselle: Christmas Wednesday 25 and St Stephen Thursday 26 December 2024.
    CHECK(cal.next_working_day(cal.find("FR-57"), day(2024, 12, 25)) == day(2024, 12, 27));
    CHECK(cal.next_working_day(cal.find("FR"), day(2024, 12, 25)) == day(2024, 12, 26));
}

// ---------------------------------------------------------------------------------------------
// Loading other data files

TEST_CASE("Calendar data files: errors name the file and the field") {
    require_error([] { echeance::parse_calendar("{", "bad.json"); }, "echeance.calendar.syntax",
                  "");
    const char* no_cite = R"({"territories":[{"id":"X","name":"X","time_zone":"UTC"}],
        "holidays":[{"id":"a","name":"A","date":"01-01","territories":["X"],"cite":""}]})";
    try {
        echeance::parse_calendar(no_cite, "x.json");
        FAIL("a holiday without a citation was accepted");
    } catch (const echeance::error& e) {
        CHECK(e.id() == "echeance.calendar.missing_cite");
        CHECK(e.where().file == "x.json");
        CHECK(e.where().field == "/holidays/0/cite");
    }
    const char* feb29 = R"({"territories":[{"id":"X","name":"X","time_zone":"UTC"}],
        "holidays":[{"id":"a","name":"A","date":"02-29","territories":["X"],"cite":"c"}]})";
    require_error([&] { echeance::parse_calendar(feb29, "x.json"); }, "echeance.calendar.date",
                  "02-29");
    require_error([] { echeance::load_calendar("/nonexistent/fr.json"); }, "echeance.calendar.io",
                  "/nonexistent/fr.json");
}

TEST_CASE("Calendar data files: the file in the repository is the builtin calendar") {
    const calendar file =
        echeance::load_calendar(std::string(ECHEANCE_SOURCE_DIR) + "/rules/calendars/fr.json");
    const calendar builtin = echeance::builtin_calendar();
    for (const char* where : all_territories)
        for (int y : {2024, 2025})
            CHECK(holiday_dates(file, where, y) == holiday_dates(builtin, where, y));
}

// ---------------------------------------------------------------------------------------------
// The model: built by hand in the core, read from a file by io with line:column

TEST_CASE("Calendar model: a calendar built by hand, without a file") {
    echeance::calendar_model m;
    m.territories.push_back({"X", "Somewhere", "Europe/Paris", {"XA"}});
    echeance::calendar_model::holiday_rule christmas;
    christmas.id = "christmas";
    christmas.name = "Christmas Day";
    christmas.cite = "a law";
    christmas.month = 12;
    christmas.day = 25;
    christmas.territories = {0};
    echeance::calendar_model::holiday_rule monday;
    monday.id = "easter_monday";
    monday.name = "Easter Monday";
    monday.cite = "a law";
    monday.easter_based = true;
    monday.easter_offset = 1;
    monday.from = 2000;
    monday.territories = {0};
    monday.when = {{"mondays", {"kept"}}};
    m.holidays = {christmas, monday};
    m.settings.push_back({"mondays", {"kept", "dropped"}, "kept"});
    const calendar cal(m);
    CHECK(cal.find("XA") == cal.find("X"));
    CHECK(cal.is_holiday(cal.find("X"), day(2024, 12, 25)));
    CHECK(cal.is_holiday(cal.find("X"), day(2024, 4, 1)));
    CHECK_FALSE(cal.is_holiday(cal.find("X"), day(1999, 4, 5))); // from 2000
    const calendar dropped(m, {{"mondays", "dropped"}});
    CHECK_FALSE(dropped.is_holiday(dropped.find("X"), day(2024, 4, 1)));
    require_error(
        [&] {
            calendar(m, {{"mondays", "sometimes"}});
        },
        "echeance.calendar.setting", "sometimes");
    // A bad model names its field, as a file would.
    m.holidays[0].day = 32;
    try {
        calendar{m};
        FAIL("12-32 was accepted");
    } catch (const echeance::error& e) {
        CHECK(e.id() == "echeance.calendar.date");
        CHECK(e.message() == "\"12-32\" is not a fixed day of every year (expected MM-DD)");
        CHECK(e.where().field == "/holidays/0/date");
    }
    m.holidays[0].day = 25;
    m.holidays[0].territories = {1};
    require_error([&] { calendar{m}; }, "echeance.calendar.unknown_territory", "index 1");
}

TEST_CASE("Calendar files: every error is at file:line:column") {
    auto where = [](const char* text) {
        try {
            echeance::parse_calendar(text, "x.json");
        } catch (const echeance::error& e) {
            return e.id() + " " + e.where().to_string();
        }
        return std::string("accepted");
    };
    // The reader's own checks.
    CHECK(where("{\n  \"territories\": [}") == "echeance.calendar.syntax x.json:2:19");
    CHECK(where(R"({"territories":[{"id":"X","name":"X","time_zone":"UTC","id":"Y"}],
"holidays":[]})") == "echeance.calendar.duplicate x.json:1:56: /territories/0/id");
    CHECK(where(R"({"territories":[{"id":"X","name":"X","time_zone":"UTC"}],
"holidays":[{"id":"a","name":"A","easter":1e1,"territories":["X"],"cite":"c"}]})") ==
          "echeance.calendar.type x.json:2:43: /holidays/0/easter");
    CHECK(where(R"({"territories":[{"id":"X","name":"X","time_zone":"UTC"}],
"holidays":[{"id":"a","name":"A","easter":99999999999999999999,"territories":["X"],"cite":"c"}]})") ==
          "echeance.calendar.type x.json:2:43: /holidays/0/easter");
    CHECK(where(R"({"territories":[{"id":"X","name":"X","time_zone":"UTC"}],
"holidays":[{"id":"a","name":"A","date":"1-01","territories":["Y"],"cite":"c"}]})") ==
          "echeance.calendar.date x.json:2:41: /holidays/0/date");
    CHECK(where(R"({"territories":[{"id":"X","name":"X","time_zone":"UTC"}],
"holidays":[{"id":"a","name":"A","date":"01-01","territories":["Y"],"cite":"c"}]})") ==
          "echeance.calendar.unknown_territory x.json:2:64: /holidays/0/territories/0");
    // The core's checks, placed back in the file by their JSON pointer.
    CHECK(where(R"({"territories":[{"id":"X","name":"X","time_zone":"UTC"},
                  {"id":"X","name":"X","time_zone":"UTC"}], "holidays":[]})") ==
          "echeance.calendar.duplicate x.json:2:25: /territories/1/id");
    CHECK(where(R"({"territories":[{"id":"X","name":"X","time_zone":"UTC"}],
"holidays":[{"id":"a","name":"A","date":"02-30","territories":["X"],"cite":"c"}]})") ==
          "echeance.calendar.date x.json:2:41: /holidays/0/date");
    CHECK(where(R"({"territories":[{"id":"X","name":"X","time_zone":"Nowhere/Else"}],
"holidays":[]})") == "echeance.calendar.time_zone x.json:1:50: /territories/0/time_zone");
    CHECK(where(R"({"territories":[{"id":"X","name":"X","time_zone":"UTC"}],
"settings":{"s":{"values":["a"],"default":"a","cite":"c"}},
"holidays":[{"id":"a","name":"A","date":"01-01","territories":["X"],"cite":"c",
             "when":{"s":["b"]}}]})") ==
          "echeance.calendar.setting x.json:4:26: /holidays/0/when/s");
}
