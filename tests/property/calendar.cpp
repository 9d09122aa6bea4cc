// Properties of the holiday calendars (DOMAIN.md §4) and their time zones.
#include "generators.hpp"

#include <algorithm>
#include <date/tz.h>
#include <set>
#include <string>
#include <vector>

using namespace echeance_prop;

namespace {

const echeance::calendar& cal() {
    static const echeance::calendar c = echeance::builtin_calendar();
    return c;
}

// Easter Sunday by Knuth's algorithm (TAOCP vol. 1, 1.3.2 ex. 14): independent of the
// Meeus/Jones/Butcher computus used by the library.
year_month_day knuth_easter(int y) {
    const int g = y % 19 + 1, c = y / 100 + 1, x = 3 * c / 4 - 12, z = (8 * c + 5) / 25 - 5;
    const int d = 5 * y / 4 - x - 10;
    int e = (11 * g + 20 + z - x) % 30;
    if ((e == 25 && g > 11) || e == 24) ++e;
    int n = 44 - e;
    if (n < 21) n += 30;
    n = n + 7 - (d + n) % 7;
    return n > 31 ? ymd(y, 4, unsigned(n - 31)) : ymd(y, 3, unsigned(n));
}

// DOMAIN.md §4 for years from 2018 on (all rules in force, default settings), written out
// from the text rather than from rules/calendars/fr.json.
std::set<std::int64_t> spec_holidays(const std::string& id, int y,
                                     const std::string& saint_martin = "both",
                                     const std::string& good_friday = "department") {
    const auto easter = serial(knuth_easter(y));
    std::set<std::int64_t> out = {
        serial(ymd(y, 1, 1)),
        easter + 1,
        serial(ymd(y, 5, 1)),
        serial(ymd(y, 5, 8)),
        easter + 39,
        easter + 50,
        serial(ymd(y, 7, 14)),
        serial(ymd(y, 8, 15)),
        serial(ymd(y, 11, 1)),
        serial(ymd(y, 11, 11)),
        serial(ymd(y, 12, 25)),
    };
    if (id == "FR-57" || id == "FR-67" || id == "FR-68") {
        if (good_friday == "department") out.insert(easter - 2);
        out.insert(serial(ymd(y, 12, 26)));
    }
    if (id == "FR-976") out.insert(serial(ymd(y, 4, 27)));
    if (id == "FR-972") out.insert(serial(ymd(y, 5, 22)));
    if (id == "FR-971") out.insert(serial(ymd(y, 5, 27)));
    if (id == "FR-973") out.insert(serial(ymd(y, 6, 10)));
    if (id == "FR-974") out.insert(serial(ymd(y, 12, 20)));
    if (id == "FR-BL") out.insert(serial(ymd(y, 10, 9)));
    if (id == "FR-MF") { // setting saint_martin_abolition: decree 27 May, observed 28 May
        if (saint_martin != "observed") out.insert(serial(ymd(y, 5, 27)));
        if (saint_martin != "decree") out.insert(serial(ymd(y, 5, 28)));
    }
    return out;
}

// A date, or any day of the range: holidays are rare, so also pick actual holiday dates.
year_month_day holiday_biased_date(echeance::territory t) {
    const auto choice = *rc::gen::inRange(0, 3);
    if (choice == 0) {
        const auto y = *gen_year();
        const auto hs = cal().holidays(t, date::year(y));
        if (!hs.empty()) {
            const auto& h = hs[*rc::gen::inRange<std::size_t>(0, hs.size())];
            // The day itself or a neighbour.
            const auto s = serial(h.day) + *rc::gen::inRange(-1, 2);
            return from_serial(std::clamp(s, first_serial, last_serial));
        }
    }
    return *gen_date();
}

} // namespace

TEST_CASE("the holiday bitset agrees with the slow path", "[property][calendar]") {
    // Property 8.
    rc::prop(
        "is_holiday(t, d) == !holidays_on(t, d).empty() == d in holidays(t, year)",
        [] {
            const auto t = *gen_territory();
            const auto d = holiday_biased_date(t);
            const bool fast = cal().is_holiday(t, sd(d));
            const auto on = cal().holidays_on(t, d);
            RC_ASSERT(fast == !on.empty());
            for (const auto& h : on) {
                RC_ASSERT(h.day == d);
                RC_ASSERT(!h.id.empty());
                RC_ASSERT(!h.cite.empty());
            }
            // holidays_on may consult the bitset first; holidays(t, year) does not.
            const auto year = cal().holidays(t, d.year());
            const bool listed = std::any_of(year.begin(), year.end(),
                                            [&](const echeance::holiday& h) { return h.day == d; });
            RC_ASSERT(fast == listed);
            // Every rule of that day, e.g. Ascension on Labour Day: same ids, same order.
            std::vector<std::string> want_ids, got_ids;
            for (const auto& h : year)
                if (h.day == d) want_ids.push_back(h.id);
            for (const auto& h : on) got_ids.push_back(h.id);
            RC_ASSERT(got_ids == want_ids);
            RC_CLASSIFY(want_ids.size() > 1, "two holidays on one day");
            const unsigned wd = date::weekday(sd(d)).c_encoding();
            RC_ASSERT(cal().is_working_day(t, sd(d)) == (wd != 0 && wd != 6 && !fast));
            RC_CLASSIFY(fast, "holiday");
        },
        /*verbose=*/true);
    rc::prop(
        "holidays(t, year) are sorted, in that year, and flagged in the bitset",
        [] {
            const auto t = *gen_territory();
            const auto y = *gen_year();
            const auto hs = cal().holidays(t, date::year(y));
            for (std::size_t i = 0; i < hs.size(); ++i) {
                RC_ASSERT(hs[i].day.ok());
                RC_ASSERT(int(hs[i].day.year()) == y);
                if (i > 0) RC_ASSERT(hs[i - 1].day <= hs[i].day);
                RC_ASSERT(cal().is_holiday(t, sd(hs[i].day)));
            }
            // Exactly the flagged days of that year.
            std::size_t flagged = 0;
            for (auto d = sd(ymd(y, 1, 1)); d <= sd(ymd(y, 12, 31)); d += date::days(1))
                flagged += cal().is_holiday(t, d) ? 1 : 0;
            std::set<year_month_day> distinct;
            for (const auto& h : hs) distinct.insert(h.day);
            RC_ASSERT(flagged == distinct.size());
        },
        /*verbose=*/true);
    rc::prop(
        "next_working_day is the first working day on or after d",
        [] {
            const auto t = *gen_territory();
            const auto d = holiday_biased_date(t);
            RC_PRE(serial(d) <= last_serial - 20);
            const auto n = cal().next_working_day(t, sd(d));
            RC_ASSERT(n >= sd(d));
            RC_ASSERT(cal().is_working_day(t, n));
            for (auto x = sd(d); x < n; x += date::days(1)) RC_ASSERT(!cal().is_working_day(t, x));
        },
        /*verbose=*/true);
}

TEST_CASE("the inline holiday view agrees with the calendar", "[property][calendar]") {
    rc::prop(
        "view(t) == calendar queries; weekday from the serial; nothing outside 1583-9999",
        [] {
            const auto count = std::uint16_t(cal().territory_count());
            // Sometimes a territory the calendar does not have: no holidays at all.
            const auto index = *rc::gen::weightedOneOf<std::uint16_t>(
                {{8, rc::gen::inRange<std::uint16_t>(0, count)},
                 {1, rc::gen::inRange<std::uint16_t>(count, 600)}});
            const echeance::territory t(index);
            // Days in range, and days well outside it (the bitset must not be read there).
            const auto s = *rc::gen::weightedOneOf<std::int64_t>({
                {6, rc::gen::map(gen_date(), [](year_month_day d) { return serial(d); })},
                {1, rc::gen::inRange<std::int64_t>(first_serial - 800, first_serial + 800)},
                {1, rc::gen::inRange<std::int64_t>(last_serial - 800, last_serial + 800)},
                {1, rc::gen::inRange<std::int64_t>(-5'000'000, 5'000'000)},
            });
            const sys_days d{date::days(s)};
            const auto v = cal().view(t);
            RC_ASSERT(v.is_holiday(d) == cal().is_holiday(t, d));
            const unsigned wd = date::weekday(d).c_encoding();
            RC_ASSERT(v.is_working_day(d) == (wd != 0 && wd != 6 && !v.is_holiday(d)));
            RC_ASSERT(cal().is_working_day(t, d) == v.is_working_day(d));
            if (!serial_in_range(s) || index >= count) RC_ASSERT(!v.is_holiday(d));
            if (serial_in_range(s) && index < count) {
                const auto y = year_month_day(d).year();
                const auto hs = cal().holidays(t, y);
                const bool listed =
                    std::any_of(hs.begin(), hs.end(), [&](const echeance::holiday& h) {
                        return h.day == year_month_day(d);
                    });
                RC_ASSERT(v.is_holiday(d) == listed);
            }
        },
        /*verbose=*/true);
}

TEST_CASE("holidays follow DOMAIN.md §4", "[property][calendar]") {
    rc::prop(
        "easter_sunday agrees with Knuth's computus and is a Sunday in Mar 22 - Apr 25",
        [] {
            const auto y = *gen_year();
            const auto e = echeance::easter_sunday(date::year(y));
            RC_ASSERT(e == knuth_easter(y));
            RC_ASSERT(date::weekday(sd(e)) == date::Sunday);
            RC_ASSERT(e >= ymd(y, 3, 22));
            RC_ASSERT(e <= ymd(y, 4, 25));
        },
        /*verbose=*/true);
    rc::prop(
        "from 2018 on, each territory's holidays are exactly those of §4",
        [] {
            const auto t = *gen_territory();
            const auto y = *rc::gen::weightedOneOf<int>(
                {{3, rc::gen::inRange(2018, 2101)}, {1, rc::gen::inRange(2018, 10000)}});
            const auto want = spec_holidays(cal().id(t), y);
            std::set<std::int64_t> got;
            for (const auto& h : cal().holidays(t, date::year(y))) got.insert(serial(h.day));
            RC_ASSERT(got == want);
            // And the bitset, day by day, on a sample of the year.
            const auto d = ymd(y, 1, 1);
            const auto s = serial(d) + *rc::gen::inRange(0, is_leap(y) ? 366 : 365);
            RC_ASSERT(cal().is_holiday(t, sd(from_serial(s))) == (want.count(s) == 1));
        },
        /*verbose=*/true);
}

TEST_CASE("calendar settings select the contested rules", "[property][calendar]") {
    static const std::string sm_values[] = {"decree", "observed", "both"};
    static const std::string gf_values[] = {"department", "temple_communes"};
    // Built once per combination (a calendar is immutable and cheap to copy).
    static const std::vector<echeance::calendar> calendars = [] {
        std::vector<echeance::calendar> out;
        for (const auto& sm : sm_values)
            for (const auto& gf : gf_values)
                out.push_back(echeance::builtin_calendar(
                    {{"saint_martin_abolition", sm}, {"alsace_moselle_good_friday", gf}}));
        return out;
    }();
    rc::prop(
        "with any settings, holidays from 2018 on are those of §4",
        [] {
            const auto i = *rc::gen::inRange<std::size_t>(0, 3),
                       j = *rc::gen::inRange<std::size_t>(0, 2);
            const auto& c = calendars[i * 2 + j];
            const auto t = *gen_territory();
            const auto y = *rc::gen::weightedOneOf<int>(
                {{3, rc::gen::inRange(2018, 2101)}, {1, rc::gen::inRange(2018, 10000)}});
            const auto want = spec_holidays(c.id(t), y, sm_values[i], gf_values[j]);
            std::set<std::int64_t> got;
            for (const auto& h : c.holidays(t, date::year(y))) got.insert(serial(h.day));
            RC_ASSERT(got == want);
            for (const auto s : want) RC_ASSERT(c.is_holiday(t, sd(from_serial(s))));
            const auto s = serial(ymd(y, 1, 1)) + *rc::gen::inRange(0, is_leap(y) ? 366 : 365);
            RC_ASSERT(c.is_holiday(t, sd(from_serial(s))) == (want.count(s) == 1));
            // The settings in force are reported back.
            bool saw_sm = false, saw_gf = false;
            for (const auto& [name, value] : c.settings()) {
                if (name == "saint_martin_abolition") saw_sm = value == sm_values[i];
                if (name == "alsace_moselle_good_friday") saw_gf = value == gf_values[j];
            }
            RC_ASSERT(saw_sm);
            RC_ASSERT(saw_gf);
        },
        /*verbose=*/true);
}

TEST_CASE("UTC offsets agree with the tz database", "[property][calendar]") {
    rc::prop(
        "utc_offset(t, local) is the offset the tz database gives that local time",
        [] {
            const auto t = *gen_territory();
            const auto* zone = date::locate_zone(cal().time_zone(t));
            const auto day = *gen_date();
            auto local = date::local_seconds(date::local_days(sd(day).time_since_epoch()));
            switch (*rc::gen::inRange(0, 3)) {
            case 0:
                break; // midnight, where deadlines end
            case 1:
                local += std::chrono::seconds(*rc::gen::inRange(0, 86400));
                break;
            default: {
                // A second around the last transition before that day, in either offset.
                const auto info = zone->get_info(date::sys_seconds(sd(day).time_since_epoch()));
                if (info.begin.time_since_epoch() > std::chrono::seconds(-20'000'000'000LL)) {
                    const auto before = zone->get_info(info.begin - std::chrono::seconds(1));
                    const auto offset = *rc::gen::element(info.offset, before.offset);
                    local = date::local_seconds((info.begin + offset).time_since_epoch()) +
                            std::chrono::seconds(*rc::gen::inRange(-2, 3));
                }
            }
            }
            const auto info = zone->get_info(local);
            const auto got = cal().utc_offset(t, local);
            RC_ASSERT(std::chrono::abs(got) <= std::chrono::hours(14));
            switch (info.result) {
            case date::local_info::unique:
                RC_ASSERT(got == info.first.offset);
                break;
            case date::local_info::ambiguous:
                RC_ASSERT(got == info.first.offset || got == info.second.offset);
                break;
            case date::local_info::nonexistent:
                RC_ASSERT(got == info.first.offset || got == info.second.offset);
                break;
            }
            RC_CLASSIFY(info.result != date::local_info::unique, "ambiguous or nonexistent");
        },
        /*verbose=*/true);
}
