// ISO 8601 periods PnYnMnWnD and their addition to a date, with an explicit month-end policy.
#pragma once

#include "echeance/date.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace echeance {

// What to do when a month step lands on a day the month does not have (31 Jan + 1 month).
enum class month_end : std::uint8_t {
    clamp,    // last day of the month (CPC 641, Reg. 1182/71 art. 3(2)(c), java.time, Catala
              // RoundDown)
    overflow, // first day of the next month (Catala RoundUp)
    reject,   // an error: the caller must decide
};

std::string_view to_string(month_end m) noexcept;
// Throws "echeance.period.month_end" for anything but clamp|overflow|reject.
month_end parse_month_end(std::string_view text);
// "clamp", "overflow", "reject": the names parse_month_end() accepts, in declaration order.
std::vector<std::string> month_end_names();

// A period as written: years, months, weeks and days, each non-negative.
struct period {
    static constexpr std::int32_t max_component = 999'999'999;

    std::int32_t years = 0;
    std::int32_t months = 0;
    std::int32_t weeks = 0;
    std::int32_t days = 0;

    constexpr bool has_calendar_part() const noexcept { return years != 0 || months != 0; }
    constexpr std::int64_t total_days_part() const noexcept {
        return std::int64_t(weeks) * 7 + days;
    }

    // Strict ISO 8601 subset: 'P', then nY nM nW nD in that order, each at most once, at least one,
    // ASCII digits only. Throws "echeance.period.invalid" with the column relative to `text`.
    static period parse(std::string_view text);

    // Canonical text: zero components omitted, "P0D" for the empty period.
    std::string to_string() const;

    friend constexpr bool operator==(const period& a, const period& b) noexcept {
        return a.years == b.years && a.months == b.months && a.weeks == b.weeks && a.days == b.days;
    }
    friend constexpr bool operator!=(const period& a, const period& b) noexcept {
        return !(a == b);
    }
};

// How add() reached its result, for explanations.
struct addition {
    year_month_day start;
    year_month_day after_months; // after years and months, before weeks and days
    year_month_day result;
    bool month_end_applied = false; // the day did not exist in the target month
};

// Years and months together first (the month-end policy is applied once, at that step), then
// weeks and days. Throws "echeance.period.month_end" (policy reject) or
// "echeance.date.out_of_range".
addition add_explained(year_month_day start, const period& p, month_end policy = month_end::clamp);

inline year_month_day add(year_month_day start, const period& p,
                          month_end policy = month_end::clamp) {
    return add_explained(start, p, policy).result;
}

} // namespace echeance
