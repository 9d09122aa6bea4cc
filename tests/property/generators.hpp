// Generators, reference arithmetic and small helpers shared by the property tests.
//
// Everything here is independent of src/: the reference calendar arithmetic below is written
// from the proleptic Gregorian rules (DOMAIN.md §3), so that properties comparing the library
// against it can fail when the library breaks.
#pragma once

#include "echeance/calendar.hpp"
#include "echeance/convention.hpp"
#include "echeance/date.hpp"
#include "echeance/error.hpp"
#include "echeance/io/calendar.hpp"
#include "echeance/period.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <optional>
#include <ostream>
#include <rapidcheck.h>
#include <rapidcheck/catch.h>
#include <string>
#include <tuple>
#include <utility>

// How RapidCheck prints counterexamples (found by argument-dependent lookup).
namespace echeance {
inline void showValue(const period& p, std::ostream& os) {
    os << p.to_string() << " {years=" << p.years << ", months=" << p.months << ", weeks=" << p.weeks
       << ", days=" << p.days << "}";
}
inline void showValue(month_end m, std::ostream& os) {
    os << to_string(m);
}
inline void showValue(convention c, std::ostream& os) {
    os << to_string(c);
}
inline void showValue(territory t, std::ostream& os) {
    os << "territory(" << t.index() << " = "
       << (t.index() < builtin_calendar().territory_count() ? builtin_calendar().id(t)
                                                            : std::string("?"))
       << ")";
}
} // namespace echeance

namespace echeance_prop {

using echeance::period;
using echeance::sys_days;
using echeance::year_month_day;

// ---------------------------------------------------------------------------------------------
// Reference proleptic Gregorian arithmetic (int64, no range limits, no dependency on src/).

constexpr bool is_leap(std::int64_t y) noexcept {
    return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

constexpr unsigned days_in_month(std::int64_t y, unsigned m) noexcept {
    constexpr unsigned lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29u : lengths[m - 1];
}

// Days since 1970-01-01 (H. Hinnant's days_from_civil, written out for int64).
constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

constexpr std::int64_t first_serial = days_from_civil(1583, 1, 1);
constexpr std::int64_t last_serial = days_from_civil(9999, 12, 31);
static_assert(first_serial == -141349, "reference arithmetic: 1583-01-01");
static_assert(last_serial == 2932896, "reference arithmetic: 9999-12-31");

inline std::int64_t serial(year_month_day d) {
    return days_from_civil(int(d.year()), unsigned(d.month()), unsigned(d.day()));
}
inline std::int64_t serial(sys_days d) {
    return d.time_since_epoch().count();
}

inline year_month_day ymd(int y, unsigned m, unsigned d) {
    return year_month_day{date::year(y), date::month(m), date::day(d)};
}
inline year_month_day from_serial(std::int64_t s) {
    return year_month_day(sys_days(date::days(s)));
}
inline sys_days sd(year_month_day d) {
    return sys_days(d);
}

inline bool serial_in_range(std::int64_t s) {
    return s >= first_serial && s <= last_serial;
}

// The reference result of start + p under a month-end policy (DOMAIN.md §3: years and months
// together first, the policy applied once there, then weeks and days).
struct ref_sum {
    enum class outcome { ok, out_of_range, rejected } what = outcome::ok;
    bool month_end_applied = false;
    std::int64_t after_months = 0; // serial
    std::int64_t result = 0;       // serial
};

inline ref_sum ref_add(year_month_day start, const period& p, echeance::month_end policy) {
    ref_sum out;
    std::int64_t y = int(start.year());
    unsigned m = unsigned(start.month()), d = unsigned(start.day());
    std::int64_t mid = serial(start);
    if (p.years != 0 || p.months != 0) {
        const std::int64_t index = y * 12 + (m - 1) + std::int64_t(p.years) * 12 + p.months;
        const std::int64_t ny = index / 12;
        const unsigned nm = unsigned(index % 12) + 1;
        if (ny > echeance::max_year) {
            out.what = ref_sum::outcome::out_of_range;
            return out;
        }
        const unsigned last = days_in_month(ny, nm);
        if (d <= last) {
            mid = days_from_civil(ny, nm, d);
        } else {
            out.month_end_applied = true;
            switch (policy) {
            case echeance::month_end::clamp:
                mid = days_from_civil(ny, nm, last);
                break;
            case echeance::month_end::overflow:
                mid = days_from_civil(ny, nm, last) + 1;
                break;
            case echeance::month_end::reject:
                out.what = ref_sum::outcome::rejected;
                return out;
            }
        }
    }
    out.after_months = mid;
    out.result = mid + std::int64_t(p.weeks) * 7 + p.days;
    if (!serial_in_range(out.result)) out.what = ref_sum::outcome::out_of_range;
    return out;
}

// add() that maps the one legitimate failure (a result after 9999-12-31) to nullopt; any other
// error escapes and fails the property.
inline std::optional<year_month_day>
try_add(year_month_day d, const period& p,
        echeance::month_end policy = echeance::month_end::clamp) {
    try {
        return echeance::add(d, p, policy);
    } catch (const echeance::error& e) {
        if (e.id() != "echeance.date.out_of_range") throw;
        return std::nullopt;
    }
}

inline std::optional<echeance::deadline> try_deadline(const echeance::calendar& cal,
                                                      year_month_day d, const period& p,
                                                      echeance::convention c,
                                                      echeance::territory t) {
    try {
        return echeance::compute_deadline(cal, d, p, c, t);
    } catch (const echeance::error& e) {
        if (e.id() != "echeance.date.out_of_range") throw;
        return std::nullopt;
    }
}

inline std::string str(year_month_day d) {
    return echeance::format_date(d);
}

// ---------------------------------------------------------------------------------------------
// Generators.

// Years over the whole range, biased toward 1900-2100 and toward century / range edges.
inline rc::Gen<int> gen_year() {
    return rc::gen::weightedOneOf<int>({
        {4, rc::gen::inRange(1900, 2101)},
        {3, rc::gen::inRange(echeance::min_year, echeance::max_year + 1)},
        {1, rc::gen::element(1583, 1584, 1600, 1700, 1800, 1899, 1900, 2000, 2100, 2400, 9000, 9900,
                             9996, 9998, 9999)},
    });
}

// Leap years only, so that Feb 29 can be generated directly.
inline rc::Gen<int> gen_leap_year() {
    return rc::gen::weightedOneOf<int>({
        {2, rc::gen::map(rc::gen::inRange(0, 49), [](int k) { return 1904 + 4 * k; })}, // 1904-2096
        {1, rc::gen::map(rc::gen::inRange(0, 2104),
                         [](int k) {
                             int y = 1584 + 4 * k;
                             if (y % 100 == 0 && y % 400 != 0) y += 4;
                             return y;
                         })},
    });
}

// A valid date in 1583-01-01 .. 9999-12-31, biased toward month ends and Feb 29.
inline rc::Gen<year_month_day> gen_date() {
    using Ymd = std::tuple<int, unsigned, unsigned>;
    auto any = rc::gen::map(
        rc::gen::tuple(gen_year(), rc::gen::inRange(1u, 13u), rc::gen::inRange(1u, 32u)),
        [](const Ymd& t) {
            const auto [y, m, d] = t;
            return ymd(y, m, std::min(d, days_in_month(y, m)));
        });
    auto month_end = rc::gen::map(
        rc::gen::tuple(gen_year(), rc::gen::inRange(1u, 13u), rc::gen::inRange(0u, 4u)),
        [](const Ymd& t) {
            const auto [y, m, back] = t;
            return ymd(y, m, days_in_month(y, m) - back);
        });
    auto feb29 = rc::gen::map(gen_leap_year(), [](int y) { return ymd(y, 2, 29); });
    return rc::gen::weightedOneOf<year_month_day>({{6, any}, {3, month_end}, {1, feb29}});
}

// One component of a period: often zero, usually small.
inline rc::Gen<std::int32_t> gen_small_component(std::int32_t small, std::int32_t medium) {
    return rc::gen::weightedOneOf<std::int32_t>({
        {5, rc::gen::just<std::int32_t>(0)},
        {6, rc::gen::inRange<std::int32_t>(0, small + 1)},
        {2, rc::gen::inRange<std::int32_t>(0, medium + 1)},
    });
}

// Periods whose sums mostly stay inside 1583-9999 for most start dates.
inline rc::Gen<period> gen_period() {
    return rc::gen::map(
        rc::gen::tuple(gen_small_component(5, 120), gen_small_component(14, 1500),
                       gen_small_component(10, 600), gen_small_component(45, 20000)),
        [](const std::tuple<std::int32_t, std::int32_t, std::int32_t, std::int32_t>& t) {
            period p;
            std::tie(p.years, p.months, p.weeks, p.days) = t;
            return p;
        });
}

// Any valid period, including components up to period::max_component.
inline rc::Gen<std::int32_t> gen_any_component() {
    return rc::gen::weightedOneOf<std::int32_t>({
        {4, rc::gen::just<std::int32_t>(0)},
        {4, rc::gen::inRange<std::int32_t>(0, 100)},
        {2, rc::gen::inRange<std::int32_t>(0, period::max_component + 1)},
        {1,
         rc::gen::element<std::int32_t>(1, 9, 10, 99, 100, 999'999'999, 999'999'998, 100'000'000)},
    });
}

inline rc::Gen<period> gen_any_period() {
    return rc::gen::map(
        rc::gen::tuple(gen_any_component(), gen_any_component(), gen_any_component(),
                       gen_any_component()),
        [](const std::tuple<std::int32_t, std::int32_t, std::int32_t, std::int32_t>& t) {
            period p;
            std::tie(p.years, p.months, p.weeks, p.days) = t;
            return p;
        });
}

// A start date and a period, sometimes chosen so that the sum lands within days of 9999-12-31
// (on either side), where range checks live.
inline rc::Gen<std::pair<year_month_day, period>> gen_start_and_period() {
    using Pair = std::pair<year_month_day, period>;
    auto usual = rc::gen::pair(gen_date(), gen_period());
    auto near_end_days = rc::gen::map(
        rc::gen::tuple(rc::gen::inRange<std::int32_t>(0, 800),
                       rc::gen::inRange<std::int32_t>(-12, 13), rc::gen::arbitrary<bool>()),
        [](const std::tuple<std::int32_t, std::int32_t, bool>& t) {
            const auto [back, delta, as_weeks] = t;
            period p;
            const std::int32_t total = std::max<std::int32_t>(0, back + delta);
            if (as_weeks) {
                p.weeks = total / 7;
                p.days = total % 7;
            } else {
                p.days = total;
            }
            return Pair{from_serial(last_serial - back), p};
        });
    auto near_end_months =
        rc::gen::map(rc::gen::tuple(rc::gen::inRange(9990, 10000), rc::gen::inRange(1u, 13u),
                                    rc::gen::inRange(1u, 32u), rc::gen::inRange<std::int32_t>(0, 3),
                                    rc::gen::inRange<std::int32_t>(0, 12)),
                     [](const std::tuple<int, unsigned, unsigned, std::int32_t, std::int32_t>& t) {
                         const auto [y, m, d, extra_months, days] = t;
                         period p;
                         p.months = std::int32_t((9999 - y) * 12 + (12 - int(m))) + extra_months;
                         p.days = days;
                         return Pair{ymd(y, m, std::min(d, days_in_month(y, m))), p};
                     });
    return rc::gen::weightedOneOf<Pair>({{10, usual}, {1, near_end_days}, {1, near_end_months}});
}

inline rc::Gen<echeance::month_end> gen_month_end() {
    return rc::gen::element(echeance::month_end::clamp, echeance::month_end::overflow,
                            echeance::month_end::reject);
}

inline rc::Gen<echeance::convention> gen_convention() {
    return rc::gen::element(echeance::convention::plain, echeance::convention::cpc,
                            echeance::convention::eu);
}

// A territory of the built-in calendar; the overseas ones (with their own holidays and time
// zones) are as likely as metropolitan France.
inline rc::Gen<echeance::territory> gen_territory() {
    const auto count = std::uint16_t(echeance::builtin_calendar().territory_count());
    return rc::gen::map(rc::gen::inRange<std::uint16_t>(0, count),
                        [](std::uint16_t i) { return echeance::territory(i); });
}

} // namespace echeance_prop

namespace rc {

template <>
struct Arbitrary<date::year_month_day> {
    static Gen<date::year_month_day> arbitrary() { return echeance_prop::gen_date(); }
};

template <>
struct Arbitrary<echeance::period> {
    static Gen<echeance::period> arbitrary() { return echeance_prop::gen_period(); }
};

template <>
struct Arbitrary<echeance::month_end> {
    static Gen<echeance::month_end> arbitrary() { return echeance_prop::gen_month_end(); }
};

template <>
struct Arbitrary<echeance::convention> {
    static Gen<echeance::convention> arbitrary() { return echeance_prop::gen_convention(); }
};

template <>
struct Arbitrary<echeance::territory> {
    static Gen<echeance::territory> arbitrary() { return echeance_prop::gen_territory(); }
};

} // namespace rc
